package dev.catena.models;

import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.models.LanguageModel;
import dev.catena.core.models.TokenCounter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * A text model that answers from a script, offline: replies in order, starting over after the
 * last, as LangChain's {@code FakeListLLM}. Streaming cuts each reply into word- or
 * character-sized chunks. Each call reports its usage to the run's callbacks, the prompt and the
 * reply counted with the cl100k_base tokenizer (as {@link FakeChatModel} does). Every prompt is
 * kept for tests to inspect.
 *
 * <pre>{@code
 * LanguageModel llm = FakeLanguageModel.of("Regularization keeps a model simple.");
 * }</pre>
 */
public final class FakeLanguageModel implements LanguageModel {

    private static final TokenCounter COUNTER = TokenCounter.of("cl100k_base");

    private final ScriptedReplies<String> replies;
    private final List<String> prompts = Collections.synchronizedList(new ArrayList<>());

    private FakeLanguageModel(List<String> replies) {
        this.replies = new ScriptedReplies<>(replies);
    }

    /**
     * Replies, in order.
     *
     * @param replies the completions; the model answers with each in turn
     * @return the model
     */
    public static FakeLanguageModel of(String... replies) {
        return new FakeLanguageModel(List.of(replies));
    }

    @Override
    public String complete(String prompt, RunConfig config) {
        String reply = answer(prompt);
        config.reportUsage(usage(prompt, reply));
        return reply;
    }

    @Override
    public Stream<String> completeStream(String prompt, RunConfig config) {
        return ScriptedReplies.stream(() -> answer(prompt), text -> text, (text, piece, last) -> {
            if (last) {
                config.reportUsage(usage(prompt, text)); // once, with the last chunk, as a real stream does
            }
            return piece;
        });
    }

    private String answer(String prompt) {
        prompts.add(prompt);
        return replies.next();
    }

    /** What the call would have cost: the prompt and the reply counted with cl100k_base. */
    private static TokenUsage usage(String prompt, String reply) {
        return TokenUsage.of(COUNTER.count(prompt), COUNTER.count(reply));
    }

    /** {@return every prompt received, oldest first} */
    public List<String> prompts() {
        synchronized (prompts) {
            return List.copyOf(prompts);
        }
    }

    @Override
    public String name() {
        return "FakeLanguageModel";
    }
}
