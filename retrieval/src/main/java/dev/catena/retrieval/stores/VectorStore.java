package dev.catena.retrieval.stores;

import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.models.Embedding;
import dev.catena.core.models.EmbeddingModel;
import dev.catena.core.vector.Distance;
import dev.catena.core.vector.MaximalMarginalRelevance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Stores documents with their embeddings and finds the ones nearest to a query.
 *
 * <p>Documents added with {@link #addDocuments} are embedded by the store's
 * {@link #embeddingModel()} in batches; {@link #addEmbeddings} takes vectors you computed
 * yourself. Adding a document whose id is already stored replaces it. Scores follow
 * {@link Distance#score}: higher is more similar, and two stores with the same distance give the
 * same score for the same vectors. Filters are applied during the search.
 *
 * <pre>{@code
 * VectorStore store = InMemoryVectorStore.create(new HashingEmbeddingModel());
 * store.addDocuments(List.of(Document.of("cats purr"), Document.of("dogs bark")));
 * List<ScoredDocument> hits = store.similaritySearchWithScore("a purring cat", 1, null);
 * }</pre>
 */
public interface VectorStore {

    /** How many documents are added per call to the embedding model unless a store says otherwise. */
    int DEFAULT_BATCH_SIZE = 64;

    /** {@return the model that embeds added documents and text queries} */
    EmbeddingModel embeddingModel();

    /** {@return how vectors are compared} */
    Distance distance();

    /**
     * Stores documents with vectors computed elsewhere, in the same order. Documents without an
     * id get a random UUID.
     *
     * @param documents the documents
     * @param embeddings their vectors, in the same order
     * @return the ids, in input order
     * @throws IllegalArgumentException if the counts differ or a vector has the wrong dimension
     */
    List<String> addEmbeddings(List<Document> documents, List<Embedding> embeddings);

    /**
     * Removes documents by id; unknown ids are ignored. Returns how many were removed.
     *
     * @param ids the ids to remove
     * @return the number removed
     */
    int delete(Collection<String> ids);

    /** {@return how many documents are stored} */
    int size();

    /**
     * {@return the {@code k} stored documents most similar to {@code vector} that pass {@code filter}
     * (null for none), most similar first}
     *
     * @param vector the query's vector
     * @param k how many documents
     * @param filter the filter, or null
     */
    List<ScoredDocument> searchByVector(float[] vector, int k, Filter filter);

    /**
     * Embeds documents with {@link #embeddingModel()}, {@value #DEFAULT_BATCH_SIZE} per call, then
     * stores them all at once (nothing is stored if an embedding call fails).
     *
     * @param documents the documents
     * @return the ids, in input order
     */
    default List<String> addDocuments(List<Document> documents) {
        return addDocuments(documents, RunConfig.defaults());
    }

    /**
     * As {@link #addDocuments(List)}, with the embedding calls traced under {@code config}.
     *
     * @param documents the documents
     * @param config callbacks and deadline for the embedding calls
     * @return the ids, in input order
     */
    default List<String> addDocuments(List<Document> documents, RunConfig config) {
        List<Embedding> vectors = new ArrayList<>(documents.size());
        for (int from = 0; from < documents.size(); from += DEFAULT_BATCH_SIZE) {
            List<Document> batch = documents.subList(from, Math.min(documents.size(), from + DEFAULT_BATCH_SIZE));
            vectors.addAll(embeddingModel().invoke(batch.stream().map(Document::text).toList(), config));
        }
        // One store write for the whole list: a persistent store commits once, not once per batch.
        return addEmbeddings(documents, vectors);
    }

    /**
     * {@return the query's vector from {@link #embeddingModel()}; the model call is a run under {@code
     * config}}
     *
     * @param query the query text
     * @param config the run's config
     */
    default float[] embedQuery(String query, RunConfig config) {
        return embeddingModel().invoke(List.of(query), config).get(0).vector();
    }

    /**
     * {@return the {@code k} documents most similar to the query text}
     *
     * @param query the query text
     * @param k how many documents
     */
    default List<Document> similaritySearch(String query, int k) {
        return similaritySearch(query, k, null);
    }

    /**
     * {@return the {@code k} documents most similar to the query text among those passing {@code filter}}
     *
     * @param query the query text
     * @param k how many documents
     * @param filter the filter, or null
     */
    default List<Document> similaritySearch(String query, int k, Filter filter) {
        return similaritySearchWithScore(query, k, filter).stream().map(ScoredDocument::document).toList();
    }

    /**
     * {@return the {@code k} most similar documents with their scores (higher is more similar)}
     *
     * @param query the query text
     * @param k how many documents
     * @param filter the filter, or null
     */
    default List<ScoredDocument> similaritySearchWithScore(String query, int k, Filter filter) {
        return searchByVector(embedQuery(query, RunConfig.defaults()), k, filter);
    }

    /**
     * Documents relevant to the query yet unlike each other: the {@code fetchK} most similar are
     * fetched, then {@code k} of them picked by {@link MaximalMarginalRelevance} ({@code lambda}
     * 1 = relevance only, 0 = diversity only; LangChain's default is 0.5).
     *
     * @param query the query text
     * @param k how many documents to return
     * @param fetchK how many similar documents to pick from
     * @param lambda 1 for relevance only, 0 for diversity only
     * @param filter the filter, or null
     * @return the picked documents, in the order picked
     */
    default List<Document> maxMarginalRelevanceSearch(String query, int k, int fetchK, double lambda, Filter filter) {
        return maxMarginalRelevanceSearchByVector(embedQuery(query, RunConfig.defaults()), k, fetchK, lambda, filter);
    }

    /**
     * As {@link #maxMarginalRelevanceSearch} for a query vector.
     *
     * @param vector the query's vector
     * @param k how many documents to return
     * @param fetchK how many similar documents to pick from
     * @param lambda 1 for relevance only, 0 for diversity only
     * @param filter the filter, or null
     * @return the picked documents, in the order picked
     */
    default List<Document> maxMarginalRelevanceSearchByVector(float[] vector, int k, int fetchK, double lambda, Filter filter) {
        if (fetchK < k) {
            throw new IllegalArgumentException("fetchK (" + fetchK + ") must be at least k (" + k + ")");
        }
        List<ScoredDocument> candidates = searchByVector(vector, fetchK, filter);
        List<float[]> vectors = candidates.stream().map(c -> c.embedding().vector()).toList();
        return MaximalMarginalRelevance.select(vector, vectors, k, lambda).stream()
                .map(i -> candidates.get(i).document())
                .toList();
    }
}
