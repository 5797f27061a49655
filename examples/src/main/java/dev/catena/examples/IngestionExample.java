package dev.catena.examples;

import dev.catena.models.HashingEmbeddingModel;
import dev.catena.retrieval.ingestion.ConsoleProgressBar;
import dev.catena.retrieval.ingestion.IngestionPipeline;
import dev.catena.retrieval.ingestion.IngestionProgress;
import dev.catena.retrieval.ingestion.IngestionRecord;
import dev.catena.retrieval.loaders.DirectoryLoader;
import dev.catena.retrieval.loaders.DocumentLoader;
import dev.catena.retrieval.splitters.RecursiveCharacterTextSplitter;
import dev.catena.retrieval.stores.InMemoryVectorStore;
import dev.catena.retrieval.stores.ScoredDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Ingestion, offline: writes 60 generated articles on five topics, then runs loader → splitter →
 * {@link HashingEmbeddingModel} → {@link InMemoryVectorStore} with a console progress bar. The
 * second run finds every document unchanged and embeds nothing; after one article is edited, the
 * third run re-embeds only that one and deletes its old chunks. Then it searches the store.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.IngestionExample
 * }</pre>
 * Add {@code -Dexec.args=<folder>} to write the articles there; by default a temporary folder is used.
 */
public final class IngestionExample {

    static final int ARTICLES = 60;

    /** Five topics with distinct vocabulary, so a search can be checked by the file name it returns. */
    private static final List<String> TOPICS = List.of("vector-search", "keyword-search", "gardening", "baking", "cycling");
    private static final List<List<String>> SENTENCES = List.of(
            List.of("An HNSW graph links each vector to its nearest neighbours.",
                    "Approximate nearest neighbour search walks the graph greedily towards the query vector.",
                    "Recall measures how many of the true nearest neighbours the graph search finds.",
                    "Cosine similarity compares the angle between two embedding vectors.",
                    "A flat index compares the query vector with every stored vector."),
            List.of("BM25 ranks documents by how often the query terms appear in them.",
                    "Rare terms get a higher inverse document frequency than common ones.",
                    "Long documents are normalised so they do not win by length alone.",
                    "A tokenizer cuts the text into the terms that the keyword index counts.",
                    "Keyword search finds exact error codes that embeddings tend to blur."),
            List.of("Tomatoes need six hours of sun and deep watering twice a week.",
                    "Mulch keeps the soil moist and the weeds down in summer.",
                    "Sow basil after the last frost, in warm and well drained soil.",
                    "Compost feeds the soil with slow nutrients for the next season.",
                    "Prune the roses in early spring, just above an outward bud."),
            List.of("Knead the bread dough until it is smooth and springs back.",
                    "A sourdough starter needs flour and water every day to stay lively.",
                    "Let the dough rise until it has doubled in size.",
                    "Bake the loaf in a hot oven with steam for a crisp crust.",
                    "Cool the bread on a rack before cutting it."),
            List.of("Check the tyre pressure before every long ride.",
                    "A clean and oiled chain makes shifting gears smooth.",
                    "Climbing a hill is easier in a low gear with a steady cadence.",
                    "Brake pads wear faster on wet and muddy roads.",
                    "A helmet and lights make riding at night much safer."));

    private IngestionExample() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = args.length > 0 ? Files.createDirectories(Path.of(args[0])) : Files.createTempDirectory("catena-articles");
        writeArticles(folder);

        InMemoryVectorStore store = InMemoryVectorStore.create(new HashingEmbeddingModel());
        IngestionRecord record = new IngestionRecord(); // save it next to the store to skip unchanged files across restarts
        IngestionPipeline pipeline = IngestionPipeline.builder(
                        DirectoryLoader.builder(folder).include("*.txt").build(),
                        RecursiveCharacterTextSplitter.builder().chunkSize(400).chunkOverlap(0).build(),
                        store)
                .record(record)
                .batchSize(16)
                .expectedDocuments(ARTICLES)
                .listener(new ConsoleProgressBar())
                .build();

        System.out.println("First run:");
        report(pipeline.run(), store);

        System.out.println("Second run, nothing changed:");
        report(pipeline.run(), store);

        Path edited = folder.resolve(fileName(0));
        Files.writeString(edited, Files.readString(edited) + "\n\nHNSW stands for hierarchical navigable small world.\n");
        System.out.println("Third run, " + edited.getFileName() + " edited:");
        report(pipeline.run(), store);

        String query = "how does a graph find the nearest neighbours of a vector?";
        System.out.println("Search: " + query);
        for (ScoredDocument hit : store.similaritySearchWithScore(query, 3, null)) {
            Path source = Path.of(hit.document().metadata().get(DocumentLoader.SOURCE).toString());
            String text = hit.document().text();
            System.out.printf(Locale.ROOT, "  %.3f  %-22s %s%n", hit.score(), source.getFileName(),
                    text.length() <= 60 ? text : text.substring(0, 60) + "…");
        }
    }

    private static void report(IngestionProgress p, InMemoryVectorStore store) {
        System.out.printf(Locale.ROOT, "  %d documents, %d skipped, %d chunks stored, %d deleted; store holds %d chunks%n",
                p.documentsLoaded(), p.documentsSkipped(), p.chunksStored(), p.chunksDeleted(), store.size());
    }

    static String fileName(int article) {
        return String.format(Locale.ROOT, "%s-%02d.txt", TOPICS.get(article % TOPICS.size()), article);
    }

    /** Writes the articles: each is three paragraphs of four sentences drawn from its topic (seeded, so runs repeat). */
    static void writeArticles(Path folder) throws IOException {
        Random random = new Random(42);
        for (int article = 0; article < ARTICLES; article++) {
            List<String> sentences = SENTENCES.get(article % TOPICS.size());
            StringBuilder text = new StringBuilder();
            for (int paragraph = 0; paragraph < 3; paragraph++) {
                if (paragraph > 0) {
                    text.append("\n\n");
                }
                for (int s = 0; s < 4; s++) {
                    text.append(s > 0 ? " " : "").append(sentences.get(random.nextInt(sentences.size())));
                }
            }
            Files.writeString(folder.resolve(fileName(article)), text.append('\n').toString());
        }
    }
}
