package dev.catena.models;

import dev.catena.core.CatenaException;
import dev.catena.core.components.RetryHint;

/**
 * A model provider could not be reached or did not answer in full: the connection failed or
 * timed out, or a stream ended before the model had finished. Connection failures and timeouts
 * are retryable; a stream that was cut after part of the answer had been delivered is not retried
 * (the caller has already seen those chunks).
 */
public class ModelConnectionException extends CatenaException implements RetryHint {

    /** Whether trying again can succeed, for {@link #retryable()}. */
    private final boolean retryable;

    /**
     * The provider could not be reached or the answer was cut off.
     *
     * @param message what failed and what to do
     * @param cause the I/O failure
     * @param retryable whether trying again can succeed (false once part of a stream was delivered)
     */
    public ModelConnectionException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    @Override
    public boolean retryable() {
        return retryable;
    }
}
