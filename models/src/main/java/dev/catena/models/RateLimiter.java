package dev.catena.models;

import dev.catena.core.components.DeadlineExceededException;
import dev.catena.core.components.RunConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A client-side limit on requests and tokens per minute, shared by every model (and thread) given
 * it, so bulk work such as embedding a large corpus slows down instead of failing on HTTP 429s.
 * Two token buckets that refill continuously: a call takes one request and its estimated tokens,
 * waiting until both are available (or failing with {@link DeadlineExceededException} if the
 * run's deadline would pass first). A call estimated at more tokens than the per-minute budget
 * waits for a full bucket rather than forever.
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiter.perMinute(500, 1_000_000);
 * OpenAiEmbeddingModel embeddings = OpenAiEmbeddingModel.builder().apiKey(key).rateLimiter(limiter).build();
 * }</pre>
 */
public final class RateLimiter {

    /** Waits for a while; tests pass one that advances a fake clock. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final double requestsPerMinute;
    private final double tokensPerMinute;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final ReentrantLock lock = new ReentrantLock();
    private double requests;
    private double tokens;
    private long last;

    RateLimiter(double requestsPerMinute, double tokensPerMinute, LongSupplier clock, Sleeper sleeper) {
        if (requestsPerMinute <= 0 && tokensPerMinute <= 0) {
            throw new IllegalArgumentException("a rate limiter needs a positive requests or tokens per minute");
        }
        this.requestsPerMinute = requestsPerMinute;
        this.tokensPerMinute = tokensPerMinute;
        this.clock = clock;
        this.sleeper = sleeper;
        this.requests = requestsPerMinute;
        this.tokens = tokensPerMinute;
        this.last = clock.getAsLong();
    }

    /**
     * {@return a limiter of at most this many requests and tokens per minute (0 for no limit on one of them)}
     *
     * @param requestsPerMinute the request budget, 0 for no limit
     * @param tokensPerMinute the token budget, 0 for no limit
     */
    public static RateLimiter perMinute(int requestsPerMinute, int tokensPerMinute) {
        return new RateLimiter(requestsPerMinute, tokensPerMinute, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    /**
     * {@return a limiter of at most this many requests per minute}
     *
     * @param requestsPerMinute the request budget
     */
    public static RateLimiter requestsPerMinute(int requestsPerMinute) {
        return perMinute(requestsPerMinute, 0);
    }

    /** {@return whether this limiter counts tokens (callers skip estimating them otherwise)} */
    public boolean limitsTokens() {
        return tokensPerMinute > 0;
    }

    /**
     * Takes one request and {@code estimatedTokens}, waiting as long as needed.
     *
     * @param estimatedTokens the tokens the request is expected to use
     */
    public void acquire(int estimatedTokens) {
        acquire(estimatedTokens, RunConfig.defaults());
    }

    /**
     * Takes one request and {@code estimatedTokens}, waiting at most until the config's deadline.
     *
     * @param estimatedTokens the tokens the request is expected to use
     * @param config the run's config, whose deadline bounds the wait
     */
    public void acquire(int estimatedTokens, RunConfig config) {
        double wanted = tokensPerMinute > 0 ? Math.min(Math.max(estimatedTokens, 0), tokensPerMinute) : 0;
        while (true) {
            long waitNanos;
            lock.lock();
            try {
                refill();
                boolean requestOk = requestsPerMinute <= 0 || requests >= 1;
                boolean tokensOk = tokensPerMinute <= 0 || tokens >= wanted;
                if (requestOk && tokensOk) {
                    if (requestsPerMinute > 0) {
                        requests -= 1;
                    }
                    tokens -= wanted;
                    return;
                }
                long forRequest = requestOk ? 0 : nanosFor(1 - requests, requestsPerMinute);
                long forTokens = tokensOk ? 0 : nanosFor(wanted - tokens, tokensPerMinute);
                waitNanos = Math.max(forRequest, forTokens);
            } finally {
                lock.unlock();
            }
            if (config.deadline().isPresent()
                    && Instant.now().plusNanos(waitNanos).isAfter(config.deadline().get())) {
                throw new DeadlineExceededException("waiting " + Duration.ofNanos(waitNanos).toMillis()
                        + " ms for the rate limiter", config.deadline().get());
            }
            try {
                sleeper.sleep(Math.max(waitNanos, 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the rate limiter", e);
            }
        }
    }

    private void refill() {
        long now = clock.getAsLong();
        long elapsed = now - last;
        last = now;
        if (elapsed <= 0) {
            return;
        }
        if (requestsPerMinute > 0) {
            requests = Math.min(requestsPerMinute, requests + requestsPerMinute * elapsed / MINUTE_NANOS);
        }
        if (tokensPerMinute > 0) {
            tokens = Math.min(tokensPerMinute, tokens + tokensPerMinute * elapsed / MINUTE_NANOS);
        }
    }

    private static long nanosFor(double missing, double perMinute) {
        return (long) Math.ceil(missing / perMinute * MINUTE_NANOS);
    }
}
