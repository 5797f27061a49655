package dev.catena.retrieval.stores;

import dev.catena.core.CatenaException;

/**
 * A saved vector store could not be read: the file is truncated, corrupted, from a newer version,
 * or not a Catena vector store at all. The message names the file and what was wrong.
 */
public class VectorStoreFormatException extends CatenaException {

    /**
     * A saved store is unreadable, found without an exception to wrap.
     *
     * @param message what was wrong, naming the file
     */
    public VectorStoreFormatException(String message) {
        super(message);
    }

    /**
     * A saved store is unreadable.
     *
     * @param message what was wrong, naming the file
     * @param cause the read or decode error
     */
    public VectorStoreFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
