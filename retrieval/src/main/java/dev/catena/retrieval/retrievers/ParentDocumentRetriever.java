package dev.catena.retrieval.retrievers;

import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.documents.Retriever;
import dev.catena.retrieval.splitters.TextSplitter;
import dev.catena.retrieval.stores.ScoredDocument;
import dev.catena.retrieval.stores.VectorStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Searches small chunks but returns the documents they came from (LangChain's
 * {@code ParentDocumentRetriever}): small chunks embed precisely, whole parents give the model
 * context. {@link #addDocuments} splits each parent with the child {@link TextSplitter} (which
 * copies the parent's metadata onto every chunk), tags every chunk with the parent's id under metadata {@value #ID_KEY}, embeds the chunks into the vector store
 * and keeps the parents in memory; a query finds the {@code k} nearest chunks and returns their
 * distinct parents in order of first hit.
 *
 * <pre>{@code
 * TextSplitter childSplitter = RecursiveCharacterTextSplitter.builder().chunkSize(400).build();
 * ParentDocumentRetriever retriever = ParentDocumentRetriever.of(store, childSplitter);
 * retriever.addDocuments(bigDocuments);
 * retriever.retrieve("what does the warranty cover?");
 * }</pre>
 */
public final class ParentDocumentRetriever implements Retriever {

    /** The metadata key linking a chunk to its parent's id (LangChain's default {@code id_key}). */
    public static final String ID_KEY = "doc_id";

    private final VectorStore store;
    private final TextSplitter childSplitter;
    private final int k;
    private final Map<String, Document> parents = new ConcurrentHashMap<>();

    private ParentDocumentRetriever(VectorStore store, TextSplitter childSplitter, int k) {
        this.store = Objects.requireNonNull(store, "vector store");
        this.childSplitter = Objects.requireNonNull(childSplitter, "child splitter");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        this.k = k;
    }

    /**
     * Searches the 4 nearest chunks (LangChain's default).
     *
     * @param store holds the chunks
     * @param childSplitter cuts parents into the chunks that are searched
     * @return the retriever
     */
    public static ParentDocumentRetriever of(VectorStore store, TextSplitter childSplitter) {
        return new ParentDocumentRetriever(store, childSplitter, 4);
    }

    /**
     * Searches the {@code k} nearest chunks.
     *
     * @param store holds the chunks
     * @param childSplitter cuts parents into the chunks that are searched
     * @param k how many chunks to search for
     * @return the retriever
     */
    public static ParentDocumentRetriever of(VectorStore store, TextSplitter childSplitter, int k) {
        return new ParentDocumentRetriever(store, childSplitter, k);
    }

    /**
     * Splits and stores parents. Parents without an id get a random UUID.
     *
     * @param documents the parent documents
     * @return the parents' ids, in input order
     */
    public List<String> addDocuments(List<Document> documents) {
        List<String> ids = new ArrayList<>(documents.size());
        List<Document> chunks = new ArrayList<>();
        for (Document parent : documents) {
            String id = parent.id() != null ? parent.id() : UUID.randomUUID().toString();
            for (Document chunk : childSplitter.splitDocuments(List.of(parent))) {
                chunks.add(chunk.withId(null).withMetadata(ID_KEY, id));
            }
            parents.put(id, parent.withId(id));
            ids.add(id);
        }
        store.addDocuments(chunks);
        return ids;
    }

    /**
     * {@return the stored parent with this id}
     *
     * @param id the parent's id
     */
    public Optional<Document> parent(String id) {
        return Optional.ofNullable(parents.get(id));
    }

    @Override
    public List<Document> call(String query, RunConfig config) {
        float[] vector = store.embedQuery(query, config);
        Set<String> ids = new LinkedHashSet<>();
        for (ScoredDocument hit : store.searchByVector(vector, k, null)) {
            Object id = hit.document().metadata().get(ID_KEY);
            if (id != null) {
                ids.add(id.toString());
            }
        }
        return ids.stream().map(parents::get).filter(Objects::nonNull).toList();
    }

    @Override
    public String name() {
        return "ParentDocumentRetriever";
    }
}
