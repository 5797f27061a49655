package dev.catena.core;

/** The root of Catena's exceptions; all are unchecked and say what went wrong and what to do. */
public class CatenaException extends RuntimeException {

    public CatenaException(String message) {
        super(message);
    }

    public CatenaException(String message, Throwable cause) {
        super(message, cause);
    }
}
