package dev.catena.evaluation;

import java.util.Objects;

/**
 * One evaluator's verdict on one sample. A failure (the evaluator could not judge) has
 * {@code error} set, a score of {@code NaN} and never passes.
 *
 * @param evaluator the evaluator's name
 * @param score the score (the evaluator documents its scale); {@code NaN} on failure
 * @param passed whether the sample passed
 * @param reasoning why, when the evaluator says (a judge's reasoning), else {@code null}
 * @param error why the evaluation failed, or {@code null}
 */
public record EvaluationResult(String evaluator, double score, boolean passed, String reasoning, String error) {

    /**
     * Checks the result.
     *
     * @param evaluator the evaluator's name
     * @param score the score
     * @param passed whether the sample passed
     * @param reasoning the reasoning, or {@code null}
     * @param error the failure, or {@code null}
     */
    public EvaluationResult {
        Objects.requireNonNull(evaluator, "evaluator");
        if (error != null && passed) {
            throw new IllegalArgumentException("a failed evaluation cannot pass: " + error);
        }
    }

    /**
     * {@return a verdict: score and pass}
     *
     * @param evaluator the evaluator's name
     * @param score the score
     * @param passed whether it passed
     */
    public static EvaluationResult of(String evaluator, double score, boolean passed) {
        return new EvaluationResult(evaluator, score, passed, null, null);
    }

    /**
     * {@return a pass/fail verdict scored 1 or 0}
     *
     * @param evaluator the evaluator's name
     * @param passed whether it passed
     */
    public static EvaluationResult ofPass(String evaluator, boolean passed) {
        return of(evaluator, passed ? 1 : 0, passed);
    }

    /**
     * {@return a recorded failure: the evaluator could not judge}
     *
     * @param evaluator the evaluator's name
     * @param error what went wrong
     */
    public static EvaluationResult failed(String evaluator, String error) {
        return new EvaluationResult(evaluator, Double.NaN, false, null, Objects.requireNonNull(error, "error"));
    }

    /** {@return whether the evaluator failed to judge} */
    public boolean isFailure() {
        return error != null;
    }
}
