package dev.catena.agents.services;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names the template variable a parameter fills (by default the parameter's own name, which needs {@code -parameters}). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER})
public @interface Var {

    /** {@return the variable's name} */
    String value();
}
