package dev.catena.agents;

import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.messages.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A history in a map, for tests (agents may not depend on the memory module). */
public final class ListHistory implements ChatMessageHistory {

    private final Map<String, List<ChatMessage>> sessions = new ConcurrentHashMap<>();

    @Override
    public void add(String sessionId, List<? extends ChatMessage> messages) {
        sessions.computeIfAbsent(sessionId, id -> new ArrayList<>()).addAll(messages);
    }

    @Override
    public List<ChatMessage> messages(String sessionId) {
        return List.copyOf(sessions.getOrDefault(sessionId, List.of()));
    }

    @Override
    public void clear(String sessionId) {
        sessions.remove(sessionId);
    }
}
