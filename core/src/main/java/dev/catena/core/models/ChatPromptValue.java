package dev.catena.core.models;

import dev.catena.core.messages.ChatMessage;
import java.util.List;

/** A prompt that is a list of messages; as text it is their {@code Human: …\nAI: …} transcript. */
public record ChatPromptValue(List<ChatMessage> messages) implements PromptValue {

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
