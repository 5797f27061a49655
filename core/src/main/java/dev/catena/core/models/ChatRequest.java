package dev.catena.core.models;

import dev.catena.core.messages.ChatMessage;
import dev.catena.core.tools.ToolSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to a chat model: the messages, and optionally tools, a tool choice and a response
 * format. Generation settings (temperature, max tokens…) belong to the model's builder.
 *
 * <p>The optional {@link #toolChoice()} and {@link #responseFormat()} are empty when not set, never
 * null. {@link #withToolChoice} and {@link #withResponseFormat} refuse null; {@link #withoutToolChoice()}
 * and {@link #withoutResponseFormat()} clear them.
 */
public final class ChatRequest {

    private final List<ChatMessage> messages;
    private final List<ToolSpec> tools;
    private final ToolChoice toolChoice;
    private final ResponseFormat responseFormat;

    /**
     * A request with every field; null stands for no tools, the provider's default tool choice and free text.
     *
     * @param messages the conversation so far; at least one message
     * @param tools tools the model may call, or null for none
     * @param toolChoice whether it must call one, or null for the provider's default
     * @param responseFormat the shape of the answer, or null for free text
     * @throws NullPointerException if {@code messages} is null
     * @throws IllegalArgumentException if {@code messages} is empty
     */
    public ChatRequest(List<ChatMessage> messages, List<ToolSpec> tools, ToolChoice toolChoice,
                       ResponseFormat responseFormat) {
        this.messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (this.messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        this.tools = tools == null ? List.of() : List.copyOf(tools);
        this.toolChoice = toolChoice;
        this.responseFormat = responseFormat;
    }

    /**
     * {@return a request with only messages}
     *
     * @param messages the conversation, at least one message
     */
    public static ChatRequest of(List<? extends ChatMessage> messages) {
        return new ChatRequest(List.copyOf(messages), List.of(), null, null);
    }

    /**
     * {@return a request of one or more messages}
     *
     * @param messages the conversation, at least one message
     */
    public static ChatRequest of(ChatMessage... messages) {
        return new ChatRequest(List.of(messages), List.of(), null, null);
    }

    /** {@return the conversation so far, at least one message} */
    public List<ChatMessage> messages() {
        return messages;
    }

    /** {@return the tools the model may call, empty for none} */
    public List<ToolSpec> tools() {
        return tools;
    }

    /** {@return whether and which tool the model must call, or empty for the provider's default} */
    public Optional<ToolChoice> toolChoice() {
        return Optional.ofNullable(toolChoice);
    }

    /** {@return the shape of the answer, or empty for free text} */
    public Optional<ResponseFormat> responseFormat() {
        return Optional.ofNullable(responseFormat);
    }

    /**
     * {@return this request with other messages}
     *
     * @param value the conversation, at least one message
     */
    public ChatRequest withMessages(List<? extends ChatMessage> value) {
        return new ChatRequest(List.copyOf(value), tools, toolChoice, responseFormat);
    }

    /**
     * {@return this request with other tools}
     *
     * @param value the tools the model may call; not null (an empty list for none)
     * @throws NullPointerException if {@code value} is null
     */
    public ChatRequest withTools(List<ToolSpec> value) {
        Objects.requireNonNull(value, "tools must not be null; pass List.of() for none");
        return new ChatRequest(messages, value, toolChoice, responseFormat);
    }

    /**
     * {@return this request with another tool choice}
     *
     * @param value whether and which tool the model must call; not null (use {@link #withoutToolChoice()}
     *              for the provider's default)
     * @throws NullPointerException if {@code value} is null
     */
    public ChatRequest withToolChoice(ToolChoice value) {
        Objects.requireNonNull(value, "toolChoice must not be null; use withoutToolChoice() for the provider's default");
        return new ChatRequest(messages, tools, value, responseFormat);
    }

    /** {@return this request leaving the tool choice to the provider's default} */
    public ChatRequest withoutToolChoice() {
        return toolChoice == null ? this : new ChatRequest(messages, tools, null, responseFormat);
    }

    /**
     * {@return this request with another response format}
     *
     * @param value the format of the answer; not null (use {@link #withoutResponseFormat()} for free text)
     * @throws NullPointerException if {@code value} is null
     */
    public ChatRequest withResponseFormat(ResponseFormat value) {
        Objects.requireNonNull(value, "responseFormat must not be null; use withoutResponseFormat() for free text");
        return new ChatRequest(messages, tools, toolChoice, value);
    }

    /** {@return this request asking for free text} */
    public ChatRequest withoutResponseFormat() {
        return responseFormat == null ? this : new ChatRequest(messages, tools, toolChoice, null);
    }

    /** Equal when the messages, tools, tool choice and response format are equal. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ChatRequest r && messages.equals(r.messages) && tools.equals(r.tools)
                && Objects.equals(toolChoice, r.toolChoice) && Objects.equals(responseFormat, r.responseFormat);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messages, tools, toolChoice, responseFormat);
    }

    /** The fields in a record's form. */
    @Override
    public String toString() {
        return "ChatRequest[messages=" + messages + ", tools=" + tools + ", toolChoice=" + toolChoice
                + ", responseFormat=" + responseFormat + "]";
    }
}
