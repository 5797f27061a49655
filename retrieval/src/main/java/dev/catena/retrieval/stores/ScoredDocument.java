package dev.catena.retrieval.stores;

import dev.catena.core.documents.Document;
import dev.catena.core.models.Embedding;
import java.util.Objects;

/**
 * A search hit: the document, its similarity to the query and its stored vector.
 *
 * @param document  the stored document, with its id
 * @param score     the {@link dev.catena.core.vector.Distance#score} of query and document:
 *                  higher is more similar, the same number in every store for the same vectors
 * @param embedding the document's stored vector (used by maximal marginal relevance)
 */
public record ScoredDocument(Document document, double score, Embedding embedding) {

    /**
     * Requires the document and its vector.
     *
     * @param document the stored document, with its id
     * @param score the {@link dev.catena.core.vector.Distance#score} of query and document: higher is more
     *     similar, the same number in every store for the same vectors
     * @param embedding the document's stored vector (used by maximal marginal relevance)
     */
    public ScoredDocument {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(embedding, "embedding");
    }
}
