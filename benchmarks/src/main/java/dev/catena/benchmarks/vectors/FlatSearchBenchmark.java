package dev.catena.benchmarks.vectors;

import dev.catena.core.documents.Document;
import dev.catena.core.models.Embedding;
import dev.catena.core.vector.Distance;
import dev.catena.retrieval.retrievers.VectorStoreRetriever;
import dev.catena.retrieval.stores.InMemoryVectorStore;
import dev.catena.retrieval.stores.ScoredDocument;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
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

/**
 * Top-10 cosine search over {@code size} × 384 unit vectors (queries per second), on the user's
 * path: {@code similaritySearchWithScore(text, 10, null)} and {@code VectorStoreRetriever.invoke(text)}
 * (the query text is mapped to a precomputed vector by {@link QueryTable}, so no model runs). In the
 * same run: the physical reference, a bare dot-product scan of the same contiguous array keeping
 * only the best score, on 1 and 2 threads; and LangChain4j's {@code InMemoryEmbeddingStore} holding
 * the same vectors. Data: {@link SyntheticEmbeddings} seed 1 (stored) and seed 2 (64 queries, used
 * in turn).
 *
 * <p>Each store lives in its own state, so a fork builds only the one its benchmark uses (1M × 384
 * floats is 1.5 GB).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms7g", "-Xmx7g"})
public class FlatSearchBenchmark {

    private static final int QUERIES = 64;
    private static final int K = 10;
    /** Candidates per result of the quantised scan. */
    static final int OVERSAMPLE = 4;

    /** The vectors and queries, shared by every row. */
    @State(Scope.Benchmark)
    public static class Vectors {

        /** How many stored vectors. */
        @Param({"100000", "1000000"})
        public int size;

        float[] data;
        float[][] queries;
        private int next;

        /** Generates the vectors and queries. */
        @Setup(Level.Trial)
        public void generate() {
            data = SyntheticEmbeddings.vectors(size, 1);
            float[] q = SyntheticEmbeddings.vectors(QUERIES, 2);
            queries = new float[QUERIES][];
            for (int i = 0; i < QUERIES; i++) {
                queries[i] = SyntheticEmbeddings.row(q, i);
            }
        }

        int nextQuery() {
            next = (next + 1) % QUERIES;
            return next;
        }

        InMemoryVectorStore fill(InMemoryVectorStore.Builder builder) {
            return SyntheticEmbeddings.fill(builder, data, size);
        }

        InMemoryVectorStore.Builder store() {
            return InMemoryVectorStore.builder(new QueryTable(queries)).distance(Distance.COSINE);
        }
    }

    /** Exact scan, 1 thread. */
    @State(Scope.Benchmark)
    public static class Exact1 {
        InMemoryVectorStore store;

        /** @param v the data */
        @Setup(Level.Trial)
        public void build(Vectors v) {
            store = v.fill(v.store().parallelism(1));
        }
    }

    /** Exact scan, 2 threads. */
    @State(Scope.Benchmark)
    public static class Exact2 {
        InMemoryVectorStore store;

        /** @param v the data */
        @Setup(Level.Trial)
        public void build(Vectors v) {
            store = v.fill(v.store().parallelism(2));
        }
    }

    /** Quantised scan, 1 thread. */
    @State(Scope.Benchmark)
    public static class Quantised1 {
        InMemoryVectorStore store;

        /** @param v the data */
        @Setup(Level.Trial)
        public void build(Vectors v) {
            store = v.fill(v.store().parallelism(1).quantisedScan(OVERSAMPLE));
        }
    }

    /** Quantised scan, 2 threads. */
    @State(Scope.Benchmark)
    public static class Quantised2 {
        InMemoryVectorStore store;

        /** @param v the data */
        @Setup(Level.Trial)
        public void build(Vectors v) {
            store = v.fill(v.store().parallelism(2).quantisedScan(OVERSAMPLE));
        }
    }

    /** LangChain4j's in-memory store with the same vectors. */
    @State(Scope.Benchmark)
    public static class LangChain4j {
        InMemoryEmbeddingStore<TextSegment> store;

        /** @param v the data */
        @Setup(Level.Trial)
        public void build(Vectors v) {
            store = new InMemoryEmbeddingStore<>();
            int batch = 50_000;
            for (int from = 0; from < v.size; from += batch) {
                int to = Math.min(v.size, from + batch);
                List<String> ids = new ArrayList<>(to - from);
                List<dev.langchain4j.data.embedding.Embedding> vectors = new ArrayList<>(to - from);
                List<TextSegment> segments = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    ids.add("d" + i);
                    vectors.add(dev.langchain4j.data.embedding.Embedding.from(SyntheticEmbeddings.row(v.data, i)));
                    segments.add(TextSegment.from("document " + i));
                }
                store.addAll(ids, vectors, segments);
            }
        }
    }

    /** The physical reference: one 4-accumulator dot product per vector on the calling thread, keeping the best score. */
    @Benchmark
    public float bareScan1Thread(Vectors v) {
        return bestScore(v.queries[v.nextQuery()], v.data, 0, v.size);
    }

    /** The same scan, each half of the array on its own thread (the calling thread and one common-pool worker). */
    @Benchmark
    public float bareScan2Threads(Vectors v) {
        float[] q = v.queries[v.nextQuery()];
        int half = v.size / 2;
        ForkJoinTask<Float> upper = ForkJoinTask.adapt(() -> bestScore(q, v.data, half, v.size)).fork();
        return Math.max(bestScore(q, v.data, 0, half), upper.join());
    }

    /** Exact search, 1 thread, through {@code similaritySearchWithScore}. */
    @Benchmark
    public List<ScoredDocument> catenaExact1Thread(Vectors v, Exact1 s) {
        return s.store.similaritySearchWithScore(QueryTable.text(v.nextQuery()), K, null);
    }

    /** Exact search, 2 threads, through {@code similaritySearchWithScore}. */
    @Benchmark
    public List<ScoredDocument> catenaExact2Threads(Vectors v, Exact2 s) {
        return s.store.similaritySearchWithScore(QueryTable.text(v.nextQuery()), K, null);
    }

    /** Exact search, 2 threads, through {@code VectorStoreRetriever.invoke} (a traced run returning documents). */
    @Benchmark
    public List<Document> catenaExactRetriever2Threads(Vectors v, Exact2 s) {
        return VectorStoreRetriever.similarity(s.store, K).invoke(QueryTable.text(v.nextQuery()));
    }

    /** Quantised scan (7-bit codes, one byte per dimension; k × 4 candidates re-scored exactly), 1 thread. */
    @Benchmark
    public List<ScoredDocument> catenaQuantised1Thread(Vectors v, Quantised1 s) {
        return s.store.similaritySearchWithScore(QueryTable.text(v.nextQuery()), K, null);
    }

    /** Quantised scan, 2 threads. */
    @Benchmark
    public List<ScoredDocument> catenaQuantised2Threads(Vectors v, Quantised2 s) {
        return s.store.similaritySearchWithScore(QueryTable.text(v.nextQuery()), K, null);
    }

    /** Quantised scan, 2 threads, through {@code VectorStoreRetriever.invoke}. */
    @Benchmark
    public List<Document> catenaQuantisedRetriever2Threads(Vectors v, Quantised2 s) {
        return VectorStoreRetriever.similarity(s.store, K).invoke(QueryTable.text(v.nextQuery()));
    }

    /** LangChain4j 1.19 {@code InMemoryEmbeddingStore.search} with {@code maxResults(10)} (one thread). */
    @Benchmark
    public List<EmbeddingMatch<TextSegment>> langchain4j(Vectors v, LangChain4j s) {
        return s.store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(dev.langchain4j.data.embedding.Embedding.from(v.queries[v.nextQuery()]))
                .maxResults(K)
                .build()).matches();
    }

    private static float bestScore(float[] q, float[] data, int from, int to) {
        int dim = q.length;
        float best = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            int offset = i * dim;
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            // The bound is a multiple of 4 below dim, as in the store's kernel, so the JIT drops the index checks.
            for (int d = 0, bound = dim & ~3; d < bound; d += 4) {
                s0 += q[d] * data[offset + d];
                s1 += q[d + 1] * data[offset + d + 1];
                s2 += q[d + 2] * data[offset + d + 2];
                s3 += q[d + 3] * data[offset + d + 3];
            }
            best = Math.max(best, (s0 + s1) + (s2 + s3));
        }
        return best;
    }
}
