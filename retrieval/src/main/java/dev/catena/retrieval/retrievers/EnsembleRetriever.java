package dev.catena.retrieval.retrievers;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.documents.Retriever;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Combines several retrievers (typically keyword BM25 and a vector store) with weighted
 * reciprocal rank fusion, as LangChain's {@code EnsembleRetriever}: a document at rank {@code r}
 * (from 1) in retriever {@code i}'s list earns {@code weight_i / (r + c)} with {@code c = 60};
 * its earnings are summed over the lists and all documents are returned by total, highest first
 * (ties keep the order of first appearance). Documents are the same if their text is (or, with
 * {@link #withIdKey}, a metadata value). Weights default to equal.
 *
 * <pre>{@code
 * Retriever hybrid = EnsembleRetriever.of(List.of(bm25, vectors), List.of(0.5, 0.5));
 * }</pre>
 */
public final class EnsembleRetriever implements Retriever {

    /** LangChain's rank constant: it damps the advantage of the very top ranks. */
    public static final int DEFAULT_C = 60;

    private final List<Component<String, List<Document>>> retrievers;
    private final List<Double> weights;
    private final int c;
    private final String idKey;

    private EnsembleRetriever(List<Component<String, List<Document>>> retrievers, List<Double> weights, int c, String idKey) {
        if (retrievers.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one retriever");
        }
        if (weights.size() != retrievers.size()) {
            throw new IllegalArgumentException(retrievers.size() + " retrievers but " + weights.size()
                    + " weights; give one weight per retriever");
        }
        this.retrievers = List.copyOf(retrievers);
        this.weights = List.copyOf(weights);
        this.c = c;
        this.idKey = idKey;
    }

    /**
     * Equal weights.
     *
     * @param retrievers the retrievers to fuse
     * @return the ensemble
     */
    public static EnsembleRetriever of(List<? extends Component<String, List<Document>>> retrievers) {
        List<Double> equal = new ArrayList<>();
        retrievers.forEach(r -> equal.add(1.0 / retrievers.size()));
        return of(retrievers, equal);
    }

    /**
     * {@return an ensemble with one weight per retriever, in order}
     *
     * @param retrievers the retrievers to fuse
     * @param weights the weights, in the retrievers' order
     */
    public static EnsembleRetriever of(List<? extends Component<String, List<Document>>> retrievers, List<Double> weights) {
        return new EnsembleRetriever(new ArrayList<>(retrievers), weights, DEFAULT_C, null);
    }

    /**
     * {@return this ensemble with another rank constant {@code c}}
     *
     * @param value the constant added to each rank (LangChain's default is 60)
     */
    public EnsembleRetriever withC(int value) {
        return new EnsembleRetriever(retrievers, weights, value, idKey);
    }

    /**
     * {@return this ensemble treating documents with the same value of metadata {@code key} as the same document;
     * every retrieved document must have that metadata (as in LangChain), else retrieval fails}
     *
     * @param key the metadata key
     */
    public EnsembleRetriever withIdKey(String key) {
        return new EnsembleRetriever(retrievers, weights, c, Objects.requireNonNull(key, "id key"));
    }

    @Override
    public List<Document> call(String query, RunConfig config) {
        List<List<Document>> lists = new ArrayList<>(retrievers.size());
        for (Component<String, List<Document>> retriever : retrievers) {
            lists.add(retriever.invoke(query, config));
        }
        return fuse(lists);
    }

    /** Fuses ranked lists (one per retriever, in order) into one. */
    List<Document> fuse(List<List<Document>> lists) {
        Map<Object, Double> scores = new LinkedHashMap<>();
        Map<Object, Document> firstSeen = new LinkedHashMap<>();
        for (int i = 0; i < lists.size(); i++) {
            List<Document> list = lists.get(i);
            for (int rank = 1; rank <= list.size(); rank++) {
                Document doc = list.get(rank - 1);
                Object key = idKey == null ? doc.text() : doc.metadata().get(idKey);
                if (key == null) {
                    // Every document lacking the key would otherwise fuse into one and the rest vanish.
                    throw new IllegalArgumentException("document " + rank + " of retriever " + (i + 1)
                            + " has no metadata '" + idKey + "' to identify it (id " + doc.id()
                            + "); give every retrieved document that metadata or drop withIdKey");
                }
                firstSeen.putIfAbsent(key, doc);
                scores.merge(key, weights.get(i) / (rank + c), Double::sum);
            }
        }
        List<Object> keys = new ArrayList<>(firstSeen.keySet());
        keys.sort((a, b) -> Double.compare(scores.get(b), scores.get(a))); // stable
        return keys.stream().map(firstSeen::get).toList();
    }

    @Override
    public String name() {
        return "EnsembleRetriever";
    }
}
