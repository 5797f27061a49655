package dev.catena.core.messages;

import dev.catena.core.CatenaException;

/** A value given as a message (a loose form: a pair, a map…) that cannot be one; the message says why. */
public class MessageFormatException extends CatenaException {

    /**
     * An error saying what was wrong with the value and what was expected.
     *
     * @param message what was wrong with the value and what was expected
     */
    public MessageFormatException(String message) {
        super(message);
    }
}
