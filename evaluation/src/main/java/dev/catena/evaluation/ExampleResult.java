package dev.catena.evaluation;

import dev.catena.core.messages.TokenUsage;
import java.util.List;
import java.util.Optional;

/**
 * One report row: an example, what the component answered, each evaluator's verdict, and what the
 * call cost. When the component failed, {@code error} says why, {@code output} is {@code null} and
 * no evaluator ran.
 *
 * @param id the example's id
 * @param input the example's input
 * @param output the component's output text, or {@code null} when it failed
 * @param reference the expected output, or {@code null}
 * @param results each evaluator's verdict, in the runner's order
 * @param latencyMillis how long the component took, in milliseconds
 * @param usage the tokens its models reported through the callbacks
 * @param error why the component failed, or {@code null}
 */
public record ExampleResult(String id, String input, String output, String reference, List<EvaluationResult> results,
                            double latencyMillis, TokenUsage usage, String error) {

    /**
     * Checks the row.
     *
     * @param id the example's id
     * @param input the input
     * @param output the output, or {@code null}
     * @param reference the reference, or {@code null}
     * @param results the verdicts
     * @param latencyMillis the latency
     * @param usage the tokens; {@code null} means none
     * @param error the failure, or {@code null}
     */
    public ExampleResult {
        results = List.copyOf(results);
        usage = usage == null ? TokenUsage.ZERO : usage;
    }

    /**
     * {@return the verdict of the named evaluator, if it ran on this row}
     *
     * @param evaluator an evaluator's name
     */
    public Optional<EvaluationResult> result(String evaluator) {
        return results.stream().filter(r -> r.evaluator().equals(evaluator)).findFirst();
    }
}
