package dev.catena.core.messages;

import java.util.Objects;

/**
 * A model's request to run a tool.
 *
 * <p>In a streamed chunk a tool call may be a fragment: every fragment of one call carries the
 * same id, and merging chunks concatenates the fragments' arguments (see {@link AiMessage#merge}).
 *
 * @param id        the call's id, echoed in the {@link ToolMessage} that answers it
 * @param name      the tool's name
 * @param arguments the arguments as a JSON object text ({@code "{}"} when there are none)
 */
public record ToolCall(String id, String name, String arguments) {

    /**
     * Requires the id; a null name or arguments becomes empty (a streamed chunk may carry neither).
     *
     * @param id the call's id, echoed in the {@link ToolMessage} that answers it
     * @param name the tool's name
     * @param arguments the arguments as a JSON object text ({@code "{}"} when there are none)
     */
    public ToolCall {
        Objects.requireNonNull(id, "tool call id");
        name = name == null ? "" : name;
        arguments = arguments == null ? "" : arguments;
    }
}
