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

    /** A cache of at most {@code maxEntries} answers. */
    public InMemoryCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    /** The answer stored under a key, if any. */
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
     * The answer stored under a key, or else the one {@code compute} gives, which is stored. The
     * model call runs outside the cache's lock, so a slow call never blocks other lookups.
     */
    public <T> T getOrCompute(String key, Class<T> type, Supplier<T> compute) {
        return lookup(key, type).orElseGet(() -> {
            T answer = compute.get();
            update(key, answer);
            return answer;
        });
    }

    /** Stores an answer. */
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

    /** How many answers are stored. */
    public int size() {
        return locked(entries::size);
    }

    /** Look-ups that found an answer. */
    public long hits() {
        return locked(() -> hits);
    }

    /** Look-ups that did not. */
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
