package dev.catena.core.messages;

import java.util.Map;
import java.util.Objects;

/**
 * The result of a tool call, sent back to the model.
 *
 * @param toolCallId       the id of the {@link ToolCall} this answers
 * @param text             the tool's output
 * @param name             the tool's name, or null (some providers want it)
 * @param id               the message's id (LangChain's {@code id}), or null
 * @param additionalKwargs LangChain's {@code additional_kwargs}, kept as read; empty when none
 * @param responseMetadata LangChain's {@code response_metadata}, kept as read; empty when none
 * @param artifact         LangChain's {@code artifact}: what the tool produced besides the text the
 *                         model sees (a JSON value: map, list, string, number, boolean), or null
 * @param status           LangChain's {@code status}, {@code "success"} or {@code "error"};
 *                         null is read as success
 */
public record ToolMessage(String toolCallId, String text, String name, String id, Map<String, Object> additionalKwargs,
                          Map<String, Object> responseMetadata, Object artifact, String status) implements ChatMessage {

    /** The status of a tool that ran normally. */
    public static final String SUCCESS = "success";

    /**
     * Checks the call id and text and copies the maps; a null status becomes {@link #SUCCESS}.
     *
     * @param toolCallId       the id of the {@link ToolCall} this answers
     * @param text             the tool's output
     * @param name             the tool's name, or null (some providers want it)
     * @param id               the message's id (LangChain's {@code id}), or null
     * @param additionalKwargs LangChain's {@code additional_kwargs}, kept as read; empty when none
     * @param responseMetadata LangChain's {@code response_metadata}, kept as read; empty when none
     * @param artifact         LangChain's {@code artifact}: what the tool produced besides the text the
     *                         model sees (a JSON value: map, list, string, number, boolean), or null
     * @param status           LangChain's {@code status}, {@code "success"} or {@code "error"};
     *                         null is read as success
     * @throws NullPointerException if {@code toolCallId} or {@code text} is null
     */
    public ToolMessage {
        Objects.requireNonNull(toolCallId, "tool message toolCallId");
        Objects.requireNonNull(text, "tool message text");
        additionalKwargs = JsonFields.copy(additionalKwargs);
        responseMetadata = JsonFields.copy(responseMetadata);
        artifact = JsonFields.copyValue(artifact);
        status = status == null ? SUCCESS : status;
    }

    /**
     * A successful tool result with no id and no artifact.
     *
     * @param toolCallId the id of the {@link ToolCall} this answers; not null
     * @param text the tool's output; not null
     * @param name the tool's name, or null
     */
    public ToolMessage(String toolCallId, String text, String name) {
        this(toolCallId, text, name, null, null, null, null, null);
    }

    /** This message with another id. */
    @Override
    public ToolMessage withId(String value) {
        return new ToolMessage(toolCallId, text, name, value, additionalKwargs, responseMetadata, artifact, status);
    }

    @Override
    public Role role() {
        return Role.TOOL;
    }
}
