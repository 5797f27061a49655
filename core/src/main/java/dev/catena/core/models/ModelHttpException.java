package dev.catena.core.models;

import dev.catena.core.CatenaException;
import dev.catena.core.components.RetryHint;
import java.time.Duration;
import java.util.Optional;

/**
 * A model provider answered with an HTTP error (or an error object inside a stream). Carries the
 * status, the provider's error type, code and message, the request id for support tickets, and an
 * excerpt of the body. Never carries the API key. Implements {@link RetryHint}: 408, 409, 429 and
 * 5xx are retryable unless the body says otherwise (a used-up quota is not).
 *
 * <p>What the provider may leave out (error type and code, its own message, the request id) is read
 * through {@link Optional}, empty when absent; the body excerpt is empty when there was no body.
 */
public class ModelHttpException extends CatenaException implements RetryHint {

    /** The HTTP status, for {@link #status()}. */
    private final int status;
    /** The provider's error type, for {@link #errorType()}. */
    private final String errorType;
    /** The provider's error code, for {@link #errorCode()}. */
    private final String errorCode;
    /** The provider's error message, for {@link #providerMessage()}. */
    private final String providerMessage;
    /** The provider's request id, for {@link #requestId()}. */
    private final String requestId;
    /** The start of the response body, for {@link #bodyExcerpt()}. */
    private final String bodyExcerpt;
    /** Whether trying again can succeed, for {@link #retryable()}. */
    private final boolean retryable;
    /** The wait the server asked for, for {@link #retryAfter()}. */
    private final Duration retryAfter;

    /**
     * An HTTP error from a provider; the message names the provider, status, error and request id, and says
     * whether to retry or what to fix.
     *
     * @param provider the provider's name, e.g. "OpenAI"
     * @param status the HTTP status (200 for an error object inside a stream)
     * @param errorType the provider's error type, or null when it gave none
     * @param errorCode the provider's error code, or null when it gave none
     * @param providerMessage the provider's error message, or null when it gave none
     * @param requestId the provider's request id, or null when it gave none
     * @param bodyExcerpt the start of the response body, API key never included; null or empty when there was none
     * @param retryable whether trying again can succeed
     * @param retryAfter the wait the server asked for (Retry-After), or null
     */
    public ModelHttpException(String provider, int status, String errorType, String errorCode, String providerMessage,
                              String requestId, String bodyExcerpt, boolean retryable, Duration retryAfter) {
        super(describe(provider, status, errorType, errorCode, providerMessage, requestId, retryable));
        this.status = status;
        this.errorType = errorType;
        this.errorCode = errorCode;
        this.providerMessage = providerMessage;
        this.requestId = requestId;
        this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    private static String describe(String provider, int status, String type, String code, String message,
                                   String requestId, boolean retryable) {
        StringBuilder sb = new StringBuilder(provider).append(" returned HTTP ").append(status);
        if (type != null) {
            sb.append(" ").append(type);
        }
        if (code != null) {
            sb.append(" (").append(code).append(")");
        }
        if (message != null) {
            sb.append(": ").append(message);
        }
        if (requestId != null) {
            sb.append(" [request id ").append(requestId).append("]");
        }
        sb.append(retryable ? "; this is temporary, retry later" : hint(status));
        return sb.toString();
    }

    private static String hint(int status) {
        return switch (status) {
            case 400 -> "; the request was rejected as invalid, fix the request (model name, parameters, messages)";
            case 401 -> "; check the API key";
            case 403 -> "; the key is not allowed to use this model or endpoint";
            case 404 -> "; check the base URL and the model name";
            case 429 -> "; the account's quota or budget is used up, check billing";
            default -> "";
        };
    }

    /** {@return the HTTP status (200 for an error object inside a stream)} */
    public int status() {
        return status;
    }

    /** {@return the provider's error type, e.g. "invalid_request_error", or empty when it gave none} */
    public Optional<String> errorType() {
        return Optional.ofNullable(errorType);
    }

    /** {@return the provider's error code, e.g. "insufficient_quota", or empty when it gave none} */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** {@return the provider's own message, or empty when it gave none} */
    public Optional<String> providerMessage() {
        return Optional.ofNullable(providerMessage);
    }

    /** {@return the provider's request id, or empty when it gave none} */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** {@return the first part of the response body (API key masked), empty when there was none} */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    @Override
    public boolean retryable() {
        return retryable;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
