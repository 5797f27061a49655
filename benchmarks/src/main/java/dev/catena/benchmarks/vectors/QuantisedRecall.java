package dev.catena.benchmarks.vectors;

import dev.catena.retrieval.stores.InMemoryVectorStore;
import dev.catena.retrieval.stores.ScoredDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Recall@10 of {@link InMemoryVectorStore}'s quantised scan against its exact scan, at the
 * benchmark's sizes, on clustered vectors ({@link SyntheticEmbeddings}, seeds 1 and 2, as in
 * {@link FlatSearchBenchmark}) and on uniformly random unit vectors (gaussian components,
 * normalised; seeds 3 and 4), the hard case where the nearest neighbours' scores are closest
 * together. Not a JMH benchmark (it measures accuracy, not time):
 * {@code java -Xmx7g -cp benchmarks.jar dev.catena.benchmarks.vectors.QuantisedRecall 1000000 1,2,4}.
 */
public final class QuantisedRecall {

    private static final int QUERIES = 100;
    private static final int K = 10;

    private QuantisedRecall() {
    }

    /**
     * Prints recall@10 per distribution and oversample.
     *
     * @param args the number of stored vectors, then the oversample values, comma-separated
     */
    public static void main(String[] args) {
        int size = Integer.parseInt(args[0]);
        int[] oversamples = java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        report("clustered", size, SyntheticEmbeddings.vectors(size, 1), SyntheticEmbeddings.vectors(QUERIES, 2), oversamples);
        report("uniform", size, uniform(size, 3), uniform(QUERIES, 4), oversamples);
    }

    private static void report(String name, int size, float[] data, float[] queryRows, int[] oversamples) {
        float[][] queries = new float[QUERIES][];
        for (int i = 0; i < QUERIES; i++) {
            queries[i] = SyntheticEmbeddings.row(queryRows, i);
        }
        QueryTable model = new QueryTable(queries);
        List<Set<String>> truth = new ArrayList<>();
        InMemoryVectorStore exact = SyntheticEmbeddings.fill(InMemoryVectorStore.builder(model).parallelism(2), data, size);
        for (int q = 0; q < QUERIES; q++) {
            truth.add(ids(exact.similaritySearchWithScore(QueryTable.text(q), K, null)));
        }
        exact = null;
        for (int oversample : oversamples) {
            InMemoryVectorStore quantised = SyntheticEmbeddings.fill(InMemoryVectorStore.builder(model).parallelism(2).quantisedScan(oversample),
                    data, size);
            int found = 0;
            for (int q = 0; q < QUERIES; q++) {
                Set<String> hits = ids(quantised.similaritySearchWithScore(QueryTable.text(q), K, null));
                hits.retainAll(truth.get(q));
                found += hits.size();
            }
            System.out.printf("%s size=%d oversample=%d recall@10=%.4f (%d of %d)%n", name, size, oversample,
                    found / (double) (K * QUERIES), found, K * QUERIES);
        }
    }


    private static Set<String> ids(List<ScoredDocument> hits) {
        Set<String> out = new HashSet<>();
        hits.forEach(h -> out.add(h.document().id()));
        return out;
    }

    /** {@code count} uniformly random unit vectors (gaussian components, normalised), row after row. */
    private static float[] uniform(int count, long seed) {
        Random random = new Random(seed);
        int dim = SyntheticEmbeddings.DIMENSION;
        float[] out = new float[count * dim];
        for (int i = 0; i < count; i++) {
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                float x = (float) random.nextGaussian();
                out[i * dim + d] = x;
                norm += x * x;
            }
            float inverse = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < dim; d++) {
                out[i * dim + d] *= inverse;
            }
        }
        return out;
    }
}
