package dev.catena.evaluation;

import dev.catena.core.models.Embedding;
import dev.catena.core.models.EmbeddingModel;
import dev.catena.core.vector.Distance;
import java.util.List;
import java.util.Objects;

/**
 * Embeds output and reference with any {@link EmbeddingModel} and scores them with a
 * {@link Distance} (higher is more similar: cosine in [-1, 1], euclidean as {@code 1 / (1 + d)});
 * passes when the score reaches the threshold.
 *
 * @param model the embedding model
 * @param distance how the two vectors are compared
 * @param threshold the lowest passing score
 */
public record EmbeddingDistanceEvaluator(EmbeddingModel model, Distance distance, double threshold) implements Evaluator {

    /**
     * Checks the evaluator.
     *
     * @param model the embedding model
     * @param distance the comparison
     * @param threshold the lowest passing score
     */
    public EmbeddingDistanceEvaluator {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(distance, "distance");
    }

    @Override
    public String name() {
        return "embedding_" + distance.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public EvaluationResult evaluate(Sample sample) {
        List<Embedding> vectors = model.embedAll(List.of(sample.output(), sample.requireReference(name())));
        double score = distance.score(vectors.get(0).vector(), vectors.get(1).vector());
        return EvaluationResult.of(name(), score, score >= threshold);
    }
}
