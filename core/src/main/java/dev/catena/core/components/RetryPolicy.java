package dev.catena.core.components;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * When and how long to wait before trying a failed call again: exponential backoff
 * ({@code initialDelay × multiplier^(attempt-1)}, capped at {@code maxDelay}) with random jitter of
 * ± {@code jitter} of the delay, for failures the {@code retryOn} predicate accepts, up to
 * {@code maxAttempts} calls in all. A failure that carries its own hint ({@link RetryHint}, such as
 * an HTTP 429 with {@code Retry-After}) decides for itself whether it may be retried and how long to wait at least.
 */
public final class RetryPolicy {

    /** Sleeps between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits for this long; tests pass a sleeper that records the waits instead.
         *
         * @param duration the time to wait
         * @throws InterruptedException if the thread is interrupted while waiting
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int maxAttempts;
    private final Duration initialDelay;
    private final double multiplier;
    private final Duration maxDelay;
    private final double jitter;
    private final Predicate<Throwable> retryOn;
    private final Sleeper sleeper;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialDelay = b.initialDelay;
        this.multiplier = b.multiplier;
        this.maxDelay = b.maxDelay;
        this.jitter = b.jitter;
        this.retryOn = b.retryOn;
        this.sleeper = b.sleeper;
    }

    /**
     * 3 attempts, 500 ms doubling to at most 30 s, ±20% jitter, retrying whatever a {@link RetryHint} allows.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /**
     * A builder that starts from the {@link #defaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return calls in all, the first included (at least 1)} */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * {@return whether a failure on call number {@code attempt} (1-based) should be retried}
     *
     * @param error the failure
     * @param attempt the number of the call that failed, from 1
     */
    public boolean shouldRetry(Throwable error, int attempt) {
        if (attempt >= maxAttempts) {
            return false;
        }
        if (error instanceof RetryHint hint && !hint.retryable()) {
            return false;
        }
        return retryOn.test(error);
    }

    /**
     * {@return the wait before call number {@code attempt + 1}, after a failure of call {@code attempt}}
     *
     * @param error the failure, whose {@link RetryHint} may ask for a longer wait
     * @param attempt the number of the call that failed, from 1
     */
    public Duration delayAfter(Throwable error, int attempt) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
        double capped = Math.min(base, maxDelay.toMillis());
        double spread = capped * jitter;
        double withJitter = capped + (spread == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-spread, spread));
        Duration delay = Duration.ofMillis(Math.max(0, Math.round(withJitter)));
        if (error instanceof RetryHint hint && hint.retryAfter().isPresent()) {
            Duration asked = hint.retryAfter().get();
            if (asked.compareTo(delay) > 0) {
                delay = asked; // the server knows best when it can take the call again
            }
        }
        return delay;
    }

    /**
     * Sleeps with this policy's sleeper.
     *
     * @param duration the time to wait
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public void sleep(Duration duration) throws InterruptedException {
        sleeper.sleep(duration);
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialDelay = Duration.ofMillis(500);
        private double multiplier = 2.0;
        private Duration maxDelay = Duration.ofSeconds(30);
        private double jitter = 0.2;
        private Predicate<Throwable> retryOn = e -> true;
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis());

        private Builder() {
        }

        /**
         * Calls in all, the first included (at least 1).
         *
         * @param value the number of calls (default 3)
         * @return this builder
         */
        public Builder maxAttempts(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + value);
            }
            this.maxAttempts = value;
            return this;
        }

        /**
         * The wait before the second call (default 500 ms; not negative).
         *
         * @param value the first delay
         * @return this builder
         */
        public Builder initialDelay(Duration value) {
            this.initialDelay = requireNotNegative(value, "initialDelay");
            return this;
        }

        /**
         * Each delay is the previous one times this (at least 1).
         *
         * @param value the factor (default 2)
         * @return this builder
         */
        public Builder multiplier(double value) {
            if (value < 1.0) {
                throw new IllegalArgumentException("multiplier must be at least 1.0, was " + value);
            }
            this.multiplier = value;
            return this;
        }

        /**
         * The longest a wait may grow to (default 30 s; not negative).
         *
         * @param value the cap on each delay
         * @return this builder
         */
        public Builder maxDelay(Duration value) {
            this.maxDelay = requireNotNegative(value, "maxDelay");
            return this;
        }

        /**
         * Fraction of the delay to add or take away at random, 0 to 1.
         *
         * @param value the jitter fraction (default 0.2)
         * @return this builder
         */
        public Builder jitter(double value) {
            if (value < 0 || value > 1) {
                throw new IllegalArgumentException("jitter must be between 0 and 1, was " + value);
            }
            this.jitter = value;
            return this;
        }

        /**
         * Only failures this accepts are retried (default: all).
         *
         * @param value accepts the failures to retry
         * @return this builder
         */
        public Builder retryOn(Predicate<Throwable> value) {
            this.retryOn = Objects.requireNonNull(value, "retryOn");
            return this;
        }

        /**
         * Only failures of these types are retried.
         *
         * @param types the exception types to retry (subclasses included)
         * @return this builder
         */
        @SafeVarargs
        public final Builder retryOn(Class<? extends Throwable>... types) {
            this.retryOn = e -> {
                for (Class<? extends Throwable> t : types) {
                    if (t.isInstance(e)) {
                        return true;
                    }
                }
                return false;
            };
            return this;
        }

        /**
         * Waits between calls with this sleeper instead of {@link Thread#sleep}; for tests.
         *
         * @param value the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** {@return the policy with these settings} */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static Duration requireNotNegative(Duration d, String what) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException(what + " must be zero or positive, was " + d);
            }
            return d;
        }
    }
}
