package dev.catena.prompts.parsers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a record component, field or type for the model: the text becomes the
 * {@code description} in the JSON schema that {@link JsonSchema} generates (Javadoc is not
 * available at run time, so this annotation carries it).
 *
 * <pre>{@code
 * record Person(@Description("full name, as written") String name, @Description("age in years") int age) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface Description {

    /** {@return what the value means, in words for the model} */
    String value();
}
