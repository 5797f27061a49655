package dev.catena.models;

import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * An in-memory LLM response cache (LangChain's {@code InMemoryCache}): an answer per key, the
 * least recently used dropped once {@code maxEntries} is reached. Wrap any model with
 * {@link CachedChatModel} or {@link CachedLanguageModel} to use it. Thread-safe.
 */
public final class InMemoryCache {

    private final int maxEntries;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<String, Object> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long hits;
    private long misses;

    /** A cache of at most 10,000 answers. */
    public InMemoryCache() {
        this(10_000);
    }

    /**
     * A cache of at most {@code maxEntries} answers.
     *
     * @param maxEntries the most answers kept; the least recently used go first
     */
    public InMemoryCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    /**
     * {@return the answer stored under a key, if any}
     *
     * @param <T> the answer's type
     * @param key the cache key (model settings and prompt)
     * @param type the answer's class; an entry of another class counts as absent
     */
    public <T> Optional<T> lookup(String key, Class<T> type) {
        return locked(() -> {
            Object value = entries.get(key);
            if (type.isInstance(value)) {
                hits++;
                return Optional.of(type.cast(value));
            }
            misses++;
            return Optional.empty();
        });
    }

    /**
     * {@return the answer stored under a key, or else the one {@code compute} gives, which is stored} The
     * model call runs outside the cache's lock, so a slow call never blocks other lookups.
     *
     * @param <T> the answer's type
     * @param key the cache key (model settings and prompt)
     * @param type the answer's class; an entry of another class counts as absent
     * @param compute calls the model on a miss
     */
    public <T> T getOrCompute(String key, Class<T> type, Supplier<T> compute) {
        return lookup(key, type).orElseGet(() -> {
            T answer = compute.get();
            update(key, answer);
            return answer;
        });
    }

    /**
     * Stores an answer.
     *
     * @param key the cache key (model settings and prompt)
     * @param value the answer
     */
    public void update(String key, Object value) {
        Objects.requireNonNull(value, "cached value");
        locked(() -> {
            entries.put(key, value);
            if (entries.size() > maxEntries) {
                entries.remove(entries.keySet().iterator().next()); // the least recently used
            }
            return null;
        });
    }

    /** Forgets every answer (the hit and miss counts stay). */
    public void clear() {
        locked(() -> {
            entries.clear();
            return null;
        });
    }

    /** {@return how many answers are stored} */
    public int size() {
        return locked(entries::size);
    }

    /**
     * Look-ups that found an answer.
     *
     * @return the number of hits since the cache was made
     */
    public long hits() {
        return locked(() -> hits);
    }

    /**
     * Look-ups that did not.
     *
     * @return the number of misses since the cache was made
     */
    public long misses() {
        return locked(() -> misses);
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
