package dev.catena.core.models;

import dev.catena.core.messages.ChatMessage;
import dev.catena.core.tools.ToolSpec;
import java.util.List;
import java.util.Objects;

/**
 * One request to a chat model: the messages, and optionally tools, a tool choice and a response
 * format. Generation settings (temperature, max tokens…) belong to the model's builder.
 *
 * @param messages       the conversation so far; at least one message
 * @param tools          tools the model may call (empty for none)
 * @param toolChoice     whether it must call one, or null for the provider's default
 * @param responseFormat the shape of the answer, or null for free text
 */
public record ChatRequest(List<ChatMessage> messages, List<ToolSpec> tools, ToolChoice toolChoice,
                          ResponseFormat responseFormat) {

    /**
     * Keeps immutable copies, rejects a request without messages and makes null tools empty.
     *
     * @param messages the conversation so far; at least one message
     * @param tools tools the model may call (empty for none)
     * @param toolChoice whether it must call one, or null for the provider's default
     * @param responseFormat the shape of the answer, or null for free text
     */
    public ChatRequest {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        tools = tools == null ? List.of() : List.copyOf(tools);
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
     * @param value the tools the model may call
     */
    public ChatRequest withTools(List<ToolSpec> value) {
        return new ChatRequest(messages, value, toolChoice, responseFormat);
    }

    /**
     * {@return this request with another tool choice}
     *
     * @param value whether and which tool the model must call, or null for the provider's default
     */
    public ChatRequest withToolChoice(ToolChoice value) {
        return new ChatRequest(messages, tools, value, responseFormat);
    }

    /**
     * {@return this request with another response format}
     *
     * @param value the format of the answer, or null for plain text
     */
    public ChatRequest withResponseFormat(ResponseFormat value) {
        return new ChatRequest(messages, tools, toolChoice, value);
    }
}
