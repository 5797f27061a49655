package dev.catena.core.history;

import dev.catena.core.messages.ChatMessage;
import java.util.List;

/**
 * Stores every message of every chat session, in order (LangChain's chat message history).
 * What part of it goes back into the next prompt is a memory strategy's business.
 * Implementations are thread-safe.
 */
public interface ChatMessageHistory {

    /**
     * Appends messages to a session, in order, as one step.
     *
     * @param sessionId the conversation
     * @param messages the messages to append, oldest first
     */
    void add(String sessionId, List<? extends ChatMessage> messages);

    /**
     * Appends one message to a session.
     *
     * @param sessionId the conversation
     * @param message the message to append
     */
    default void add(String sessionId, ChatMessage message) {
        add(sessionId, List.of(message));
    }

    /**
     * {@return all messages of a session, oldest first (empty for an unknown session)}
     *
     * @param sessionId the conversation
     */
    List<ChatMessage> messages(String sessionId);

    /**
     * Removes all messages of a session.
     *
     * @param sessionId the conversation
     */
    void clear(String sessionId);
}
