package dev.catena.retrieval.ingestion;

/** Receives an ingestion run's progress, on the thread that stored the latest batch. */
@FunctionalInterface
public interface IngestionListener {

    /**
     * Called after every stored batch and once at the end of the run.
     *
     * @param progress the counts so far
     */
    void onProgress(IngestionProgress progress);
}
