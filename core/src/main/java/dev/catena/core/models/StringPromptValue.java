package dev.catena.core.models;

import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.UserMessage;
import java.util.List;
import java.util.Objects;

/**
 * A prompt that is one string; as messages it is a single user message.
 *
 * @param text the prompt text
 */
public record StringPromptValue(String text) implements PromptValue {

    /**
     * Requires the text.
     *
     * @param text the prompt text
     */
    public StringPromptValue {
        Objects.requireNonNull(text, "prompt text");
    }

    @Override
    public String toText() {
        return text;
    }

    @Override
    public List<ChatMessage> toMessages() {
        return List.of(UserMessage.of(text));
    }
}
