package dev.catena.memory;

import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.messages.ChatMessage;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A chat message history kept in this process's memory, for tests, demos and single-process apps
 * that may forget everything on restart. Thread-safe. Reading a session costs the same however long
 * it is: {@link #messages} returns an immutable snapshot that shares storage with the session
 * instead of copying it.
 */
public final class InMemoryChatMessageHistory implements ChatMessageHistory {

    private final Map<String, Snapshot> sessions = new ConcurrentHashMap<>();

    @Override
    public void add(String sessionId, List<? extends ChatMessage> messages) {
        StoredMessage.checkSessionId(sessionId);
        ChatMessage[] added = messages.toArray(new ChatMessage[0]);
        for (ChatMessage m : added) {
            Objects.requireNonNull(m, "message");
        }
        // compute() runs atomically per key, so concurrent adds to one session keep every message.
        sessions.compute(sessionId, (id, current) -> (current == null ? Snapshot.EMPTY : current).append(added));
    }

    @Override
    public List<ChatMessage> messages(String sessionId) {
        StoredMessage.checkSessionId(sessionId);
        Snapshot snapshot = sessions.get(sessionId);
        return snapshot == null ? List.of() : snapshot;
    }

    @Override
    public void clear(String sessionId) {
        StoredMessage.checkSessionId(sessionId);
        sessions.remove(sessionId);
    }

    /**
     * The first {@code size} messages of a shared array. Appending writes past every existing
     * snapshot's size (or into a larger copy), so a snapshot never changes once published.
     */
    private static final class Snapshot extends AbstractList<ChatMessage> implements RandomAccess {
        static final Snapshot EMPTY = new Snapshot(new ChatMessage[0], 0);

        private final ChatMessage[] array;
        private final int size;

        Snapshot(ChatMessage[] array, int size) {
            this.array = array;
            this.size = size;
        }

        /** Runs under the session's compute lock, so only one append extends an array at a time. */
        Snapshot append(ChatMessage[] added) {
            int newSize = size + added.length;
            ChatMessage[] target = array;
            if (newSize > array.length) {
                target = Arrays.copyOf(array, Math.max(newSize, Math.max(16, array.length * 2)));
            }
            System.arraycopy(added, 0, target, size, added.length);
            return new Snapshot(target, newSize);
        }

        @Override
        public ChatMessage get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("index " + index + " of " + size + " messages");
            }
            return array[index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
