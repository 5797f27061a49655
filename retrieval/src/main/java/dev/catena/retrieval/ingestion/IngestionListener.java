package dev.catena.retrieval.ingestion;

/** Receives an ingestion run's progress, on the thread that stored the latest batch. */
@FunctionalInterface
public interface IngestionListener {

    void onProgress(IngestionProgress progress);
}
