package dev.catena.memory;

import dev.catena.core.components.RunConfig;
import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.messages.ChatMessage;
import java.util.List;

/**
 * Decides which part of a session's {@link ChatMessageHistory} goes back into the next prompt
 * (LangChain's "memory"): everything ({@link BufferMemory}), the last k exchanges
 * ({@link WindowMemory}), the newest messages within a token budget ({@link TokenBufferMemory}), a
 * running summary ({@link SummaryMemory}) or recent messages plus a summary of older ones
 * ({@link SummaryBufferMemory}). The history keeps every message; a memory only chooses.
 *
 * <pre>{@code
 * ChatMemory memory = TokenBufferMemory.builder(new InMemoryChatMessageHistory()).maxTokens(1000).build();
 * memory.add("alice", List.of(ChatMessage.user("Hi, I'm Alice"), ChatMessage.ai("Hello Alice!")));
 * List<ChatMessage> forThePrompt = memory.messages("alice");
 * }</pre>
 */
public interface ChatMemory {

    /** {@return the history this memory reads from and appends to} */
    ChatMessageHistory history();

    /**
     * {@return the messages to put into the next prompt, e.g. for a {@code MessagesPlaceholder}}
     *
     * @param sessionId the conversation
     */
    default List<ChatMessage> messages(String sessionId) {
        return messages(sessionId, RunConfig.defaults());
    }

    /**
     * As {@link #messages(String)}, with a run config whose callbacks see any model call the memory
     * makes (summaries) as a child of the caller's run.
     *
     * @param sessionId the conversation
     * @param config the caller's run config
     * @return the messages, oldest first
     */
    List<ChatMessage> messages(String sessionId, RunConfig config);

    /**
     * {@return the chosen messages as one transcript, {@code "Human: …\nAI: …"}, as LangChain's {@code
     * get_buffer_string}}
     *
     * @param sessionId the conversation
     */
    default String bufferString(String sessionId) {
        return ChatMessage.toBufferString(messages(sessionId));
    }

    /**
     * As {@link #bufferString(String)} with other speaker prefixes, e.g. "User" and "Assistant".
     *
     * @param sessionId the conversation
     * @param humanPrefix the prefix of user messages
     * @param aiPrefix the prefix of AI messages
     * @return the transcript
     */
    default String bufferString(String sessionId, String humanPrefix, String aiPrefix) {
        return ChatMessage.toBufferString(messages(sessionId), humanPrefix, aiPrefix);
    }

    /**
     * Appends a turn's messages to the history (LangChain's {@code save_context}).
     *
     * @param sessionId the conversation
     * @param messages the turn's messages, in order
     */
    default void add(String sessionId, List<? extends ChatMessage> messages) {
        history().add(sessionId, messages);
    }

    /**
     * Appends one message to the history.
     *
     * @param sessionId the conversation
     * @param message the message
     */
    default void add(String sessionId, ChatMessage message) {
        add(sessionId, List.of(message));
    }

    /**
     * Forgets a session: clears its history and anything the memory derived from it.
     *
     * @param sessionId the conversation
     */
    default void clear(String sessionId) {
        history().clear(sessionId);
    }
}
