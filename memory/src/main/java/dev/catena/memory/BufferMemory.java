package dev.catena.memory;

import dev.catena.core.components.RunConfig;
import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.messages.ChatMessage;
import java.util.List;
import java.util.Objects;

/**
 * The simplest memory: the whole history goes back into every prompt (LangChain's
 * {@code ConversationBufferMemory}). Fine for short chats; use {@link TokenBufferMemory} when a
 * conversation may outgrow the model's context window.
 *
 * @param history where the messages are
 */
public record BufferMemory(ChatMessageHistory history) implements ChatMemory {

    /**
     * Requires the history.
     *
     * @param history where the messages are
     */
    public BufferMemory {
        Objects.requireNonNull(history, "history");
    }

    @Override
    public List<ChatMessage> messages(String sessionId, RunConfig config) {
        return history.messages(sessionId);
    }
}
