package dev.catena.agents.services;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The system message template of an AI service method (or of every method, on the interface); its {@code {variables}} come from the method's parameters. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SystemPrompt {

    /** {@return the template, f-string style} */
    String value();
}
