package dev.catena.retrieval.retrievers;

import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.models.Embedding;
import dev.catena.core.models.EmbeddingModel;
import dev.catena.core.vector.Distance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A compressor that keeps the documents most similar to the query by cosine similarity of their
 * embeddings (LangChain's {@code EmbeddingsFilter}): the top {@code k}, then only those scoring
 * above the threshold, most similar first. Cheap: one embedding call, no chat model.
 */
public final class EmbeddingsFilter implements DocumentCompressor {

    private final EmbeddingModel model;
    private final int k;
    private final double threshold;

    private EmbeddingsFilter(EmbeddingModel model, int k, double threshold) {
        this.model = Objects.requireNonNull(model, "embedding model");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        this.k = k;
        this.threshold = threshold;
    }

    /**
     * Keeps documents whose cosine similarity to the query is above {@code threshold}, most similar first.
     *
     * @param model embeds the query and the documents
     * @param threshold the least similarity kept
     * @return the filter
     */
    public static EmbeddingsFilter withThreshold(EmbeddingModel model, double threshold) {
        return new EmbeddingsFilter(model, Integer.MAX_VALUE, threshold);
    }

    /**
     * Keeps the {@code k} documents most similar to the query.
     *
     * @param model embeds the query and the documents
     * @param k how many documents to keep
     * @return the filter
     */
    public static EmbeddingsFilter topK(EmbeddingModel model, int k) {
        return new EmbeddingsFilter(model, k, Double.NEGATIVE_INFINITY);
    }

    /**
     * Keeps at most {@code k} documents, and only those above {@code threshold}.
     *
     * @param model embeds the query and the documents
     * @param k how many documents to keep at most
     * @param threshold the least similarity kept
     * @return the filter
     */
    public static EmbeddingsFilter of(EmbeddingModel model, int k, double threshold) {
        return new EmbeddingsFilter(model, k, threshold);
    }

    @Override
    public List<Document> compress(List<Document> documents, String query, RunConfig config) {
        List<String> texts = new ArrayList<>(documents.size() + 1);
        documents.forEach(d -> texts.add(d.text()));
        texts.add(query);
        // One call for documents and query together: one round trip to a remote model.
        List<Embedding> vectors = model.invoke(texts, config);
        float[] q = vectors.get(documents.size()).vector();
        record Scored(Document document, double similarity) {
        }
        List<Scored> scored = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            scored.add(new Scored(documents.get(i), Distance.cosine(q, vectors.get(i).vector())));
        }
        return scored.stream()
                .sorted(Comparator.comparingDouble(Scored::similarity).reversed())
                .limit(k)
                .filter(s -> s.similarity() > threshold)
                .map(Scored::document)
                .toList();
    }
}
