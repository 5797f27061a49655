package dev.catena.prompts.selectors;

import dev.catena.core.models.EmbeddingModel;
import dev.catena.core.vector.MaximalMarginalRelevance;
import dev.catena.prompts.ExampleSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shows {@code k} examples that are relevant to the input yet unlike each other, as LangChain's
 * {@code MaxMarginalRelevanceExampleSelector}: the {@code fetchK} most similar examples are
 * re-ranked by maximal marginal relevance ({@code lambda} 1 = pure relevance, 0 = pure
 * diversity; LangChain's defaults are k 4, fetchK 20, lambda 0.5).
 */
public final class MaxMarginalRelevanceExampleSelector implements ExampleSelector {

    private final EmbeddedExamples index;
    private final int k;
    private final int fetchK;
    private final double lambda;

    /**
     * With LangChain's defaults: fetch 20, lambda 0.5.
     *
     * @param examples the examples to pick from
     * @param model embeds the examples and the input
     * @param k how many to pick
     */
    public MaxMarginalRelevanceExampleSelector(List<? extends Map<String, ?>> examples, EmbeddingModel model, int k) {
        this(examples, model, k, 20, 0.5, null);
    }

    /**
     * @param examples the examples to pick from
     * @param model embeds the examples and the input
     * @param k how many to pick
     * @param fetchK    how many nearest examples to re-rank
     * @param lambda    relevance versus diversity, in [0, 1]
     * @param inputKeys which keys to embed; null for all
     */
    public MaxMarginalRelevanceExampleSelector(List<? extends Map<String, ?>> examples, EmbeddingModel model, int k,
                                               int fetchK, double lambda, List<String> inputKeys) {
        if (k < 1 || fetchK < k) {
            throw new IllegalArgumentException("need 1 <= k <= fetchK, got k=" + k + ", fetchK=" + fetchK);
        }
        if (lambda < 0 || lambda > 1) {
            throw new IllegalArgumentException("lambda must be between 0 and 1, was " + lambda);
        }
        this.k = k;
        this.fetchK = fetchK;
        this.lambda = lambda;
        this.index = new EmbeddedExamples(examples, model, inputKeys);
    }

    /** Embeds one more example and makes it selectable, as LangChain's {@code add_example}. */
    @Override
    public void addExample(Map<String, ?> example) {
        index.add(example);
    }

    @Override
    public List<Map<String, Object>> select(Map<String, ?> inputVariables) {
        float[] query = index.embedQuery(inputVariables);
        List<Integer> candidates = index.nearest(query, fetchK);
        List<float[]> vectors = new ArrayList<>();
        candidates.forEach(i -> vectors.add(index.vector(i)));
        List<Map<String, Object>> chosen = new ArrayList<>();
        for (int pick : MaximalMarginalRelevance.select(query, vectors, k, lambda)) {
            chosen.add(index.example(candidates.get(pick)));
        }
        return chosen;
    }
}
