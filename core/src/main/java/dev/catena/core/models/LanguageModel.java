package dev.catena.core.models;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import java.util.stream.Stream;

/**
 * A text-completion model: a string in, a string out (LangChain's {@code LLM}). As a
 * {@link Component} it takes a {@link PromptValue}, so {@code prompt.pipe(llm)} works.
 *
 * <pre>{@code
 * String text = llm.generate("Explain the concept of regularization in couple of lines");
 * }</pre>
 *
 * <p>Implementors write {@link #complete} and, to stream natively, {@link #completeStream}.
 */
public interface LanguageModel extends Component<PromptValue, String> {

    /**
     * One call to the model. Implement it; callers use {@link #generate} or {@code invoke}, which
     * are traced.
     *
     * @param prompt the prompt text
     * @param config the run's config; its remaining time bounds the call
     * @return the completion
     */
    String complete(String prompt, RunConfig config);

    /**
     * {@return one streamed call; closing the stream cancels it} The default yields the whole text as one
     * chunk.
     *
     * @param prompt the prompt text
     * @param config the run's config; its remaining time bounds the call
     */
    default Stream<String> completeStream(String prompt, RunConfig config) {
        return Stream.of(prompt).map(p -> complete(p, config));
    }

    @Override
    default String call(PromptValue prompt, RunConfig config) {
        return complete(prompt.toText(), config);
    }

    @Override
    default Stream<String> callStream(PromptValue prompt, RunConfig config) {
        return completeStream(prompt.toText(), config);
    }

    /**
     * Completes a prompt, traced.
     *
     * @param prompt the prompt text
     * @return the completion
     */
    default String generate(String prompt) {
        return invoke(PromptValue.of(prompt));
    }

    @Override
    default String kind() {
        return "llm";
    }
}
