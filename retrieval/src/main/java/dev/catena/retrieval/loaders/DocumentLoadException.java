package dev.catena.retrieval.loaders;

import dev.catena.core.CatenaException;

/** A source could not be read or parsed; the message names the source and what to check. */
public class DocumentLoadException extends CatenaException {

    public DocumentLoadException(String message) {
        super(message);
    }

    public DocumentLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
