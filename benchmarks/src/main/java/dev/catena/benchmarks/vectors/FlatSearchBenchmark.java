package dev.catena.benchmarks.vectors;

import dev.catena.core.documents.Document;
import dev.catena.core.models.Embedding;
import dev.catena.core.vector.Distance;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.retrieval.stores.InMemoryVectorStore;
import dev.catena.retrieval.stores.ScoredDocument;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
 * Exact top-10 cosine search over {@code size} × 384 vectors (queries per second): Catena's
 * {@link InMemoryVectorStore} (parallel flat scan), a plain dot-product scan of the same array on
 * all cores (the hardware's rough ceiling), and LangChain4j's {@code InMemoryEmbeddingStore}
 * holding the same vectors. All vectors are unit length, so dot product = cosine for every entry.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms7g", "-Xmx7g"})
public class FlatSearchBenchmark {

    private static final int QUERIES = 64;

    @Param({"100000", "1000000"})
    public int size;

    private float[] data;
    private float[][] queries;
    private InMemoryVectorStore catena;
    private InMemoryEmbeddingStore<TextSegment> langchain4j;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        data = SyntheticEmbeddings.vectors(size, 1);
        float[] q = SyntheticEmbeddings.vectors(QUERIES, 2);
        queries = new float[QUERIES][];
        for (int i = 0; i < QUERIES; i++) {
            queries[i] = SyntheticEmbeddings.row(q, i);
        }
        catena = InMemoryVectorStore.create(new HashingEmbeddingModel(SyntheticEmbeddings.DIMENSION), Distance.COSINE);
        langchain4j = new InMemoryEmbeddingStore<>();
        int batch = 50_000;
        for (int from = 0; from < size; from += batch) {
            int to = Math.min(size, from + batch);
            List<Document> docs = new ArrayList<>(to - from);
            List<Embedding> ours = new ArrayList<>(to - from);
            List<String> ids = new ArrayList<>(to - from);
            List<dev.langchain4j.data.embedding.Embedding> theirs = new ArrayList<>(to - from);
            List<TextSegment> segments = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                String id = "d" + i;
                float[] v = SyntheticEmbeddings.row(data, i);
                docs.add(new Document(id, "document " + i, java.util.Map.of()));
                ours.add(new Embedding(v));
                ids.add(id);
                theirs.add(dev.langchain4j.data.embedding.Embedding.from(v));
                segments.add(TextSegment.from("document " + i));
            }
            catena.addEmbeddings(docs, ours);
            langchain4j.addAll(ids, theirs, segments);
        }
    }

    private float[] nextQuery() {
        next = (next + 1) % QUERIES;
        return queries[next];
    }

    @Benchmark
    public List<ScoredDocument> catenaInMemoryTop10() {
        return catena.searchByVector(nextQuery(), 10, null);
    }

    @Benchmark
    public List<EmbeddingMatch<TextSegment>> langchain4jInMemoryTop10() {
        return langchain4j.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(dev.langchain4j.data.embedding.Embedding.from(nextQuery()))
                .maxResults(10)
                .build()).matches();
    }

    /** The ceiling: one dot product per vector on all cores, keeping only the best score (no top-10, no documents). */
    @Benchmark
    public double plainDotProductScan() {
        float[] q = nextQuery();
        int dim = q.length;
        return IntStream.range(0, size).parallel().mapToDouble(i -> {
            float s = 0;
            int offset = i * dim;
            for (int d = 0; d < dim; d++) {
                s += q[d] * data[offset + d];
            }
            return s;
        }).max().orElse(0);
    }
}
