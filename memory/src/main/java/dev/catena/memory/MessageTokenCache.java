package dev.catena.memory;

import dev.catena.core.messages.ChatMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
        int size = messages.size();
        int reuse = 0;
        int[] counts;
        AtomicInteger claimed;
        if (known != null && known.size <= size
                && (known.size == 0 || messages.get(known.size - 1).equals(known.last))) {
            if (known.size == size) {
                return known.counts;
            }
            reuse = known.size;
            // Slots past known.size of the shared array go to the one reader that claims them first:
            // another reader extending the same snapshot may have different new messages (another
            // replica's), and its counts must not land in the slots this reader's caller reads.
            if (known.counts.length >= size && known.claimed.compareAndSet(known.size, size)) {
                counts = known.counts;
                claimed = known.claimed;
            } else {
                counts = Arrays.copyOf(known.counts, Math.max(size, known.counts.length * 2));
                claimed = new AtomicInteger(size);
            }
        } else {
            counts = new int[Math.max(16, size)];
            claimed = new AtomicInteger(size);
        }
        for (int i = reuse; i < size; i++) {
            counts[i] = counter.applyAsInt(messages.get(i));
        }
        if (sessions.size() >= MAX_SESSIONS && known == null) {
            sessions.clear(); // crude bound: an evicted session is counted again once
        }
        sessions.put(sessionId, new Counts(counts, claimed, size, size == 0 ? null : messages.get(size - 1)));
        return counts;
    }

    void forget(String sessionId) {
        sessions.remove(sessionId);
    }

    /**
     * A session's counts as of one read: slots below {@code size} never change once published;
     * {@code claimed} (shared by every snapshot of one array) is how far the array's slots belong to a reader.
     */
    private record Counts(int[] counts, AtomicInteger claimed, int size, ChatMessage last) {
    }
}
