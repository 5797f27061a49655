package dev.catena.retrieval.ingestion;

import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.models.Embedding;
import dev.catena.core.models.TokenCounter;
import dev.catena.retrieval.loaders.DocumentLoader;
import dev.catena.retrieval.splitters.TextSplitter;
import dev.catena.retrieval.stores.VectorStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Loads documents, splits them, embeds the chunks in batches and stores them: loader → splitter
 * → embedding model → vector store, reporting progress to a listener.
 *
 * <p>Documents stream through: at most {@code maxConcurrency} batches are being embedded at a
 * time and the loader waits for a free slot, so memory stays bounded however large the input.
 * Each document's content hash (text and metadata) goes into an {@link IngestionRecord}; a
 * document already recorded is skipped, and when a source's content changes, the chunks of its
 * old version are deleted after the new ones are stored (LangChain's "incremental" cleanup).
 * Chunk ids derive from the content hash, so re-adding the same chunk replaces it.
 *
 * <pre>{@code
 * IngestionRecord record = IngestionRecord.load(Path.of("index/ingested.tsv"));
 * IngestionProgress done = IngestionPipeline.builder(loader, splitter, store)
 *         .record(record)
 *         .listener(new ConsoleProgressBar())
 *         .build()
 *         .run();
 * record.save(Path.of("index/ingested.tsv"));
 * }</pre>
 */
public final class IngestionPipeline {

    private final DocumentLoader loader;
    private final TextSplitter splitter;
    private final VectorStore store;
    private final int batchSize;
    private final int maxConcurrency;
    private final IngestionListener listener;
    private final IngestionRecord record;
    private final TokenCounter tokenCounter;
    private final long expectedDocuments;

    private IngestionPipeline(Builder b) {
        this.loader = b.loader;
        this.splitter = b.splitter;
        this.store = b.store;
        this.batchSize = b.batchSize;
        this.maxConcurrency = b.maxConcurrency;
        this.listener = b.listener;
        this.record = b.record;
        this.tokenCounter = b.tokenCounter;
        this.expectedDocuments = b.expectedDocuments;
    }

    /**
     * {@return settings for a pipeline that loads with {@code loader}, splits with {@code splitter} and
     * stores in {@code store}}
     *
     * @param loader gives the documents
     * @param splitter cuts them into chunks
     * @param store embeds and keeps the chunks
     */
    public static Builder builder(DocumentLoader loader, TextSplitter splitter, VectorStore store) {
        return new Builder(loader, splitter, store);
    }

    /** {@return the record of what this pipeline has ingested (save it to skip unchanged documents next time)} */
    public IngestionRecord record() {
        return record;
    }

    /**
     * Runs the pipeline once with no callbacks.
     *
     * @return the final counts
     */
    public IngestionProgress run() {
        return run(RunConfig.defaults());
    }

    /**
     * Runs the pipeline once; embedding calls are traced under {@code config}.
     *
     * @param config callbacks and deadline for the embedding calls
     * @return the final counts
     * @throws IngestionException if a stage fails; documents stored before then stay recorded
     */
    public IngestionProgress run(RunConfig config) {
        Run run = new Run(config);
        ExecutorService workers = Executors.newFixedThreadPool(maxConcurrency, r -> {
            Thread t = new Thread(r, "catena-ingestion");
            t.setDaemon(true);
            return t;
        });
        try (Stream<Document> documents = loader.lazyLoad()) {
            List<Pending> batch = new ArrayList<>(batchSize);
            for (Document doc : (Iterable<Document>) documents::iterator) {
                run.failIfFailed();
                run.loaded.incrementAndGet();
                String hash = hash(doc);
                run.seen.add(hash);
                if (record.contains(hash)) {
                    run.skipped.incrementAndGet();
                    continue;
                }
                Object source = doc.metadata().get(DocumentLoader.SOURCE);
                if (source != null) {
                    run.touchedSources.add(source.toString());
                }
                List<Document> chunks = splitter.splitDocuments(List.of(doc));
                List<String> ids = new ArrayList<>(chunks.size());
                for (int i = 0; i < chunks.size(); i++) {
                    ids.add(hash.substring(0, 24) + "-" + i);
                }
                Tracker tracker = new Tracker(hash, source == null ? "" : source.toString(), ids);
                if (chunks.isEmpty()) {
                    record.put(hash, tracker.source, ids);
                }
                for (int i = 0; i < chunks.size(); i++) {
                    batch.add(new Pending(chunks.get(i).withId(ids.get(i)), tracker));
                    if (batch.size() == batchSize) {
                        submit(run, workers, batch);
                        batch = new ArrayList<>(batchSize);
                    }
                }
            }
            if (!batch.isEmpty()) {
                submit(run, workers, batch);
            }
            run.drain(); // wait for every batch in flight
            run.failIfFailed();
            List<String> stale = record.removeStale(run.touchedSources, run.seen);
            if (!stale.isEmpty()) {
                run.deleted.addAndGet(store.delete(stale));
            }
        } catch (IngestionException e) {
            throw e;
        } catch (RuntimeException e) {
            run.drain();
            throw new IngestionException("ingestion failed after " + run.loaded.get() + " documents: " + e.getMessage(), e);
        } finally {
            workers.shutdownNow();
        }
        IngestionProgress done = run.progress(true);
        listener.onProgress(done);
        return done;
    }

    private void submit(Run run, ExecutorService workers, List<Pending> batch) {
        run.slots.acquireUninterruptibly();
        if (run.failure.get() != null) { // a batch failed while we waited
            run.slots.release();
            run.failIfFailed();
        }
        workers.execute(() -> {
            try {
                List<Document> docs = batch.stream().map(Pending::chunk).toList();
                List<Embedding> vectors = store.embeddingModel().invoke(docs.stream().map(Document::text).toList(), run.config);
                store.addEmbeddings(docs, vectors);
                long tokens = 0;
                if (tokenCounter != null) {
                    for (Document d : docs) {
                        tokens += tokenCounter.count(d.text());
                    }
                }
                run.tokens.addAndGet(tokens);
                run.stored.addAndGet(docs.size());
                for (Pending p : batch) {
                    if (p.tracker.remaining.decrementAndGet() == 0) {
                        record.put(p.tracker.hash, p.tracker.source, p.tracker.ids);
                    }
                }
                listener.onProgress(run.progress(false));
            } catch (Throwable t) {
                run.failure.compareAndSet(null, t);
            } finally {
                run.slots.release();
            }
        });
    }

    /** SHA-256 of the text and the metadata in key order: equal for unchanged documents across runs. */
    static String hash(Document doc) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(doc.text().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(new TreeMap<>(doc.metadata()).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private record Pending(Document chunk, Tracker tracker) {
    }

    /** Counts down a document's chunks so it is recorded only once all of them are stored. */
    private static final class Tracker {
        final String hash;
        final String source;
        final List<String> ids;
        final AtomicInteger remaining;

        Tracker(String hash, String source, List<String> ids) {
            this.hash = hash;
            this.source = source;
            this.ids = ids;
            this.remaining = new AtomicInteger(ids.size());
        }
    }

    /** The mutable state of one run. */
    private final class Run {
        final RunConfig config;
        final long start = System.nanoTime();
        final Semaphore slots = new Semaphore(maxConcurrency);
        final AtomicLong loaded = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong stored = new AtomicLong();
        final AtomicLong deleted = new AtomicLong();
        final AtomicLong tokens = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Set<String> seen = new HashSet<>();
        final Set<String> touchedSources = new HashSet<>();

        Run(RunConfig config) {
            this.config = config;
        }

        private boolean drained;

        /** Waits until no batch is in flight (called from the loading thread only). */
        void drain() {
            if (!drained) {
                slots.acquireUninterruptibly(maxConcurrency);
                drained = true;
            }
        }

        void failIfFailed() {
            Throwable t = failure.get();
            if (t != null) {
                drain();
                throw new IngestionException("ingestion failed after " + loaded.get() + " documents and " + stored.get()
                        + " stored chunks: " + t.getMessage() + "; run again with the same IngestionRecord to resume", t);
            }
        }

        IngestionProgress progress(boolean finished) {
            return new IngestionProgress(loaded.get(), skipped.get(), expectedDocuments, stored.get(), deleted.get(),
                    tokens.get(), Duration.ofNanos(System.nanoTime() - start), finished);
        }
    }

    /** Settings for an {@link IngestionPipeline}. */
    public static final class Builder {
        private final DocumentLoader loader;
        private final TextSplitter splitter;
        private final VectorStore store;
        private int batchSize = VectorStore.DEFAULT_BATCH_SIZE;
        private int maxConcurrency = 2;
        private IngestionListener listener = p -> { };
        private IngestionRecord record = new IngestionRecord();
        private TokenCounter tokenCounter = TokenCounter.of("cl100k_base");
        private long expectedDocuments;

        private Builder(DocumentLoader loader, TextSplitter splitter, VectorStore store) {
            this.loader = Objects.requireNonNull(loader, "loader");
            this.splitter = Objects.requireNonNull(splitter, "splitter");
            this.store = Objects.requireNonNull(store, "vector store");
        }

        /**
         * Chunks per embedding call (default 64).
         *
         * @param value the number of chunks per call
         * @return this builder
         */
        public Builder batchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, was " + value);
            }
            this.batchSize = value;
            return this;
        }

        /**
         * Embedding calls in flight at once (default 2); the loader waits when all are busy.
         *
         * @param value the number of concurrent calls
         * @return this builder
         */
        public Builder maxConcurrency(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + value);
            }
            this.maxConcurrency = value;
            return this;
        }

        /**
         * Receives progress after every stored batch and at the end.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(IngestionListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * What was ingested before; documents recorded here with the same content are skipped.
         *
         * @param value the record to check against and add to
         * @return this builder
         */
        public Builder record(IngestionRecord value) {
            this.record = Objects.requireNonNull(value, "record");
            return this;
        }

        /**
         * Counts the tokens reported in progress (default cl100k_base); null to not count.
         *
         * @param value the counter, or null
         * @return this builder
         */
        public Builder tokenCounter(TokenCounter value) {
            this.tokenCounter = value;
            return this;
        }

        /**
         * How many documents the loader will give, for the progress fraction and ETA (0 = unknown).
         *
         * @param value the number of documents, or 0
         * @return this builder
         */
        public Builder expectedDocuments(long value) {
            this.expectedDocuments = value;
            return this;
        }

        /** {@return the pipeline with these settings} */
        public IngestionPipeline build() {
            return new IngestionPipeline(this);
        }
    }
}
