package dev.catena.benchmarks.vectors;

import dev.catena.core.vector.Distance;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.retrieval.lucene.LuceneVectorStore;
import dev.catena.retrieval.stores.ScoredDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build rate and recall@10 of {@link LuceneVectorStore} for a grid of graph settings (M and beam
 * width), on {@link HnswVectorSets} data (documents seed 1, 1,000
 * queries seed 2), recall measured against the exact top 10 of a plain dot-product scan at several
 * candidate counts. Each build goes through the public API as {@link HnswBuildBenchmark} does: two
 * threads each adding half in one {@code addEmbeddings} call, then {@code compact()}; the adding
 * and compacting times are printed apart. Not a JMH benchmark: one build per setting, wall-clock
 * time, for choosing settings (the chosen ones are then timed by the JMH classes):
 * {@code java -Xmx6g -cp benchmarks.jar dev.catena.benchmarks.vectors.HnswSettingsGrid 20000 clustered,uniform 8,12,16 16,32,50,100 20,50,100,200}.
 */
public final class HnswSettingsGrid {

    private static final int QUERIES = 1000;
    private static final int K = 10;

    private HnswSettingsGrid() {
    }

    /**
     * Prints one line per data set and setting.
     *
     * @param args the number of vectors; then data sets, M values, beam widths and candidate
     *     counts, each comma-separated
     * @throws Exception if a build fails
     */
    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        String[] sets = args[1].split(",");
        int[] ms = ints(args[2]);
        int[] beams = ints(args[3]);
        int[] candidates = ints(args[4]);
        for (String set : sets) {
            float[][] vectors = HnswVectorSets.vectors(set, size, 1);
            float[][] queries = HnswVectorSets.vectors(set, QUERIES, 2);
            // One unprinted build first, so that the first printed one does not pay for JIT compilation.
            run(set, Math.min(size, 5000), vectors, queries, null, ms[0], beams[0], new int[0]);
            float[] matrix = HnswSearchBenchmark.contiguous(vectors);
            int[][] truth = new int[QUERIES][];
            for (int q = 0; q < QUERIES; q++) {
                truth[q] = HnswSearchBenchmark.exactTop10(matrix, queries[q], 0, size);
            }
            for (int m : ms) {
                for (int beam : beams) {
                    run(set, size, vectors, queries, truth, m, beam, candidates);
                }
            }
        }
    }

    private static void run(String set, int size, float[][] vectors, float[][] queries, int[][] truth, int m, int beam,
            int[] candidates) throws IOException, InterruptedException {
        HashingEmbeddingModel model = new HashingEmbeddingModel(HnswVectorSets.DIMENSION);
        Path folder = Files.createTempDirectory("catena-hnsw-grid");
        try {
            long start = System.nanoTime();
            long added;
            try (LuceneVectorStore store = LuceneVectorStore.builder(folder, model).distance(Distance.COSINE)
                    .maxConnections(m).beamWidth(beam).build()) {
                int half = size / 2;
                Thread second = new Thread(() -> store.addEmbeddings(HnswSearchBenchmark.documents(half, size),
                        HnswSearchBenchmark.embeddings(vectors, half, size)));
                second.start();
                store.addEmbeddings(HnswSearchBenchmark.documents(0, half), HnswSearchBenchmark.embeddings(vectors, 0, half));
                second.join();
                added = System.nanoTime();
                store.compact();
            }
            long end = System.nanoTime();
            StringBuilder line = new StringBuilder(String.format("%s size=%d M=%d beam=%d add=%.1fs compact=%.1fs rate=%.0f/s",
                    set, size, m, beam, (added - start) / 1e9, (end - added) / 1e9, size / ((end - start) / 1e9)));
            for (int c : candidates) {
                try (LuceneVectorStore store = LuceneVectorStore.builder(folder, model).searchCandidates(c).build()) {
                    long found = 0;
                    long searchStart = System.nanoTime();
                    for (int q = 0; q < queries.length; q++) {
                        found += overlap(store.searchByVector(queries[q], K, null), truth[q]);
                    }
                    double seconds = (System.nanoTime() - searchStart) / 1e9;
                    line.append(String.format(" | c=%d recall=%.4f %.0fq/s", c, found / (double) (K * queries.length),
                            queries.length / seconds));
                }
            }
            if (truth != null) {
                System.out.println(line);
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static int overlap(List<ScoredDocument> hits, int[] truth) {
        int found = 0;
        for (ScoredDocument hit : hits) {
            int row = Integer.parseInt(hit.document().id().substring(1));
            for (int t : truth) {
                if (t == row) {
                    found++;
                    break;
                }
            }
        }
        return found;
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
