package dev.catena.evaluation;

/**
 * Scores one sample. An evaluator may throw {@link EvaluationException} (or anything else) when it
 * cannot judge; {@link #safeEvaluate} turns that into a recorded failure, which never passes.
 */
public interface Evaluator {

    /** {@return the name reports show for this evaluator} */
    String name();

    /**
     * {@return the verdict on the sample}
     *
     * @param sample what to judge
     */
    EvaluationResult evaluate(Sample sample);

    /**
     * {@return the verdict, or a recorded failure carrying the exception's message}
     *
     * @param sample what to judge
     */
    default EvaluationResult safeEvaluate(Sample sample) {
        try {
            return evaluate(sample);
        } catch (RuntimeException e) {
            return EvaluationResult.failed(name(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
