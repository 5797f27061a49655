package dev.catena.retrieval.retrievers;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.documents.Retriever;
import java.util.List;
import java.util.Objects;

/**
 * Retrieves with a base retriever, then passes the documents through a
 * {@link DocumentCompressor} (LangChain's {@code ContextualCompressionRetriever}), so fewer and
 * shorter documents reach the model's context.
 *
 * <pre>{@code
 * Retriever retriever = new ContextualCompressionRetriever(
 *         VectorStoreRetriever.similarity(store, 20), EmbeddingsFilter.withThreshold(model, 0.3));
 * }</pre>
 */
public final class ContextualCompressionRetriever implements Retriever {

    private final Component<String, List<Document>> base;
    private final DocumentCompressor compressor;

    /**
     * A retriever that compresses what {@code base} finds.
     *
     * @param base finds the candidate documents
     * @param compressor keeps and shortens the ones that matter for the query
     */
    public ContextualCompressionRetriever(Component<String, List<Document>> base, DocumentCompressor compressor) {
        this.base = Objects.requireNonNull(base, "base retriever");
        this.compressor = Objects.requireNonNull(compressor, "compressor");
    }

    @Override
    public List<Document> call(String query, RunConfig config) {
        List<Document> documents = base.invoke(query, config);
        return documents.isEmpty() ? documents : compressor.compress(documents, query, config);
    }

    @Override
    public String name() {
        return "ContextualCompressionRetriever";
    }
}
