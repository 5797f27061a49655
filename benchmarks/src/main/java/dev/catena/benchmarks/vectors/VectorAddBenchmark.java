package dev.catena.benchmarks.vectors;

import dev.catena.core.documents.Document;
import dev.catena.core.models.Embedding;
import dev.catena.core.vector.Distance;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.retrieval.stores.InMemoryVectorStore;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Filling an empty in-memory store with precomputed 384-d embeddings (milliseconds per fill), the two
 * ways applications add: all {@code size} documents in one call (Catena's
 * {@link InMemoryVectorStore#addEmbeddings} against LangChain4j's {@code InMemoryEmbeddingStore.addAll},
 * same ids, vectors and texts), and the first {@value #ONE_AT_A_TIME} documents one call each, as
 * they arrive (Catena's {@code addEmbeddings} of one document against LangChain4j's
 * {@code add(id, embedding, segment)}). The inputs are built once; only the adds are measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class VectorAddBenchmark {

    /** How many documents the one-at-a-time workloads add. */
    public static final int ONE_AT_A_TIME = 10_000;

    @Param({"100000"})
    public int size;

    private List<Document> docs;
    private List<Embedding> ours;
    private List<String> ids;
    private List<dev.langchain4j.data.embedding.Embedding> theirs;
    private List<TextSegment> segments;
    private HashingEmbeddingModel model;

    @Setup(Level.Trial)
    public void setUp() {
        float[] data = SyntheticEmbeddings.vectors(size, 1);
        docs = new ArrayList<>(size);
        ours = new ArrayList<>(size);
        ids = new ArrayList<>(size);
        theirs = new ArrayList<>(size);
        segments = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String id = "d" + i;
            float[] v = SyntheticEmbeddings.row(data, i);
            docs.add(new Document(id, "document " + i, Map.of("source", "s" + (i % 100))));
            ours.add(new Embedding(v));
            ids.add(id);
            theirs.add(dev.langchain4j.data.embedding.Embedding.from(v));
            segments.add(TextSegment.from("document " + i));
        }
        model = new HashingEmbeddingModel(SyntheticEmbeddings.DIMENSION);
    }

    @Benchmark
    public int catenaAddEmbeddings() {
        InMemoryVectorStore store = InMemoryVectorStore.create(model, Distance.COSINE);
        store.addEmbeddings(docs, ours);
        return store.size();
    }

    @Benchmark
    public Object langchain4jAddAll() {
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        store.addAll(ids, theirs, segments);
        return store;
    }

    @Benchmark
    public int catenaAddOneAtATime() {
        InMemoryVectorStore store = InMemoryVectorStore.create(model, Distance.COSINE);
        for (int i = 0; i < ONE_AT_A_TIME; i++) {
            store.addEmbeddings(List.of(docs.get(i)), List.of(ours.get(i)));
        }
        return store.size();
    }

    @Benchmark
    public Object langchain4jAddOneAtATime() {
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        for (int i = 0; i < ONE_AT_A_TIME; i++) {
            store.add(ids.get(i), theirs.get(i), segments.get(i));
        }
        return store;
    }
}
