package dev.catena.retrieval.solr;

import dev.catena.core.CatenaException;

/** A Solr call of {@link SolrVectorStore} failed (after the retries its policy allows). */
public class SolrStoreException extends CatenaException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception saying what failed, with Solr's error as the cause.
     *
     * @param message what failed
     * @param cause Solr's error
     */
    public SolrStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * An exception saying what is wrong.
     *
     * @param message what is wrong
     */
    public SolrStoreException(String message) {
        super(message);
    }
}
