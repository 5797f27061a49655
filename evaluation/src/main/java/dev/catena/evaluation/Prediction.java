package dev.catena.evaluation;

import dev.catena.agents.AgentResult;
import dev.catena.core.messages.ChatMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A component's output as evaluators see it: its text, plus context values (retrieved documents,
 * agent steps) some evaluators read.
 *
 * @param output the output's text
 * @param context extra values by name
 */
public record Prediction(String output, Map<String, Object> context) {

    /** The context key under which an agent's intermediate steps ({@code List<AgentStep>}) are kept. */
    public static final String STEPS = "intermediate_steps";

    /** The keys a map output's text is looked for under, in order. */
    private static final List<String> TEXT_KEYS = List.of("answer", "output", "result", "text");

    /**
     * Checks the prediction.
     *
     * @param output the text
     * @param context extra values; {@code null} means none
     */
    public Prediction {
        output = output == null ? "" : output;
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    /**
     * The usual reading of a component's output: a string as it is; a chat message's text; an
     * {@link AgentResult}'s output with its steps under {@link #STEPS}; a map's value under
     * {@code answer}, {@code output}, {@code result} or {@code text}, with every entry as context
     * (so {@code source_documents} reach the faithfulness evaluators). Anything else is refused.
     *
     * @param value what the component returned
     * @return the prediction
     */
    public static Prediction of(Object value) {
        if (value instanceof String text) {
            return new Prediction(text, Map.of());
        }
        if (value instanceof ChatMessage message) {
            return new Prediction(message.text(), Map.of());
        }
        if (value instanceof AgentResult result) {
            return new Prediction(result.output(), Map.of(STEPS, result.intermediateSteps()));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> context = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    context.put(String.valueOf(k), v);
                }
            });
            for (String key : TEXT_KEYS) {
                if (map.get(key) instanceof String text) {
                    return new Prediction(text, context);
                }
            }
            throw new EvaluationException("the component returned a map without a text under any of " + TEXT_KEYS
                    + " (keys: " + map.keySet() + "); pass the runner a function reading its output");
        }
        throw new EvaluationException("cannot read a " + (value == null ? "null" : value.getClass().getName())
                + " output as text; pass the runner a function reading it");
    }
}
