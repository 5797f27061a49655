package dev.catena.retrieval.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.models.Embedding;
import dev.catena.core.models.EmbeddingModel;
import dev.catena.core.models.TokenCounter;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.retrieval.loaders.DirectoryLoader;
import dev.catena.retrieval.loaders.DocumentLoader;
import dev.catena.retrieval.splitters.RecursiveCharacterTextSplitter;
import dev.catena.retrieval.splitters.TextSplitter;
import dev.catena.retrieval.stores.InMemoryVectorStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestionPipelineTest {

    private static final TextSplitter SPLITTER = RecursiveCharacterTextSplitter.builder().chunkSize(40).chunkOverlap(0).build();

    @TempDir
    Path dir;

    /** The offline model, counting calls and texts and the most calls ever in flight at once. */
    static final class CountingModel implements EmbeddingModel {
        final HashingEmbeddingModel inner = new HashingEmbeddingModel(64);
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger texts = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        volatile String failOn;

        @Override
        public List<Embedding> call(List<String> input, RunConfig config) {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(5); // long enough for batches to overlap
                if (failOn != null && input.stream().anyMatch(t -> t.contains(failOn))) {
                    throw new IllegalStateException("embedding service unavailable");
                }
                calls.incrementAndGet();
                texts.addAndGet(input.size());
                return inner.call(input, config);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    private static List<Document> corpus() {
        return List.of(
                Document.of("Cats purr when they are content. They also purr when hurt, oddly enough.", Map.of("source", "cats.txt")),
                Document.of("Dogs bark at strangers. A well trained dog barks less and listens more.", Map.of("source", "dogs.txt")),
                Document.of("Parrots can learn words. Some parrots learn hundreds of words in a lifetime.", Map.of("source", "parrots.txt")));
    }

    @Test
    void storesEveryChunkOnceAndReportsCountsTokensAndProgress() {
        CountingModel model = new CountingModel();
        InMemoryVectorStore store = InMemoryVectorStore.create(model);
        List<IngestionProgress> reports = new CopyOnWriteArrayList<>();
        IngestionPipeline pipeline = IngestionPipeline.builder(() -> corpus().stream(), SPLITTER, store)
                .batchSize(2).maxConcurrency(2).expectedDocuments(3).listener(reports::add).build();

        IngestionProgress done = pipeline.run();

        int chunks = SPLITTER.splitDocuments(corpus()).size();
        TokenCounter counter = TokenCounter.of("cl100k_base");
        long tokens = SPLITTER.splitDocuments(corpus()).stream().mapToLong(d -> counter.count(d.text())).sum();
        assertThat(chunks).isGreaterThan(3);
        assertThat(store.size()).isEqualTo(chunks);
        assertThat(model.texts.get()).isEqualTo(chunks);
        assertThat(model.calls.get()).isEqualTo((chunks + 1) / 2);
        assertThat(done).extracting(IngestionProgress::documentsLoaded, IngestionProgress::documentsSkipped,
                IngestionProgress::chunksStored, IngestionProgress::tokensEmbedded, IngestionProgress::finished)
                .containsExactly(3L, 0L, (long) chunks, tokens, true);
        assertThat(reports).last().isEqualTo(done);
        assertThat(reports.size()).isEqualTo(model.calls.get() + 1);
        assertThat(reports).filteredOn(p -> !p.finished()).extracting(IngestionProgress::chunksStored).isSorted();
        assertThat(pipeline.record().size()).isEqualTo(3);
        assertThat(store.similaritySearch("parrots learn words", 1).get(0).metadata()).containsEntry("source", "parrots.txt");
    }

    @Test
    void neverHasMoreBatchesInFlightThanAllowed() {
        CountingModel model = new CountingModel();
        List<Document> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(Document.of("document number " + i + " talks about topic " + (i % 7), Map.of("source", "f" + i)));
        }
        IngestionPipeline.builder(many::stream, SPLITTER, InMemoryVectorStore.create(model))
                .batchSize(1).maxConcurrency(3).build().run();
        assertThat(model.maxInFlight.get()).isBetween(2, 3);
        assertThat(model.texts.get()).isEqualTo(60);
    }

    @Test
    void rerunSkipsUnchangedDocumentsAndReplacesTheChunksOfChangedOnes() {
        CountingModel model = new CountingModel();
        InMemoryVectorStore store = InMemoryVectorStore.create(model);
        IngestionRecord record = new IngestionRecord();
        IngestionPipeline.builder(() -> corpus().stream(), SPLITTER, store).record(record).build().run();
        int before = store.size();
        int callsBefore = model.texts.get();

        IngestionProgress again = IngestionPipeline.builder(() -> corpus().stream(), SPLITTER, store).record(record).build().run();
        assertThat(again.documentsSkipped()).isEqualTo(3);
        assertThat(again.chunksStored()).isZero();
        assertThat(model.texts.get()).isEqualTo(callsBefore);
        assertThat(store.size()).isEqualTo(before);

        List<Document> edited = new ArrayList<>(corpus());
        edited.set(1, Document.of("Wolves howl at night.", Map.of("source", "dogs.txt")));
        IngestionProgress changed = IngestionPipeline.builder(edited::stream, SPLITTER, store).record(record).build().run();

        int oldDogChunks = SPLITTER.splitDocuments(List.of(corpus().get(1))).size();
        assertThat(changed.documentsSkipped()).isEqualTo(2);
        assertThat(changed.chunksStored()).isEqualTo(1);
        assertThat(changed.chunksDeleted()).isEqualTo(oldDogChunks);
        assertThat(store.size()).isEqualTo(before - oldDogChunks + 1);
        assertThat(store.similaritySearch("dogs bark at strangers", 10)).noneMatch(d -> d.text().contains("bark"));
        assertThat(record.size()).isEqualTo(3);
    }

    @Test
    void savedRecordLetsAFreshProcessSkipEverything() {
        CountingModel model = new CountingModel();
        InMemoryVectorStore store = InMemoryVectorStore.create(model);
        IngestionRecord record = new IngestionRecord();
        IngestionPipeline.builder(() -> corpus().stream(), SPLITTER, store).record(record).build().run();
        record.save(dir.resolve("ingested.tsv"));
        store.save(dir);

        InMemoryVectorStore reopened = InMemoryVectorStore.load(dir, model);
        IngestionRecord loaded = IngestionRecord.load(dir.resolve("ingested.tsv"));
        int calls = model.calls.get();
        IngestionProgress again = IngestionPipeline.builder(() -> corpus().stream(), SPLITTER, reopened).record(loaded).build().run();
        assertThat(again.documentsSkipped()).isEqualTo(3);
        assertThat(model.calls.get()).isEqualTo(calls);
        assertThat(IngestionRecord.load(dir.resolve("missing.tsv")).size()).isZero();
    }

    @Test
    void aFailedBatchStopsTheRunAndARerunResumes() {
        CountingModel model = new CountingModel();
        InMemoryVectorStore store = InMemoryVectorStore.create(model);
        IngestionRecord record = new IngestionRecord();
        model.failOn = "Parrots";
        assertThatThrownBy(() -> IngestionPipeline.builder(() -> corpus().stream(), SPLITTER, store)
                .record(record).batchSize(1).maxConcurrency(1).build().run())
                .isInstanceOf(IngestionException.class)
                .hasMessageContaining("embedding service unavailable")
                .hasMessageContaining("resume");
        assertThat(record.size()).isEqualTo(2);

        model.failOn = null;
        IngestionProgress resumed = IngestionPipeline.builder(() -> corpus().stream(), SPLITTER, store).record(record).build().run();
        assertThat(resumed.documentsSkipped()).isEqualTo(2);
        assertThat(store.size()).isEqualTo(SPLITTER.splitDocuments(corpus()).size());
    }

    @Test
    void ingestsRealFilesFromADirectoryWithTheirSources() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Lucene builds HNSW graphs for approximate vector search.");
        Files.writeString(dir.resolve("b.md"), "# Notes\n\nBM25 ranks documents by keyword statistics.");
        DocumentLoader loader = DirectoryLoader.builder(dir).include("**.txt", "**.md", "*.txt", "*.md").build();
        InMemoryVectorStore store = InMemoryVectorStore.create(new HashingEmbeddingModel(64));
        IngestionProgress done = IngestionPipeline.builder(loader, SPLITTER, store).build().run();
        assertThat(done.documentsLoaded()).isEqualTo(2);
        assertThat(store.similaritySearch("approximate vector search graphs", 1).get(0).metadata().get("source").toString())
                .endsWith("a.txt");
    }

    @Test
    void progressBarDrawsFractionCountsRateAndEta() {
        IngestionProgress half = new IngestionProgress(50, 5, 100, 400, 0, 12_000, Duration.ofSeconds(10), false);
        assertThat(ConsoleProgressBar.render(half))
                .isEqualTo("[##########..........]  50%  50 docs (5 skipped)  400 chunks  12,000 tokens  40 chunks/s  ETA 0:10");
        IngestionProgress done = new IngestionProgress(100, 0, 0, 800, 0, 24_000, Duration.ofSeconds(75), true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConsoleProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8)).onProgress(done);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("\r100 docs  800 chunks  24,000 tokens  11 chunks/s  done in 1:15" + System.lineSeparator());
    }

    @Test
    void redirectedOutputGetsPlainLinesAtABoundedRate() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgressBar lines = ConsoleProgressBar.lines(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Duration.ofSeconds(1));
        for (int i = 0; i < 100; i++) { // a report every 100 ms for 10 s
            lines.onProgress(new IngestionProgress(i, 0, 100, i * 8L, 0, i * 240L, Duration.ofMillis(i * 100L), false));
        }
        lines.onProgress(new IngestionProgress(100, 0, 100, 800, 0, 24_000, Duration.ofSeconds(10), true));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).doesNotContain("\r");
        List<String> printedLines = printed.lines().toList();
        assertThat(printedLines).hasSize(11); // 0 s, 1 s, ... 9 s, and the final report
        assertThat(printedLines.get(1)).startsWith("[##..................]  10%  10 docs");
        assertThat(printedLines.get(10)).endsWith("done in 0:10");
    }

    @Test
    void theDefaultBarPrintsPlainLinesWhenThereIsNoTerminal() {
        assertThat(System.console()).as("tests run without a terminal").isNull();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        ConsoleProgressBar bar;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            bar = new ConsoleProgressBar();
        } finally {
            System.setOut(original);
        }
        bar.onProgress(new IngestionProgress(1, 0, 0, 8, 0, 240, Duration.ofMillis(100), false));
        bar.onProgress(new IngestionProgress(2, 0, 0, 16, 0, 480, Duration.ofMillis(200), true));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r").hasLineCount(2);
    }
}
