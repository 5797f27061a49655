package dev.catena.core.messages;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a tool call, sent back to the model. The optional {@link #name()}, {@link #id()} and
 * {@link #artifact()} are empty when absent, never null (see the package documentation); the
 * {@link #status()} is always there, {@link #SUCCESS} unless the tool failed.
 */
public final class ToolMessage extends MessageFields implements ChatMessage {

    /** The status of a tool that ran normally. */
    public static final String SUCCESS = "success";

    private final String toolCallId;
    private final String text;
    private final Object artifact;
    private final String status;

    /**
     * A tool message with every field; null stands for an absent name, id, map or artifact, and a
     * null status for success.
     *
     * @param toolCallId       the id of the {@link ToolCall} this answers; not null
     * @param text             the tool's output; not null
     * @param name             the tool's name (some providers want it), or null for none
     * @param id               the message's id (LangChain's {@code id}), or null for none
     * @param additionalKwargs LangChain's {@code additional_kwargs}, kept as read; null for none
     * @param responseMetadata LangChain's {@code response_metadata}, kept as read; null for none
     * @param artifact         LangChain's {@code artifact}: what the tool produced besides the text the
     *                         model sees (a JSON value: map, list, string, number, boolean), or null for none
     * @param status           LangChain's {@code status}, {@code "success"} or {@code "error"};
     *                         null is read as success
     * @throws NullPointerException if {@code toolCallId} or {@code text} is null
     */
    public ToolMessage(String toolCallId, String text, String name, String id, Map<String, Object> additionalKwargs,
                       Map<String, Object> responseMetadata, Object artifact, String status) {
        super(name, id, additionalKwargs, responseMetadata);
        this.toolCallId = Objects.requireNonNull(toolCallId, "tool message toolCallId");
        this.text = Objects.requireNonNull(text, "tool message text");
        this.artifact = JsonFields.copyValue(artifact);
        this.status = status == null ? SUCCESS : status;
    }

    /**
     * A successful tool result with no id and no artifact.
     *
     * @param toolCallId the id of the {@link ToolCall} this answers; not null
     * @param text the tool's output; not null
     * @param name the tool's name, or null for none
     */
    public ToolMessage(String toolCallId, String text, String name) {
        this(toolCallId, text, name, null, null, null, null, null);
    }

    /**
     * The id of the {@link ToolCall} this answers.
     *
     * @return the call's id, never null
     */
    public String toolCallId() {
        return toolCallId;
    }

    @Override
    public String text() {
        return text;
    }

    /**
     * LangChain's {@code artifact}: what the tool produced besides the text the model sees.
     *
     * @return the artifact (a JSON value: map, list, string, number, boolean), or empty when none
     */
    public Optional<Object> artifact() {
        return Optional.ofNullable(artifact);
    }

    /**
     * LangChain's {@code status}.
     *
     * @return {@code "success"} or {@code "error"} (or what LangChain wrote), never null
     */
    public String status() {
        return status;
    }

    @Override
    public ToolMessage withId(String value) {
        Objects.requireNonNull(value, "id must not be null; use withoutId() to clear it");
        return new ToolMessage(toolCallId, text, name, value, additionalKwargs, responseMetadata, artifact, status);
    }

    @Override
    public ToolMessage withoutId() {
        return id == null ? this
                : new ToolMessage(toolCallId, text, name, null, additionalKwargs, responseMetadata, artifact, status);
    }

    @Override
    public Role role() {
        return Role.TOOL;
    }

    /** Equal when every field is equal, absent fields included. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ToolMessage m && toolCallId.equals(m.toolCallId) && text.equals(m.text)
                && sameFields(m)
                && Objects.equals(artifact, m.artifact) && status.equals(m.status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(toolCallId, text, name, id, additionalKwargs, responseMetadata, artifact, status);
    }

    /** The fields in a record's form, absent ones left out. */
    @Override
    public String toString() {
        return RecordForm.of("ToolMessage").field("toolCallId", toolCallId).field("text", text).optional("name", name)
                .optional("id", id).map("additionalKwargs", additionalKwargs)
                .map("responseMetadata", responseMetadata).optional("artifact", artifact).field("status", status)
                .toString();
    }
}
