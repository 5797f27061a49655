package dev.catena.retrieval.retrievers;

import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import java.util.List;

/**
 * Shrinks retrieved documents to what matters for a query: drops irrelevant ones, or cuts each
 * down to its relevant passages. Used by {@link ContextualCompressionRetriever}.
 */
@FunctionalInterface
public interface DocumentCompressor {

    /**
     * {@return the documents that matter for {@code query}, possibly shortened; model calls go under {@code
     * config}}
     *
     * @param documents the retrieved documents
     * @param query the query
     * @param config the run's config
     */
    List<Document> compress(List<Document> documents, String query, RunConfig config);
}
