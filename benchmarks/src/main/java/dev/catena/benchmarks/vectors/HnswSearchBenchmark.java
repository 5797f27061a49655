package dev.catena.benchmarks.vectors;

import dev.catena.core.documents.Document;
import dev.catena.core.models.Embedding;
import dev.catena.core.vector.Distance;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.retrieval.stores.InMemoryVectorStore;
import dev.catena.retrieval.lucene.LuceneVectorStore;
import dev.catena.retrieval.stores.ScoredDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Approximate top-10 search with {@link LuceneVectorStore} (HNSW) over {@code size} × 384
 * vectors, in queries per second, and its recall@10 against exact search.
 *
 * <p>The index is built once per trial (two indexing threads, then merged into one segment)
 * into a folder under the system temp directory, or reused from {@code -Dcatena.hnswDir=<folder>}
 * if that folder already holds an index of the right size, because building a million-vector
 * graph takes many minutes on two cores. Recall@10 is measured in setup over 200 queries against
 * {@link InMemoryVectorStore}'s exact results on the same vectors and printed.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class HnswSearchBenchmark {

    private static final int QUERIES = 200;

    @Param({"1000000"})
    public int size;

    /** Lucene's graph-walk candidate count (its k); the top 10 are taken from these. */
    @Param({"100", "200"})
    public int candidates;

    private float[][] queries;
    private LuceneVectorStore lucene;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        float[] data = SyntheticEmbeddings.vectors(size, 1);
        float[] q = SyntheticEmbeddings.vectors(QUERIES, 2);
        queries = new float[QUERIES][];
        for (int i = 0; i < QUERIES; i++) {
            queries[i] = SyntheticEmbeddings.row(q, i);
        }
        HashingEmbeddingModel model = new HashingEmbeddingModel(SyntheticEmbeddings.DIMENSION);
        Path folder = indexFolder(size);
        boolean reuse = isComplete(folder, model, size);
        if (!reuse) {
            build(folder, data, model, size);
        }
        lucene = LuceneVectorStore.builder(folder, model).searchCandidates(candidates).build();
        System.out.printf("%nindex: %s (%s), %d documents%n", folder, reuse ? "reused" : "built", lucene.size());

        InMemoryVectorStore exact = InMemoryVectorStore.create(model, Distance.COSINE);
        exact.addEmbeddings(documents(0, size), embeddings(data, 0, size));
        double found = 0;
        for (float[] query : queries) {
            Set<String> truth = ids(exact.searchByVector(query, 10, null));
            Set<String> approx = ids(lucene.searchByVector(query, 10, null));
            approx.retainAll(truth);
            found += approx.size();
        }
        System.out.printf("recall@10 (candidates %d) over %d queries: %.4f%n", candidates, QUERIES, found / (10.0 * QUERIES));
    }

    /**
     * Builds the index ahead of a benchmark run, outside JMH:
     * {@code java -cp benchmarks.jar dev.catena.benchmarks.vectors.HnswSearchBenchmark 1000000}.
     */
    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        HashingEmbeddingModel model = new HashingEmbeddingModel(SyntheticEmbeddings.DIMENSION);
        Path folder = indexFolder(size);
        if (isComplete(folder, model, size)) {
            System.out.println("index already complete: " + folder);
            return;
        }
        build(folder, SyntheticEmbeddings.vectors(size, 1), model, size);
    }

    private static Path indexFolder(int size) {
        return Path.of(System.getProperty("catena.hnswDir",
                Path.of(System.getProperty("java.io.tmpdir"), "catena-hnsw-" + size).toString()));
    }

    private static boolean isComplete(Path folder, HashingEmbeddingModel model, int size) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (LuceneVectorStore existing = LuceneVectorStore.open(folder, model)) {
            return existing.size() == size;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void build(Path folder, float[] data, HashingEmbeddingModel model, int size) throws IOException, InterruptedException {
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
        }
        long start = System.nanoTime();
        try (LuceneVectorStore store = LuceneVectorStore.builder(folder, model).distance(Distance.COSINE)
                .ramBufferMb(1024).mergeThreads(2).build()) {
            int half = size / 2;
            Thread second = new Thread(() -> store.addEmbeddings(documents(half, size), embeddings(data, half, size)));
            second.start();
            store.addEmbeddings(documents(0, half), embeddings(data, 0, half));
            second.join();
            long indexed = System.nanoTime();
            store.compact();
            System.out.printf("%nbuilt %d vectors: indexing %.0f s, merge to one segment %.0f s%n", size,
                    (indexed - start) / 1e9, (System.nanoTime() - indexed) / 1e9);
        }
    }

    private static List<Document> documents(int from, int to) {
        List<Document> docs = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            docs.add(new Document("d" + i, "document " + i, Map.of()));
        }
        return docs;
    }

    private static List<Embedding> embeddings(float[] data, int from, int to) {
        List<Embedding> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(new Embedding(SyntheticEmbeddings.row(data, i)));
        }
        return out;
    }

    private static Set<String> ids(List<ScoredDocument> hits) {
        Set<String> ids = new HashSet<>();
        hits.forEach(h -> ids.add(h.document().id()));
        return ids;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        lucene.close();
    }

    @Benchmark
    public List<ScoredDocument> luceneHnswTop10() {
        // Each benchmark thread walks its own queries; the cursor race is harmless.
        next = (next + 1) % QUERIES;
        return lucene.searchByVector(queries[next], 10, null);
    }
}
