package dev.catena.retrieval.ingestion;

import dev.catena.core.CatenaException;

/**
 * An ingestion run stopped because loading, splitting, embedding or storing failed. Documents
 * fully stored before the failure stay in the store and the {@link IngestionRecord}, so running
 * again with the same record resumes where it stopped.
 */
public class IngestionException extends CatenaException {

    /**
     * A stage of the run failed.
     *
     * @param message which stage failed, and for which document
     * @param cause the stage's error
     */
    public IngestionException(String message, Throwable cause) {
        super(message, cause);
    }
}
