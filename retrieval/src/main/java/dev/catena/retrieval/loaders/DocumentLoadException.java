package dev.catena.retrieval.loaders;

import dev.catena.core.CatenaException;

/** A source could not be read or parsed; the message names the source and what to check. */
public class DocumentLoadException extends CatenaException {

    /**
     * A source could not be read or parsed, found without an exception to wrap.
     *
     * @param message what failed, naming the source
     */
    public DocumentLoadException(String message) {
        super(message);
    }

    /**
     * A source could not be read or parsed.
     *
     * @param message what failed, naming the source
     * @param cause the reader's or parser's error
     */
    public DocumentLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
