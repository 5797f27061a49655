package dev.catena.core.models;

import dev.catena.core.messages.ChatMessage;
import java.util.List;

/**
 * A prompt that is a list of messages; as text it is their {@code Human: …\nAI: …} transcript.
 *
 * @param messages the messages, in order
 */
public record ChatPromptValue(List<ChatMessage> messages) implements PromptValue {

    /**
     * Keeps an immutable copy of the messages.
     *
     * @param messages the messages, in order
     */
    public ChatPromptValue {
        messages = List.copyOf(messages);
    }

    @Override
    public String toText() {
        return ChatMessage.toBufferString(messages);
    }

    @Override
    public List<ChatMessage> toMessages() {
        return messages;
    }
}
