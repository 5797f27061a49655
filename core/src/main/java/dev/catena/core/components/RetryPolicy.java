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

    /** 3 attempts, 500 ms doubling to at most 30 s, ±20% jitter, retrying whatever a {@link RetryHint} allows. */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** Whether a failure on call number {@code attempt} (1-based) should be retried. */
    public boolean shouldRetry(Throwable error, int attempt) {
        if (attempt >= maxAttempts) {
            return false;
        }
        if (error instanceof RetryHint hint && !hint.retryable()) {
            return false;
        }
        return retryOn.test(error);
    }

    /** The wait before call number {@code attempt + 1}, after a failure of call {@code attempt}. */
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

    /** Sleeps with this policy's sleeper. */
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

        /** Calls in all, the first included (at least 1). */
        public Builder maxAttempts(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + value);
            }
            this.maxAttempts = value;
            return this;
        }

        public Builder initialDelay(Duration value) {
            this.initialDelay = requireNotNegative(value, "initialDelay");
            return this;
        }

        /** Each delay is the previous one times this (at least 1). */
        public Builder multiplier(double value) {
            if (value < 1.0) {
                throw new IllegalArgumentException("multiplier must be at least 1.0, was " + value);
            }
            this.multiplier = value;
            return this;
        }

        public Builder maxDelay(Duration value) {
            this.maxDelay = requireNotNegative(value, "maxDelay");
            return this;
        }

        /** Fraction of the delay to add or take away at random, 0 to 1. */
        public Builder jitter(double value) {
            if (value < 0 || value > 1) {
                throw new IllegalArgumentException("jitter must be between 0 and 1, was " + value);
            }
            this.jitter = value;
            return this;
        }

        /** Only failures this accepts are retried (default: all). */
        public Builder retryOn(Predicate<Throwable> value) {
            this.retryOn = Objects.requireNonNull(value, "retryOn");
            return this;
        }

        /** Only failures of these types are retried. */
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

        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

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
