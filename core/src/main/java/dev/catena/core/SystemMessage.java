package dev.catena.core;

import java.util.Objects;

/** Instructions for the model, usually first in the conversation. */
public record SystemMessage(String text) implements ChatMessage {

    public SystemMessage {
        Objects.requireNonNull(text, "system message text");
    }

    @Override
    public Role role() {
        return Role.SYSTEM;
    }
}
