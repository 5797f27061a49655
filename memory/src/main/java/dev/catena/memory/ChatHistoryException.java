package dev.catena.memory;

import dev.catena.core.CatenaException;

/**
 * A chat message history could not read or write its store (a file, a database, Redis); the
 * message names the store and the session, and the cause carries the store's own error.
 */
public class ChatHistoryException extends CatenaException {

    /**
     * A store failure found without an exception to wrap.
     *
     * @param message what failed, naming the store and the session
     */
    public ChatHistoryException(String message) {
        super(message);
    }

    /**
     * A store failure, carrying the store's own error.
     *
     * @param message what failed, naming the store and the session
     * @param cause the store's error
     */
    public ChatHistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
