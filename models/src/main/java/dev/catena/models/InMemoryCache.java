package dev.catena.models;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * An in-memory LLM response cache (LangChain's {@code InMemoryCache}) on Caffeine: answers are
 * kept up to a number of entries (Caffeine's W-TinyLFU policy chooses what goes, keeping what is
 * asked for often) and, if you want, for a limited time after they were stored. Loading is
 * single-flight: while one caller's model call for a key is running, every other caller asking
 * for the same key waits for that answer instead of making the same call (8 concurrent identical
 * requests make one model call); if that call fails, the waiters get its failure. Hit, miss and
 * eviction counts are in {@link #stats()}. Wrap any model with {@link CachedChatModel} or
 * {@link CachedLanguageModel} to use it. Thread-safe.
 *
 * <pre>{@code
 * InMemoryCache cache = InMemoryCache.builder().maximumSize(50_000).expireAfterWrite(Duration.ofHours(12)).build();
 * }</pre>
 */
public final class InMemoryCache {

    private final AsyncCache<String, Object> cache;

    /** A cache of at most 10,000 answers, kept until they are evicted for space. */
    public InMemoryCache() {
        this(builder());
    }

    /**
     * A cache of at most {@code maxEntries} answers, kept until they are evicted for space.
     *
     * @param maxEntries the most answers kept; at least 1
     * @throws IllegalArgumentException if {@code maxEntries} is below 1
     */
    public InMemoryCache(int maxEntries) {
        this(builder().maximumSize(maxEntries));
    }

    private InMemoryCache(Builder b) {
        Caffeine<Object, Object> caffeine = Caffeine.newBuilder().maximumSize(b.maximumSize).recordStats();
        if (!b.expireAfterWrite.isZero()) {
            caffeine.expireAfterWrite(b.expireAfterWrite);
        }
        if (b.ticker != null) {
            caffeine.ticker(b.ticker);
        }
        if (b.sameThreadMaintenance) {
            caffeine.executor(Runnable::run);
        }
        this.cache = caffeine.buildAsync();
    }

    /**
     * A builder: at most 10,000 answers, no time limit.
     *
     * @return a new builder with those defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The answer stored under a key, if any. An answer still being computed is waited for; one
     * whose computation failed, or of another type, counts as none.
     *
     * @param <T> the type of answer wanted
     * @param key the cache key
     * @param type the class of answer wanted; an answer of another class counts as none
     * @return the stored answer, or empty if there is none of that type (or the wait was interrupted)
     */
    public <T> Optional<T> lookup(String key, Class<T> type) {
        CompletableFuture<Object> stored = cache.getIfPresent(key);
        if (stored == null) {
            return Optional.empty();
        }
        try {
            Object value = stored.get();
            return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
        } catch (ExecutionException | CancellationException failed) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The answer stored under a key, or else the one {@code compute} gives, which is stored. Only one
     * caller per key computes at a time: the others wait for its answer (or its failure, which they
     * get too and which is not stored). The model call runs in the caller's thread and holds no lock,
     * so a slow call never blocks look-ups of other keys.
     *
     * @param <T> the type of answer wanted
     * @param key the cache key
     * @param type the class of answer wanted; an answer of another class stored under the key is
     *     replaced by a computed one
     * @param compute makes the answer on a miss; must not return null
     * @return the stored or the newly computed answer
     * @throws NullPointerException if {@code compute} returns null
     */
    public <T> T getOrCompute(String key, Class<T> type, Supplier<T> compute) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> current = cache.get(key, (k, executor) -> mine);
        if (current != mine) {
            Object value = await(current);
            if (type.isInstance(value)) {
                return type.cast(value);
            }
            T answer = compute.get(); // another kind of answer under this key: replace it
            update(key, answer);
            return answer;
        }
        try {
            T answer = Objects.requireNonNull(compute.get(), "the computed answer");
            mine.complete(answer);
            return answer;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e); // Caffeine drops a failed entry, so the next caller tries again
            throw e;
        }
    }

    private static Object await(CompletableFuture<Object> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Stores an answer, replacing any under the same key.
     *
     * @param key the cache key; not null
     * @param value the answer; not null
     */
    public void update(String key, Object value) {
        Objects.requireNonNull(value, "cached value");
        cache.put(Objects.requireNonNull(key, "key"), CompletableFuture.completedFuture(value));
    }

    /** Forgets every answer (the statistics stay). */
    public void clear() {
        cache.synchronous().invalidateAll();
    }

    /**
     * How many answers are stored (after pending evictions have run).
     *
     * @return the number of stored answers, Caffeine's estimate after clean-up
     */
    public long size() {
        cache.synchronous().cleanUp();
        return cache.synchronous().estimatedSize();
    }

    /**
     * Look-ups that found an answer (or joined one being computed).
     *
     * @return the hit count since the cache was built
     */
    public long hits() {
        return stats().hitCount();
    }

    /**
     * Look-ups that did not.
     *
     * @return the miss count since the cache was built
     */
    public long misses() {
        return stats().missCount();
    }

    /**
     * Caffeine's statistics: hits, misses, evictions, load times.
     *
     * @return a snapshot of the statistics
     */
    public CacheStats stats() {
        return cache.synchronous().stats();
    }

    /** Builds an {@link InMemoryCache}. */
    public static final class Builder {
        private long maximumSize = 10_000;
        private Duration expireAfterWrite = Duration.ZERO;
        private Ticker ticker;
        private boolean sameThreadMaintenance;

        private Builder() {
        }

        /**
         * The most answers kept (default 10,000).
         *
         * @param value the maximum number of answers; at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is below 1
         */
        public Builder maximumSize(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("maximumSize must be at least 1, was " + value);
            }
            this.maximumSize = value;
            return this;
        }

        /**
         * Forgets an answer this long after it was stored (default: never).
         *
         * @param value how long an answer lives after it was stored; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is zero or negative
         */
        public Builder expireAfterWrite(Duration value) {
            Objects.requireNonNull(value, "expireAfterWrite");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("expireAfterWrite must be positive, was " + value
                        + "; leave it unset to keep answers until they are evicted for space");
            }
            this.expireAfterWrite = value;
            return this;
        }

        /** Reads time from this ticker and evicts in the caller's thread: for tests on a fake clock. */
        Builder ticker(Ticker value) {
            this.ticker = value;
            this.sameThreadMaintenance = true;
            return this;
        }

        /**
         * The cache.
         *
         * @return a new, empty cache with this builder's settings
         */
        public InMemoryCache build() {
            return new InMemoryCache(this);
        }
    }
}
