package dev.catena.core.models;

import dev.catena.core.components.Component;
import dev.catena.core.components.Run;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.tools.ToolSpec;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A chat model: messages in, an {@link AiMessage} out, optionally streamed and with tools.
 * As a {@link Component} it takes a {@link PromptValue}, so {@code prompt.pipe(model)} works.
 *
 * <pre>{@code
 * AiMessage reply = model.chat(ChatRequest.of(ChatMessage.user("Hello")));
 * try (Stream<AiMessage> chunks = model.stream(PromptValue.of("Tell me a story"))) {
 *     chunks.forEach(chunk -> System.out.print(chunk.text()));
 * }
 * }</pre>
 *
 * <p>Implementors write {@link #generate} and, to stream natively, {@link #generateStream}.
 */
public interface ChatModel extends Component<PromptValue, AiMessage> {

    /**
     * One call to the model. Implement it; callers use {@link #chat} or {@code invoke}, which are
     * traced.
     *
     * @param request the messages and per-call options
     * @param config the run's config; its remaining time bounds the call
     * @return the reply
     */
    AiMessage generate(ChatRequest request, RunConfig config);

    /**
     * {@return one streamed call: chunks whose {@link AiMessage#merge merge} is the whole reply, the last
     * carrying finish reason and usage} Closing the stream cancels the call. The default yields the
     * reply of {@link #generate} as one chunk.
     *
     * @param request the messages and per-call options
     * @param config the run's config; its remaining time bounds the call
     */
    default Stream<AiMessage> generateStream(ChatRequest request, RunConfig config) {
        return Stream.of(request).map(r -> generate(r, config));
    }

    @Override
    default AiMessage call(PromptValue prompt, RunConfig config) {
        return generate(ChatRequest.of(prompt.toMessages()), config);
    }

    @Override
    default Stream<AiMessage> callStream(PromptValue prompt, RunConfig config) {
        return generateStream(ChatRequest.of(prompt.toMessages()), config);
    }

    /**
     * Sends a request, traced.
     *
     * @param request the messages and per-call options
     * @return the reply
     */
    default AiMessage chat(ChatRequest request) {
        return chat(request, RunConfig.defaults());
    }

    /**
     * Sends a request, traced with this config.
     *
     * @param request the messages and per-call options
     * @param config callbacks, tags, metadata and deadline for this call
     * @return the reply
     */
    default AiMessage chat(ChatRequest request, RunConfig config) {
        return Run.trace(this, request, config, child -> generate(request, child));
    }

    /**
     * Sends messages, traced.
     *
     * @param messages the conversation so far
     * @return the reply
     */
    default AiMessage chat(List<? extends ChatMessage> messages) {
        return chat(ChatRequest.of(messages));
    }

    /**
     * Sends one user message and returns the reply's text.
     *
     * @param userMessage what the user says
     * @return the reply's text
     */
    default String chat(String userMessage) {
        return chat(ChatRequest.of(ChatMessage.user(userMessage))).text();
    }

    /**
     * Streams a request, traced with this config.
     *
     * @param request the messages and per-call options
     * @param config callbacks, tags, metadata and deadline for this call
     * @return a lazy stream of reply chunks; closing it cancels the call
     */
    default Stream<AiMessage> chatStream(ChatRequest request, RunConfig config) {
        return Run.traceStream(this, request, config, child -> generateStream(request, child));
    }

    /**
     * {@return this model with these tools offered on every call (LangChain's {@code bind_tools})}
     *
     * @param tools the tools the model may call
     * @throws NullPointerException if {@code tools} is null
     */
    default ChatModel withTools(List<ToolSpec> tools) {
        Objects.requireNonNull(tools, "tools must not be null; pass List.of() for none");
        return BoundChatModel.bind(this, r -> r.withTools(tools));
    }

    /**
     * {@return this model with a tool choice on every call}
     *
     * @param choice whether and which tool the model must call; not null
     * @throws NullPointerException if {@code choice} is null
     */
    default ChatModel withToolChoice(ToolChoice choice) {
        Objects.requireNonNull(choice, "toolChoice must not be null; leave it unset for the provider's default");
        return BoundChatModel.bind(this, r -> r.withToolChoice(choice));
    }

    /**
     * {@return this model answering in this format on every call (JSON mode, structured output)}
     *
     * @param format the format of every answer; not null
     * @throws NullPointerException if {@code format} is null
     */
    default ChatModel withResponseFormat(ResponseFormat format) {
        Objects.requireNonNull(format, "responseFormat must not be null; leave it unset for free text");
        return BoundChatModel.bind(this, r -> r.withResponseFormat(format));
    }

    @Override
    default String kind() {
        return "chat_model";
    }
}
