package dev.catena.prompts.parsers;

import dev.catena.core.OutputParserException;
import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.models.PromptValue;
import dev.catena.prompts.PromptTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The loop behind {@link OutputFixingParser} and {@link RetryWithErrorOutputParser}: parse with the
 * wrapped parser; on failure fill the prompt with the failed {@code completion}, the {@code error}
 * and the caller's own variables, ask the model, and parse its answer, at most {@code maxRetries}
 * times. The last failure is rethrown, with the earlier ones (the model's original text among
 * them) attached as suppressed exceptions, so the first answer is not lost.
 */
record ModelRetry<T>(OutputParser<T> parser, Component<PromptValue, ?> model, PromptTemplate prompt, int maxRetries) {

    ModelRetry {
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
    }

    /** Parses {@code completion}; {@code variables} are the prompt's variables other than completion and error. */
    T parse(String completion, Map<String, Object> variables, RunConfig config) {
        List<OutputParserException> earlier = new ArrayList<>();
        for (int attempt = 0; ; attempt++) {
            try {
                return parser.invoke(completion, config);
            } catch (OutputParserException e) {
                if (attempt >= maxRetries) {
                    earlier.stream().filter(f -> f != e).forEach(e::addSuppressed);
                    throw e;
                }
                earlier.add(e);
                Map<String, Object> filled = new HashMap<>(variables);
                filled.put("completion", completion);
                filled.put("error", e.getMessage());
                completion = OutputParser.textOf(model.invoke(prompt.invoke(filled, config), config));
            }
        }
    }
}
