package dev.catena.chains;

import dev.catena.core.CatenaException;

/**
 * A chain was called with inputs it cannot use: a missing variable, a value of the wrong type, or a
 * model answer a chain step cannot read (a router's unknown destination, a score that is not a
 * number). The message names the variable or the answer.
 */
public class ChainInputException extends CatenaException {

    /**
     * With a message naming the bad input.
     *
     * @param message what input was wrong and what was given
     */
    public ChainInputException(String message) {
        super(message);
    }
}
