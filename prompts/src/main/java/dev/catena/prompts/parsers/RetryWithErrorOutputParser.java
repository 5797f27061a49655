package dev.catena.prompts.parsers;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.models.PromptValue;
import dev.catena.prompts.PromptTemplate;
import java.util.Map;

/**
 * Wraps a parser: when parsing fails, sends a model the original prompt, the failed completion
 * and the error, and parses its new answer, up to {@code maxRetries} times (LangChain's
 * {@code RetryWithErrorOutputParser}, default 1 retry). Because it needs the original prompt, it
 * takes a map of {@code "prompt"} (a {@link PromptValue}) and {@code "completion"}, or use
 * {@link #around} to build the whole prompt → model → parser chain. The retry prompt is
 * {@link #DEFAULT_PROMPT} unless you give another with the variables {@code prompt},
 * {@code completion} and {@code error}. Every attempt and model call is traced.
 *
 * @param <T> what the wrapped parser returns
 */
public final class RetryWithErrorOutputParser<T> implements OutputParser<T> {

    /** The default retry prompt (variables: prompt, completion, error), after LangChain's {@code NAIVE_COMPLETION_RETRY_WITH_ERROR}. */
    public static final PromptTemplate DEFAULT_PROMPT = PromptTemplate.fromTemplate("""
            Prompt:
            {prompt}
            Completion:
            {completion}

            The completion above does not meet the constraints given in the prompt.
            Details: {error}
            Try again:""");

    private final ModelRetry<T> retry;

    /**
     * @param parser the parser to retry
     * @param model      a chat or text model
     * @param prompt     the retry prompt, with variables prompt, completion and error
     * @param maxRetries how many times to ask the model at most (0 means never)
     */
    public RetryWithErrorOutputParser(OutputParser<T> parser, Component<PromptValue, ?> model, PromptTemplate prompt,
                                      int maxRetries) {
        this.retry = new ModelRetry<>(parser, model, prompt, maxRetries);
    }

    /**
     * With the default prompt and one retry.
     *
     * @param <T> the parsed type
     * @param parser the parser to retry
     * @param model a chat or text model
     * @return the parser
     */
    public static <T> RetryWithErrorOutputParser<T> of(OutputParser<T> parser, Component<PromptValue, ?> model) {
        return new RetryWithErrorOutputParser<>(parser, model, DEFAULT_PROMPT, 1);
    }

    /** Not available: retrying needs the original prompt. Use {@link #parseWithPrompt} or invoke with a map. */
    @Override
    public T parse(String text) {
        throw new UnsupportedOperationException("RetryWithErrorOutputParser needs the original prompt: call"
                + " parseWithPrompt(completion, prompt), invoke it with Map.of(\"prompt\", promptValue, \"completion\", output),"
                + " or build the chain with around(prompt, model)");
    }

    /**
     * Parses the completion, re-asking the model with the original prompt and the error on failure.
     *
     * @param completion the model's text
     * @param originalPrompt the prompt that produced it
     * @param config the run's config, for the retry calls
     * @return the parsed value
     */
    public T parseWithPrompt(String completion, PromptValue originalPrompt, RunConfig config) {
        return retry.parse(completion, Map.of("prompt", originalPrompt.toText()), config);
    }

    /** Takes {@code {"prompt": PromptValue, "completion": String or AiMessage}} (LangChain also names the prompt "prompt_value"). */
    @Override
    public T call(Object input, RunConfig config) {
        if (input instanceof Map<?, ?> map) {
            Object p = map.containsKey("prompt") ? map.get("prompt") : map.get("prompt_value");
            Object completion = map.get("completion");
            if (p instanceof PromptValue pv && completion != null) {
                return parseWithPrompt(OutputParser.textOf(completion), pv, config);
            }
        }
        throw new IllegalArgumentException("RetryWithErrorOutputParser takes a map with \"prompt\" (a PromptValue) and"
                + " \"completion\" (the model's output), got " + (input == null ? "null" : input.getClass().getSimpleName()));
    }

    /**
     * {@return the chain prompt → model → this parser, keeping the prompt for retries}
     *
     * @param promptTemplate the prompt
     * @param chainModel the model the chain calls
     */
    public Component<Map<String, Object>, T> around(Component<Map<String, Object>, ? extends PromptValue> promptTemplate,
                                                    Component<PromptValue, ?> chainModel) {
        RetryWithErrorOutputParser<T> self = this;
        return new Component<>() {
            @Override
            public T call(Map<String, Object> input, RunConfig config) {
                PromptValue pv = promptTemplate.invoke(input, config);
                Object output = chainModel.invoke(pv, config);
                return self.invoke(Map.of("prompt", pv, "completion", output), config);
            }

            @Override
            public String name() {
                return "RetryWithErrorChain";
            }

            @Override
            public String kind() {
                return "chain";
            }
        };
    }

    @Override
    public String formatInstructions() {
        return retry.parser().formatInstructions();
    }

    /** {@return the retry prompt} */
    public PromptTemplate prompt() {
        return retry.prompt();
    }

    @Override
    public String name() {
        return "RetryWithErrorOutputParser";
    }
}
