package dev.catena.core.messages;

import java.util.Objects;

/**
 * Instructions for the model, usually first in the conversation.
 *
 * @param text the instructions
 * @param name an optional participant name (OpenAI's {@code name}, used for example turns in
 *             few-shot prompts), or null
 */
public record SystemMessage(String text, String name) implements ChatMessage {

    /**
     * Requires the text.
     *
     * @param text the instructions
     * @param name an optional participant name (OpenAI's {@code name}, used for example turns in few-shot
     *     prompts), or null
     */
    public SystemMessage {
        Objects.requireNonNull(text, "system message text");
    }

    /**
     * A system message with no name.
     *
     * @param text the instructions
     */
    public SystemMessage(String text) {
        this(text, null);
    }

    @Override
    public Role role() {
        return Role.SYSTEM;
    }
}
