package dev.catena.core.components;

import java.time.Duration;
import java.util.Optional;

/**
 * Implemented by exceptions that know whether the failed call may be tried again and how soon
 * (for example an HTTP 429 with {@code Retry-After}, or a 429 that says the quota is used up).
 * {@link RetryPolicy} obeys it.
 */
public interface RetryHint {

    /** {@return whether trying the same call again can succeed} */
    boolean retryable();

    /** {@return the least time to wait before trying again, if the server said} */
    default Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
