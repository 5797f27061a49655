package dev.catena.agents.services;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The user message template of an AI service method; its {@code {variables}} come from the method's parameters. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD})
public @interface UserPrompt {

    /** {@return the template, f-string style} */
    String value();
}
