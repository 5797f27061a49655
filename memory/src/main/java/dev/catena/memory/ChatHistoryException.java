package dev.catena.memory;

import dev.catena.core.CatenaException;

/**
 * A chat message history could not read or write its store (a file, a database, Redis); the
 * message names the store and the session, and the cause carries the store's own error.
 */
public class ChatHistoryException extends CatenaException {

    public ChatHistoryException(String message) {
        super(message);
    }

    public ChatHistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
