package dev.catena.models;

import dev.catena.core.models.ModelHttpException;

/**
 * A provider answered, but not with what its API promises: a body that is not JSON, a completion
 * without choices, a message that is not an object, an embedding that is not a list of numbers, a
 * stream line or event larger than the client accepts. Error type {@value #ERROR_TYPE}; never
 * retried (the same request would most likely get the same answer); the {@link #bodyExcerpt()}
 * has every credential of the client masked, whatever the status.
 */
public class InvalidResponseException extends ModelHttpException {

    /** The {@link #errorType()} of every invalid answer. */
    public static final String ERROR_TYPE = "invalid_response";

    /**
     * @param provider    the provider's name, e.g. "OpenAI"
     * @param status      the HTTP status of the answer (usually 200)
     * @param reason      what was wrong and, where it helps, what to do
     * @param requestId   the provider's request id, or null
     * @param bodyExcerpt the start of the answer, already masked
     */
    public InvalidResponseException(String provider, int status, String reason, String requestId, String bodyExcerpt) {
        super(provider, status, ERROR_TYPE, null, reason, requestId, bodyExcerpt, false, null);
    }
}
