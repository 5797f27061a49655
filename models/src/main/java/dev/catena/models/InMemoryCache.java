package dev.catena.models;

import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

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

    public InMemoryCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    /** The answer stored under a key, if any. */
    public <T> Optional<T> lookup(String key, Class<T> type) {
        lock.lock();
        try {
            Object value = entries.get(key);
            if (type.isInstance(value)) {
                hits++;
                return Optional.of(type.cast(value));
            }
            misses++;
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** Stores an answer. */
    public void update(String key, Object value) {
        Objects.requireNonNull(value, "cached value");
        lock.lock();
        try {
            entries.put(key, value);
            if (entries.size() > maxEntries) {
                String eldest = entries.keySet().iterator().next();
                entries.remove(eldest);
            }
        } finally {
            lock.unlock();
        }
    }

    public void clear() {
        lock.lock();
        try {
            entries.clear();
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    /** Look-ups that found an answer. */
    public long hits() {
        lock.lock();
        try {
            return hits;
        } finally {
            lock.unlock();
        }
    }

    /** Look-ups that did not. */
    public long misses() {
        lock.lock();
        try {
            return misses;
        } finally {
            lock.unlock();
        }
    }

}
