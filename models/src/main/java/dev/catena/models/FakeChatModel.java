package dev.catena.models;

import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.models.TokenCounter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * A chat model that answers from a script, offline: replies in order, starting over after the
 * last (as LangChain's {@code FakeListChatModel}). Replies may be text or whole {@link AiMessage}s
 * with tool calls. Streaming cuts the text into word- or character-sized chunks and sends tool
 * calls and usage in the last chunk. Usage is counted with the cl100k_base tokenizer (unless a
 * scripted reply brings its own) and reported to the run's callbacks, as a real client does. Every
 * request is kept for tests to inspect. Examples and tests use it so they run with no key.
 *
 * <pre>{@code
 * ChatModel model = FakeChatModel.of("Hello!", "Goodbye!");
 * model.chat("hi");   // "Hello!"
 * }</pre>
 */
public final class FakeChatModel implements ChatModel {

    private static final TokenCounter COUNTER = TokenCounter.of("cl100k_base");

    private final ScriptedReplies<AiMessage> replies;
    private final List<ChatRequest> requests = Collections.synchronizedList(new ArrayList<>());

    private FakeChatModel(List<AiMessage> replies) {
        this.replies = new ScriptedReplies<>(replies);
    }

    /**
     * {@return a model that answers with these texts, in order}
     *
     * @param replies the reply texts; the model answers with each in turn
     */
    public static FakeChatModel of(String... replies) {
        return new FakeChatModel(Arrays.stream(replies).map(AiMessage::of).toList());
    }

    /**
     * Whole replies (for example with tool calls), in order.
     *
     * @param replies the replies; the model answers with each in turn
     * @return the model
     */
    public static FakeChatModel ofMessages(AiMessage... replies) {
        return new FakeChatModel(List.of(replies));
    }

    @Override
    public AiMessage generate(ChatRequest request, RunConfig config) {
        AiMessage reply = answer(request);
        reply.usage().ifPresent(config::reportUsage);
        return reply;
    }

    @Override
    public Stream<AiMessage> generateStream(ChatRequest request, RunConfig config) {
        // Lazy: nothing is taken from the script until the first chunk is pulled; the last chunk
        // carries the tool calls, finish reason and usage, and is when the usage is reported.
        return ScriptedReplies.stream(() -> answer(request), AiMessage::text, (whole, piece, last) -> {
            if (!last) {
                return AiMessage.of(piece);
            }
            whole.usage().ifPresent(config::reportUsage);
            return new AiMessage(piece, whole.toolCalls(), whole.reasoning().orElse(null), whole.finishReason().orElse(null),
                    whole.usage().orElse(null));
        });
    }

    private AiMessage answer(ChatRequest request) {
        requests.add(request);
        return finish(replies.next(), request);
    }

    /** {@return every request received, oldest first} */
    public List<ChatRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private static AiMessage finish(AiMessage reply, ChatRequest request) {
        String finishReason = reply.finishReason().orElse(reply.hasToolCalls() ? "tool_calls" : "stop");
        TokenUsage usage = reply.usage()
                .orElseGet(() -> TokenUsage.of(COUNTER.count(request.messages()), COUNTER.count(reply.text())));
        return new AiMessage(reply.text(), reply.toolCalls(), reply.reasoning().orElse(null), finishReason, usage);
    }

    @Override
    public String name() {
        return "FakeChatModel";
    }
}
