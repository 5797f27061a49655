package dev.catena.core;

/** The root of Catena's exceptions; all are unchecked and say what went wrong and what to do. */
public class CatenaException extends RuntimeException {

    /**
     * A failure with a message that says what went wrong and what to do about it.
     *
     * @param message what went wrong and what to do
     */
    public CatenaException(String message) {
        super(message);
    }

    /**
     * A failure caused by another exception.
     *
     * @param message what went wrong and what to do
     * @param cause the underlying failure
     */
    public CatenaException(String message, Throwable cause) {
        super(message, cause);
    }
}
