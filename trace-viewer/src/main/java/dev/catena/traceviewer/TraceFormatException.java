package dev.catena.traceviewer;

import dev.catena.core.CatenaException;

/** A trace file could not be read: it names the file and line and says what was expected. */
public class TraceFormatException extends CatenaException {

    /** A trace that is not what {@code JsonLinesTracer} writes. */
    public TraceFormatException(String message) {
        super(message);
    }

    /** A trace that could not be read, with the cause. */
    public TraceFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
