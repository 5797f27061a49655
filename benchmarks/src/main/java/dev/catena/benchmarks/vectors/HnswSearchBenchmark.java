package dev.catena.benchmarks.vectors;

import dev.catena.core.documents.Document;
import dev.catena.core.models.Embedding;
import dev.catena.core.vector.Distance;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.retrieval.lucene.LuceneVectorStore;
import dev.catena.retrieval.stores.ScoredDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Top-10 search over {@code size} 384-dimension unit vectors ({@link HnswVectorSets}, documents
 * seed 1, queries seed 2), in queries per second, four ways in one run:
 *
 * <ul>
 *   <li>{@code luceneHnswTop10}: {@link LuceneVectorStore#searchByVector} walking the HNSW graph
 *       with {@code candidates} candidates;</li>
 *   <li>{@code luceneExactTop10}: the same store's exact search
 *       ({@link LuceneVectorStore#exactSearchByVector}, what {@code exactSearch(true)} makes
 *       {@code searchByVector} do);</li>
 *   <li>{@code plainScanTop10OneThread} and {@code plainScanTop10TwoThreads}: the physical
 *       reference, a bare dot-product scan of one contiguous {@code float[]} keeping the ten best,
 *       on one thread and split over two.</li>
 * </ul>
 *
 * <p>Setup prints the recall@10 of both store modes against the plain scan's exact top 10 over
 * 200 queries. The index (cosine distance, {@code m} and {@code beamWidth} as given) is built
 * through the public API, two threads each adding half in one call, then {@code compact()}, into
 * {@code <tmp>/catena-hnsw-<data>-<size>-m<m>-b<beamWidth>}, and reused by later trials and runs;
 * setup prints how long the build took.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
public class HnswSearchBenchmark {

    private static final int QUERIES = 200;
    private static final int K = 10;

    /** Number of stored vectors. */
    @Param({"100000"})
    public int size;

    /** {@code clustered} or {@code uniform}, see {@link HnswVectorSets}. */
    @Param({"clustered", "uniform"})
    public String data;

    /** Graph-walk candidates (Lucene's k); the top 10 are taken from these. */
    @Param({"200"})
    public int candidates;

    /** HNSW graph degree M. */
    @Param({"16"})
    public int m;

    /** HNSW construction beam width. */
    @Param({"100"})
    public int beamWidth;

    private float[][] queries;
    private float[] matrix;
    private LuceneVectorStore hnsw;
    private ExecutorService twoThreads;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        float[][] vectors = HnswVectorSets.vectors(data, size, 1);
        queries = HnswVectorSets.vectors(data, QUERIES, 2);
        matrix = contiguous(vectors);
        twoThreads = Executors.newFixedThreadPool(2);
        HashingEmbeddingModel model = new HashingEmbeddingModel(HnswVectorSets.DIMENSION);
        Path folder = Path.of(System.getProperty("java.io.tmpdir"),
                "catena-hnsw-" + data + "-" + size + "-m" + m + "-b" + beamWidth);
        if (!isComplete(folder, model)) {
            build(folder, vectors, model);
        }
        hnsw = LuceneVectorStore.builder(folder, model).searchCandidates(candidates).build();
        double hnswFound = 0;
        double exactFound = 0;
        for (float[] query : queries) {
            Set<String> truth = new HashSet<>();
            for (int i : exactTop10(matrix, query, 0, size)) {
                truth.add("d" + i);
            }
            hnswFound += overlap(hnsw.searchByVector(query, K, null), truth);
            exactFound += overlap(hnsw.exactSearchByVector(query, K, null), truth);
        }
        System.out.printf("%nrecall@10 over %d queries, %s, size %d, M %d, beam %d: HNSW with %d candidates %.4f, exact mode %.4f%n",
                QUERIES, data, size, m, beamWidth, candidates, hnswFound / (K * QUERIES), exactFound / (K * QUERIES));
    }

    private boolean isComplete(Path folder, HashingEmbeddingModel model) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (LuceneVectorStore existing = LuceneVectorStore.open(folder, model)) {
            return existing.size() == size;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void build(Path folder, float[][] vectors, HashingEmbeddingModel model) throws IOException, InterruptedException {
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
        }
        long start = System.nanoTime();
        try (LuceneVectorStore store = LuceneVectorStore.builder(folder, model).distance(Distance.COSINE)
                .maxConnections(m).beamWidth(beamWidth).build()) {
            int half = size / 2;
            Thread second = new Thread(() -> store.addEmbeddings(documents(half, size), embeddings(vectors, half, size)));
            second.start();
            store.addEmbeddings(documents(0, half), embeddings(vectors, 0, half));
            second.join();
            long added = System.nanoTime();
            store.compact();
            long end = System.nanoTime();
            System.out.printf("%nbuilt %s %d: adding %.1f s, compact %.1f s, %.0f vectors/s overall%n", data, size,
                    (added - start) / 1e9, (end - added) / 1e9, size / ((end - start) / 1e9));
        }
    }

    static List<Document> documents(int from, int to) {
        List<Document> docs = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            docs.add(new Document("d" + i, "document " + i, Map.of()));
        }
        return docs;
    }

    static List<Embedding> embeddings(float[][] vectors, int from, int to) {
        List<Embedding> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(new Embedding(vectors[i]));
        }
        return out;
    }

    private static int overlap(List<ScoredDocument> hits, Set<String> truth) {
        int found = 0;
        for (ScoredDocument hit : hits) {
            if (truth.contains(hit.document().id())) {
                found++;
            }
        }
        return found;
    }

    /** {@return the vectors one after another in one array, the layout {@link #exactTop10} scans} */
    static float[] contiguous(float[][] vectors) {
        int dim = HnswVectorSets.DIMENSION;
        float[] matrix = new float[vectors.length * dim];
        for (int i = 0; i < vectors.length; i++) {
            System.arraycopy(vectors[i], 0, matrix, i * dim, dim);
        }
        return matrix;
    }

    /** The exact top 10 of rows [from, to) of {@code matrix} by dot product, best first, as row numbers. */
    static int[] exactTop10(float[] matrix, float[] query, int from, int to) {
        int dim = HnswVectorSets.DIMENSION;
        int[] rows = new int[K];
        float[] scores = new float[K];
        Arrays.fill(scores, Float.NEGATIVE_INFINITY);
        for (int row = from; row < to; row++) {
            int base = row * dim;
            float sum = 0;
            for (int d = 0; d < dim; d++) {
                sum += query[d] * matrix[base + d];
            }
            if (sum > scores[K - 1]) {
                int at = K - 1;
                while (at > 0 && scores[at - 1] < sum) {
                    scores[at] = scores[at - 1];
                    rows[at] = rows[at - 1];
                    at--;
                }
                scores[at] = sum;
                rows[at] = row;
            }
        }
        return rows;
    }

    private float[] nextQuery() {
        // Each benchmark thread walks the queries; the cursor race is harmless.
        next = (next + 1) % QUERIES;
        return queries[next];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        hnsw.close();
        twoThreads.shutdown();
    }

    @Benchmark
    public List<ScoredDocument> luceneHnswTop10() {
        return hnsw.searchByVector(nextQuery(), K, null);
    }

    @Benchmark
    public List<ScoredDocument> luceneExactTop10() {
        return hnsw.exactSearchByVector(nextQuery(), K, null);
    }

    @Benchmark
    public int[] plainScanTop10OneThread() {
        return exactTop10(matrix, nextQuery(), 0, size);
    }

    @Benchmark
    public int[][] plainScanTop10TwoThreads() throws Exception {
        float[] query = nextQuery();
        int half = size / 2;
        Future<int[]> second = twoThreads.submit(() -> exactTop10(matrix, query, half, size));
        // Both halves' top 10s are returned: merging 20 candidates costs nothing next to the scan.
        return new int[][] {exactTop10(matrix, query, 0, half), second.get()};
    }
}
