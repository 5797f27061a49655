package dev.catena.retrieval.retrievers;

import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.documents.Retriever;
import dev.catena.retrieval.stores.Filter;
import dev.catena.retrieval.stores.ScoredDocument;
import dev.catena.retrieval.stores.VectorStore;
import java.util.List;
import java.util.Objects;

/**
 * A retriever over a {@link VectorStore}: plain similarity, maximal marginal relevance, or
 * similarity above a score threshold, optionally restricted by a metadata {@link Filter}. The
 * query is embedded with the store's model through {@code invoke}, so the embedding call shows
 * in traces as a child of the retrieval.
 *
 * <pre>{@code
 * Retriever retriever = VectorStoreRetriever.similarity(store, 4).withFilter(Filter.eq("lang", "en"));
 * List<Document> docs = retriever.retrieve("how do I reset my password?");
 * }</pre>
 */
public final class VectorStoreRetriever implements Retriever {

    private enum Mode { SIMILARITY, MMR, SCORE_THRESHOLD }

    private final VectorStore store;
    private final Mode mode;
    private final int k;
    private final int fetchK;
    private final double lambda;
    private final double threshold;
    private final Filter filter;

    private VectorStoreRetriever(VectorStore store, Mode mode, int k, int fetchK, double lambda, double threshold, Filter filter) {
        this.store = Objects.requireNonNull(store, "vector store");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        this.mode = mode;
        this.k = k;
        this.fetchK = fetchK;
        this.lambda = lambda;
        this.threshold = threshold;
        this.filter = filter;
    }

    /**
     * {@return a retriever of the {@code k} most similar documents (LangChain's default k is 4)}
     *
     * @param store the store to search
     * @param k how many documents
     */
    public static VectorStoreRetriever similarity(VectorStore store, int k) {
        return new VectorStoreRetriever(store, Mode.SIMILARITY, k, k, 1, 0, null);
    }

    /**
     * {@return a retriever of {@code k} documents picked by maximal marginal relevance from the {@code fetchK} most
     * similar (LangChain's defaults: k 4, fetchK 20, lambda 0.5)}
     *
     * @param store the store to search
     * @param k how many documents
     * @param fetchK how many similar documents to pick from
     * @param lambda 1 for relevance only, 0 for diversity only
     */
    public static VectorStoreRetriever mmr(VectorStore store, int k, int fetchK, double lambda) {
        if (fetchK < k) {
            throw new IllegalArgumentException("fetchK (" + fetchK + ") must be at least k (" + k + ")");
        }
        if (lambda < 0 || lambda > 1) {
            throw new IllegalArgumentException("lambda must be between 0 and 1, was " + lambda);
        }
        return new VectorStoreRetriever(store, Mode.MMR, k, fetchK, lambda, 0, null);
    }

    /**
     * {@return a retriever of up to {@code k} documents whose score is at least {@code threshold}, on the store's
     * {@link dev.catena.core.vector.Distance} scale (cosine: -1 to 1; euclidean: 0 to 1)}
     *
     * @param store the store to search
     * @param k how many documents at most
     * @param threshold the least score kept
     */
    public static VectorStoreRetriever scoreThreshold(VectorStore store, int k, double threshold) {
        return new VectorStoreRetriever(store, Mode.SCORE_THRESHOLD, k, k, 1, threshold, null);
    }

    /**
     * {@return this retriever searching only documents that pass {@code value}}
     *
     * @param value the filter
     */
    public VectorStoreRetriever withFilter(Filter value) {
        return new VectorStoreRetriever(store, mode, k, fetchK, lambda, threshold, value);
    }

    @Override
    public List<Document> call(String query, RunConfig config) {
        float[] vector = store.embedQuery(query, config);
        return switch (mode) {
            case SIMILARITY -> store.searchByVector(vector, k, filter).stream().map(ScoredDocument::document).toList();
            case MMR -> store.maxMarginalRelevanceSearchByVector(vector, k, fetchK, lambda, filter);
            case SCORE_THRESHOLD -> store.searchByVector(vector, k, filter).stream()
                    .filter(hit -> hit.score() >= threshold)
                    .map(ScoredDocument::document)
                    .toList();
        };
    }

    @Override
    public String name() {
        return "VectorStoreRetriever";
    }
}
