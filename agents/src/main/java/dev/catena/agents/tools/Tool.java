package dev.catena.agents.tools;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Java method as a tool a model may call; {@link MethodTools} turns the marked methods of
 * an object (instance and static) or a class (static) into {@link AgentTool}s. Each parameter
 * becomes a property of the arguments object, described by prompts'
 * {@link dev.catena.prompts.parsers.Description}; a method whose only parameter is a record takes
 * the record's components as its arguments.
 *
 * <pre>{@code
 * class Weather {
 *     @Tool(description = "Current temperature of a city, in Celsius")
 *     double temperature(@Description("city name") String city) { ... }
 * }
 * List<AgentTool> tools = MethodTools.from(new Weather());
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tool {

    /** {@return the tool's name for the model; empty means the method's name} */
    String name() default "";

    /** {@return what the tool does and when to use it, for the model} */
    String description();

    /** {@return whether the tool's result is the agent's final answer (the loop stops after it)} */
    boolean returnDirect() default false;

    /** {@return the longest the tool may run, in milliseconds; 0 means no limit of its own} */
    long timeoutMillis() default 0;

    /** {@return whether each call must be approved by the executor's {@link ToolApprover} first} */
    boolean needsApproval() default false;
}
