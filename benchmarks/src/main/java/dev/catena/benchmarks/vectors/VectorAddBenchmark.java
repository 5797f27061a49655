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
 * Filling an empty in-memory store with {@code size} documents and their precomputed 384-d
 * embeddings in one call (milliseconds per fill): Catena's {@link InMemoryVectorStore#addEmbeddings}
 * against LangChain4j's {@code InMemoryEmbeddingStore.addAll} with the same ids, vectors and texts.
 * The inputs (documents, embeddings, segments) are built once; only the add is measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class VectorAddBenchmark {

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
}
