package dev.catena.evaluation;

import java.util.Objects;

/**
 * Scores the similarity of output and reference with a {@link StringDistance}, in [0, 1]; passes
 * when the score reaches the threshold.
 *
 * @param distance the measure
 * @param threshold the lowest passing score, in [0, 1]
 */
public record StringDistanceEvaluator(StringDistance distance, double threshold) implements Evaluator {

    /**
     * Checks the evaluator.
     *
     * @param distance the measure
     * @param threshold the lowest passing score
     */
    public StringDistanceEvaluator {
        Objects.requireNonNull(distance, "distance");
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
    }

    @Override
    public String name() {
        return distance.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public EvaluationResult evaluate(Sample sample) {
        double score = distance.similarity(sample.output(), sample.requireReference(name()));
        return EvaluationResult.of(name(), score, score >= threshold);
    }
}
