package dev.catena.core.vector;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximal marginal relevance: picks items that are relevant to a query yet unlike the ones already
 * picked. Each step takes the candidate maximising
 * {@code lambda × sim(query, c) − (1 − lambda) × max sim(c, picked)} (cosine similarity), as
 * LangChain's {@code maximal_marginal_relevance}; {@code lambda = 1} is pure relevance,
 * {@code 0} pure diversity. Used by vector stores and the MMR example selector.
 */
public final class MaximalMarginalRelevance {

    private MaximalMarginalRelevance() {
    }

    /**
     * {@return the indexes of up to {@code k} candidates in the order picked}
     *
     * @param query the query's vector
     * @param candidates the candidates' vectors
     * @param k how many to pick
     * @param lambda 1 for relevance only, 0 for diversity only
     * @throws IllegalArgumentException if lambda is outside [0, 1] or k is negative
     */
    public static List<Integer> select(float[] query, List<float[]> candidates, int k, double lambda) {
        if (lambda < 0 || lambda > 1) {
            throw new IllegalArgumentException("lambda must be between 0 and 1, was " + lambda);
        }
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative, was " + k);
        }
        int n = candidates.size();
        double[] relevance = new double[n];
        for (int i = 0; i < n; i++) {
            relevance[i] = Distance.cosine(query, candidates.get(i));
        }
        double[] maxSimToPicked = new double[n];
        java.util.Arrays.fill(maxSimToPicked, Double.NEGATIVE_INFINITY);
        boolean[] picked = new boolean[n];
        List<Integer> result = new ArrayList<>(Math.min(k, n));
        while (result.size() < Math.min(k, n)) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (picked[i]) {
                    continue;
                }
                double redundancy = result.isEmpty() ? 0 : maxSimToPicked[i];
                double score = lambda * relevance[i] - (1 - lambda) * redundancy;
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            picked[best] = true;
            result.add(best);
            float[] chosen = candidates.get(best);
            for (int i = 0; i < n; i++) {
                if (!picked[i]) {
                    maxSimToPicked[i] = Math.max(maxSimToPicked[i], Distance.cosine(chosen, candidates.get(i)));
                }
            }
        }
        return result;
    }
}
