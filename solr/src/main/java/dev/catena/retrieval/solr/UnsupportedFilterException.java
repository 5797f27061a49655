package dev.catena.retrieval.solr;

/**
 * A metadata filter that Solr cannot express exactly. The search is refused rather than run
 * without the condition.
 */
public final class UnsupportedFilterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with the reason the filter cannot be translated.
     *
     * @param message why the filter cannot be translated
     */
    public UnsupportedFilterException(String message) {
        super(message);
    }
}
