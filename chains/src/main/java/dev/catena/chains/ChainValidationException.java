package dev.catena.chains;

import dev.catena.core.CatenaException;

/**
 * A chain was put together wrongly, found when it is built: a step needs a variable that nothing
 * produces, two steps produce the same key, a prompt lacks a variable the chain fills in. The message
 * names the variable and the step.
 */
public class ChainValidationException extends CatenaException {

    /**
     * With a message naming what is wrong and how to fix it.
     *
     * @param message the variable or step at fault and how to fix it
     */
    public ChainValidationException(String message) {
        super(message);
    }
}
