package dev.catena.memory;

import dev.catena.core.ChatMessage;
import dev.catena.core.ChatMessageHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A chat message history kept in this process's memory, for tests, demos and single-process apps
 * that may forget everything on restart. Thread-safe: each session is appended under its own lock.
 */
public final class InMemoryChatMessageHistory implements ChatMessageHistory {

    private final Map<String, List<ChatMessage>> sessions = new ConcurrentHashMap<>();

    @Override
    public void add(String sessionId, List<? extends ChatMessage> messages) {
        StoredMessage.checkSessionId(sessionId);
        List<ChatMessage> copy = List.copyOf(messages);
        // compute() runs atomically per key, so concurrent adds to one session keep every message.
        sessions.compute(sessionId, (id, list) -> {
            List<ChatMessage> target = list != null ? list : new ArrayList<>();
            target.addAll(copy);
            return target;
        });
    }

    @Override
    public List<ChatMessage> messages(String sessionId) {
        StoredMessage.checkSessionId(sessionId);
        AtomicReference<List<ChatMessage>> snapshot = new AtomicReference<>(List.of());
        // Copy under the session's bin lock so a concurrent add is seen whole or not at all.
        sessions.computeIfPresent(sessionId, (id, list) -> {
            snapshot.set(List.copyOf(list));
            return list;
        });
        return snapshot.get();
    }

    @Override
    public void clear(String sessionId) {
        StoredMessage.checkSessionId(sessionId);
        sessions.remove(sessionId);
    }
}
