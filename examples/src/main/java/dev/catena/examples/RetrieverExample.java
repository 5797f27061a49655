package dev.catena.examples;

import dev.catena.core.documents.Document;
import dev.catena.core.documents.Retriever;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.retrieval.retrievers.BM25Retriever;
import dev.catena.retrieval.retrievers.EnsembleRetriever;
import dev.catena.retrieval.retrievers.VectorStoreRetriever;
import dev.catena.retrieval.stores.InMemoryVectorStore;
import java.util.List;

/**
 * Hybrid retrieval, offline: keyword search (BM25) and vector search over the same documents,
 * fused by weighted reciprocal rank (the ensemble retriever). Keyword search finds exact terms
 * such as an error code; vector search finds related wording; the ensemble ranks first what both
 * agree on.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.RetrieverExample
 * }</pre>
 */
public final class RetrieverExample {

    private RetrieverExample() {
    }

    public static void main(String[] args) {
        List<Document> docs = List.of(
                Document.of("Error E1042 means the disk quota is exceeded; delete old files."),
                Document.of("When the disk is full, uploads fail until space is freed."),
                Document.of("Reset your password from the account settings page."),
                Document.of("Quota limits are shown on the billing page."),
                Document.of("The mobile app supports offline mode."));

        Retriever bm25 = BM25Retriever.builder(docs).k(2).build();
        InMemoryVectorStore store = InMemoryVectorStore.create(new HashingEmbeddingModel());
        store.addDocuments(docs);
        Retriever vectors = VectorStoreRetriever.similarity(store, 2);
        Retriever hybrid = EnsembleRetriever.of(List.of(bm25, vectors), List.of(0.4, 0.6));

        String query = "uploads fail with error E1042";
        print("BM25", bm25.retrieve(query));
        print("Vector", vectors.retrieve(query));
        print("Ensemble (RRF, weights 0.4 BM25 / 0.6 vector)", hybrid.retrieve(query));
    }

    private static void print(String title, List<Document> docs) {
        System.out.println(title + ":");
        for (int i = 0; i < docs.size(); i++) {
            System.out.println("  " + (i + 1) + ". " + docs.get(i).text());
        }
    }
}
