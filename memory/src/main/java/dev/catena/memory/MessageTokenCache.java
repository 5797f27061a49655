package dev.catena.memory;

import dev.catena.core.ChatMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * The token count of every message of each session's history, computed once per message: a read
 * of a history that only grew since the last read counts just the new messages. A history that
 * changed otherwise (cleared, rewritten by another replica) is noticed by comparing the last
 * message counted, and counted again.
 */
final class MessageTokenCache {

    private static final int MAX_SESSIONS = 10_000;

    private final ToIntFunction<ChatMessage> counter;
    private final Map<String, Counts> sessions = new ConcurrentHashMap<>();

    MessageTokenCache(ToIntFunction<ChatMessage> counter) {
        this.counter = counter;
    }

    /** Counts aligned with {@code messages}: element i is the tokens of message i. Do not modify. */
    int[] counts(String sessionId, List<ChatMessage> messages) {
        Counts known = sessions.get(sessionId);
        int reuse = 0;
        int[] counts;
        if (known != null && known.size <= messages.size()
                && (known.size == 0 || messages.get(known.size - 1).equals(known.last))) {
            reuse = known.size;
            counts = known.counts.length >= messages.size() ? known.counts
                    : Arrays.copyOf(known.counts, Math.max(messages.size(), known.counts.length * 2));
        } else {
            counts = new int[Math.max(16, messages.size())];
        }
        if (reuse == messages.size() && known != null) {
            return known.counts;
        }
        // Filling slots past known.size in a shared array is safe: readers of an older snapshot never
        // look past its size, and two writers extending the same history write the same numbers.
        for (int i = reuse; i < messages.size(); i++) {
            counts[i] = counter.applyAsInt(messages.get(i));
        }
        if (sessions.size() >= MAX_SESSIONS && known == null) {
            sessions.clear(); // crude bound: an evicted session is counted again once
        }
        sessions.put(sessionId, new Counts(counts, messages.size(), messages.isEmpty() ? null : messages.get(messages.size() - 1)));
        return counts;
    }

    void forget(String sessionId) {
        sessions.remove(sessionId);
    }

    private record Counts(int[] counts, int size, ChatMessage last) {
    }
}
