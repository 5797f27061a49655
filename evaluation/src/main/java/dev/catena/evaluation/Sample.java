package dev.catena.evaluation;

import java.util.Map;
import java.util.Objects;

/**
 * What an evaluator looks at: the input given to the component, the output it produced, and the
 * reference output expected (or {@code null} when there is none). {@code context} carries extra
 * material some evaluators read, such as retrieved documents or agent steps.
 *
 * @param input the input, as text
 * @param output the component's output, as text
 * @param reference the expected output, or {@code null}
 * @param context extra values by name (never {@code null})
 */
public record Sample(String input, String output, String reference, Map<String, Object> context) {

    /**
     * Checks the sample.
     *
     * @param input the input, as text
     * @param output the component's output, as text
     * @param reference the expected output, or {@code null}
     * @param context extra values by name; {@code null} means none
     */
    public Sample {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    /**
     * {@return a sample with no context}
     *
     * @param input the input
     * @param output the output
     * @param reference the expected output, or {@code null}
     */
    public static Sample of(String input, String output, String reference) {
        return new Sample(input, output, reference, Map.of());
    }

    /**
     * {@return the reference, or an {@link EvaluationException} naming the evaluator that needs one}
     *
     * @param evaluator the name of the evaluator asking
     */
    public String requireReference(String evaluator) {
        if (reference == null) {
            throw new EvaluationException(evaluator + " compares with a reference output, but the sample has none;"
                    + " give the example a reference or use an evaluator that needs none");
        }
        return reference;
    }
}
