package dev.catena.agents.tools;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Makes tools of the methods annotated with {@link Tool}: their parameters become a JSON schema
 * (through prompts' {@link dev.catena.prompts.parsers.JsonSchema}), the model's arguments are
 * checked and converted with Jackson, and a missing or ill-typed argument fails the call with a
 * {@link dev.catena.core.tools.ToolExecutionException} naming every wrong argument, so the agent
 * executor can hand the message back to the model to correct.
 *
 * <pre>{@code
 * List<AgentTool> tools = MethodTools.from(new Weather());      // instance and static methods
 * List<AgentTool> statics = MethodTools.from(MathTools.class);  // static methods only
 * }</pre>
 */
public final class MethodTools {

    private MethodTools() {
    }

    /**
     * {@return the tools of every {@link Tool} method of this object, instance and static, by name}
     *
     * @param target the object whose annotated methods are called
     */
    public static List<AgentTool> from(Object target) {
        Objects.requireNonNull(target, "target");
        if (target instanceof Class<?> type) {
            return collect(type, null);
        }
        return collect(target.getClass(), target);
    }

    private static List<AgentTool> collect(Class<?> type, Object target) {
        List<AgentTool> tools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Method[] methods = type.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method method : methods) {
            Tool annotation = method.getAnnotation(Tool.class);
            if (annotation == null) {
                continue;
            }
            boolean isStatic = Modifier.isStatic(method.getModifiers());
            if (!isStatic && target == null) {
                throw new IllegalArgumentException("@Tool method " + type.getName() + "." + method.getName()
                        + " is an instance method: pass an instance of " + type.getSimpleName()
                        + " to MethodTools.from, not the class");
            }
            MethodTool tool = MethodTool.of(method, isStatic ? null : target, annotation);
            if (!names.add(tool.spec().name())) {
                throw new IllegalArgumentException("two @Tool methods of " + type.getName() + " are named '"
                        + tool.spec().name() + "': give one of them another name with @Tool(name = ...)");
            }
            ToolOptions options = new ToolOptions(annotation.returnDirect(),
                    Duration.ofMillis(annotation.timeoutMillis()), annotation.needsApproval());
            tools.add(new AgentTool(tool, options));
        }
        if (tools.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has no method annotated with @"
                    + Tool.class.getName());
        }
        return List.copyOf(tools);
    }
}
