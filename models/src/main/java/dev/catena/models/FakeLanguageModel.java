package dev.catena.models;

import dev.catena.core.LanguageModel;
import dev.catena.core.RunConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * A text model that answers from a script, offline: replies in order, starting over after the
 * last, as LangChain's {@code FakeListLLM}. Streaming cuts each reply into word- or
 * character-sized chunks. Every prompt is kept for tests to inspect.
 *
 * <pre>{@code
 * LanguageModel llm = FakeLanguageModel.of("Regularization keeps a model simple.");
 * }</pre>
 */
public final class FakeLanguageModel implements LanguageModel {

    private final ScriptedReplies<String> replies;
    private final List<String> prompts = Collections.synchronizedList(new ArrayList<>());

    private FakeLanguageModel(List<String> replies) {
        this.replies = new ScriptedReplies<>(replies);
    }

    /** Replies, in order. */
    public static FakeLanguageModel of(String... replies) {
        return new FakeLanguageModel(List.of(replies));
    }

    @Override
    public String complete(String prompt, RunConfig config) {
        prompts.add(prompt);
        return replies.next();
    }

    @Override
    public Stream<String> completeStream(String prompt, RunConfig config) {
        return ScriptedReplies.stream(() -> complete(prompt, config), text -> text, (text, piece, last) -> piece);
    }

    /** Every prompt received, oldest first. */
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
