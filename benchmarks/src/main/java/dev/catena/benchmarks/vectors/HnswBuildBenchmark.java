package dev.catena.benchmarks.vectors;

import dev.catena.core.vector.Distance;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.retrieval.lucene.LuceneVectorStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.FSDirectory;
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
 * Bulk indexing of {@code buildSize} 384-dimension unit vectors ({@link HnswVectorSets}, seed 1) into a
 * fresh HNSW index on disk, ending with one merged segment, in seconds per build; divide
 * {@code buildSize} by it for vectors per second. Both rows build the same graph ({@code m},
 * {@code beamWidth}) with two indexing threads, each adding half:
 *
 * <ul>
 *   <li>{@code catenaBulkLoad}: {@link LuceneVectorStore} with its defaults (cosine) but for the
 *       graph settings, each thread adding its half in one {@code addEmbeddings} call, then
 *       {@code compact()};</li>
 *   <li>{@code plainLuceneBulkLoad}: the reference, Lucene 9.12 used directly as its
 *       documentation shows: default {@code IndexWriterConfig} and codec (but for the graph
 *       settings), one id field and one
 *       {@link KnnFloatVectorField} with {@code COSINE} per document, {@code addDocument} per
 *       document, then {@code forceMerge(1)} and {@code commit()}.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
// One build each: a build lasts long enough that JIT warm-up is a small part of it.
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class HnswBuildBenchmark {

    /** Number of vectors indexed per build (not {@code size}, so one command can run both HNSW classes). */
    @Param({"20000"})
    public int buildSize;

    /** {@code clustered} or {@code uniform}, see {@link HnswVectorSets}. */
    @Param({"clustered", "uniform"})
    public String data;

    /** HNSW graph degree M, for both rows (the store's default unless given). */
    @Param({"16"})
    public int m;

    /** HNSW construction beam width, for both rows (the store's default unless given). */
    @Param({"100"})
    public int beamWidth;

    private float[][] vectors;
    private Path folder;

    @Setup(Level.Trial)
    public void generate() {
        vectors = HnswVectorSets.vectors(data, buildSize, 1);
    }

    @Setup(Level.Invocation)
    public void freshFolder() throws IOException {
        folder = Files.createTempDirectory("catena-hnsw-build");
    }

    @TearDown(Level.Invocation)
    public void deleteFolder() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public int catenaBulkLoad() throws InterruptedException {
        HashingEmbeddingModel model = new HashingEmbeddingModel(HnswVectorSets.DIMENSION);
        try (LuceneVectorStore store = LuceneVectorStore.builder(folder, model).distance(Distance.COSINE)
                .maxConnections(m).beamWidth(beamWidth).build()) {
            int half = buildSize / 2;
            Thread second = new Thread(() -> store.addEmbeddings(HnswSearchBenchmark.documents(half, buildSize),
                    HnswSearchBenchmark.embeddings(vectors, half, buildSize)));
            second.start();
            store.addEmbeddings(HnswSearchBenchmark.documents(0, half), HnswSearchBenchmark.embeddings(vectors, 0, half));
            second.join();
            store.compact();
            return store.size();
        }
    }

    @Benchmark
    public int plainLuceneBulkLoad() throws Exception {
        try (FSDirectory directory = FSDirectory.open(folder);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setCodec(new Lucene912Codec() {
                    private final KnnVectorsFormat graph = new Lucene99HnswVectorsFormat(m, beamWidth);

                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return graph;
                    }
                }))) {
            int half = buildSize / 2;
            Thread second = new Thread(() -> addPlain(writer, half, buildSize));
            second.start();
            addPlain(writer, 0, half);
            second.join();
            writer.forceMerge(1);
            writer.commit();
            return writer.getDocStats().numDocs;
        }
    }

    private void addPlain(IndexWriter writer, int from, int to) {
        try {
            for (int i = from; i < to; i++) {
                Document doc = new Document();
                doc.add(new StringField("id", "d" + i, Field.Store.YES));
                doc.add(new KnnFloatVectorField("vector", vectors[i], VectorSimilarityFunction.COSINE));
                writer.addDocument(doc);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
