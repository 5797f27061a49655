package dev.catena.retrieval.solr;

/**
 * An existing Solr collection was set up for other vectors (another dimension or similarity)
 * than the store's embedding model produces; writing into it would fail document by document,
 * and searching it would compare incomparable vectors.
 */
public final class CollectionMismatchException extends SolrStoreException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception naming the collection and both settings.
     *
     * @param message what differs, naming the collection and both settings
     */
    public CollectionMismatchException(String message) {
        super(message);
    }
}
