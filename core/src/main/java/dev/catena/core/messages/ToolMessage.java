package dev.catena.core.messages;

import java.util.Objects;

/**
 * The result of a tool call, sent back to the model.
 *
 * @param toolCallId the id of the {@link ToolCall} this answers
 * @param text       the tool's output
 * @param name       the tool's name, or null (some providers want it)
 */
public record ToolMessage(String toolCallId, String text, String name) implements ChatMessage {

    /**
     * Requires the tool call id and the text.
     *
     * @param toolCallId the id of the {@link ToolCall} this answers
     * @param text the tool's output
     * @param name the tool's name, or null (some providers want it)
     */
    public ToolMessage {
        Objects.requireNonNull(toolCallId, "tool message toolCallId");
        Objects.requireNonNull(text, "tool message text");
    }

    @Override
    public Role role() {
        return Role.TOOL;
    }
}
