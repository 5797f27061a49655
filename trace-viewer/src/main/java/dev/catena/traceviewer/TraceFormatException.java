package dev.catena.traceviewer;

import dev.catena.core.CatenaException;

/** A trace file could not be read: it names the file and line and says what was expected. */
public class TraceFormatException extends CatenaException {

    /**
     * A trace that is not what {@code JsonLinesTracer} writes.
     *
     * @param message what was wrong, naming the file and line
     */
    public TraceFormatException(String message) {
        super(message);
    }

    /**
     * A trace that could not be read, with the cause.
     *
     * @param message what was wrong, naming the file
     * @param cause the failure that stopped the read
     */
    public TraceFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
