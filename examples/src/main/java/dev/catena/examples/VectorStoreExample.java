package dev.catena.examples;

import dev.catena.core.documents.Document;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.retrieval.stores.Filter;
import dev.catena.retrieval.stores.InMemoryVectorStore;
import dev.catena.retrieval.stores.ScoredDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Vector store basics, offline: embed a few documents, search with scores (k = 2), save the store
 * to a folder, load it back and search again, then search with a metadata filter.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.VectorStoreExample
 * }</pre>
 * Add {@code -Dexec.args=<folder>} to keep the saved store there; by default a temporary folder is used.
 */
public final class VectorStoreExample {

    private VectorStoreExample() {
    }

    public static void main(String[] args) throws IOException {
        // The offline hashing model: real vectors from character n-grams, no key, no network.
        HashingEmbeddingModel model = new HashingEmbeddingModel();
        InMemoryVectorStore store = InMemoryVectorStore.create(model);
        store.addDocuments(List.of(
                new Document("1", "The cat sat on the mat and purred.", Map.of("topic", "pets")),
                new Document("2", "A kitten purred on the warm mat.", Map.of("topic", "pets")),
                new Document("3", "The central bank raised interest rates again.", Map.of("topic", "economy")),
                new Document("4", "天道酬勤：勤奋的人终会得到回报。", Map.of("topic", "proverbs"))));

        String query = "a cat purring on a mat";
        System.out.println("Search: " + query);
        print(store.similaritySearchWithScore(query, 2, null));

        Path folder = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("catena-vectors");
        store.save(folder);
        System.out.println("Saved " + store.size() + " documents to " + folder.getFileName() + "/");

        InMemoryVectorStore loaded = InMemoryVectorStore.load(folder, model);
        System.out.println("Loaded " + loaded.size() + " documents; same search:");
        print(loaded.similaritySearchWithScore(query, 2, null));

        System.out.println("Only topic = economy:");
        print(loaded.similaritySearchWithScore(query, 2, Filter.eq("topic", "economy")));
    }

    private static void print(List<ScoredDocument> hits) {
        for (ScoredDocument hit : hits) {
            System.out.printf(Locale.ROOT, "  %.3f  [%s] %s%n", hit.score(), hit.document().id(), hit.document().text());
        }
    }
}
