package dev.catena.retrieval.ingestion;

import java.time.Duration;
import java.util.Optional;

/**
 * How far an ingestion run has got; sent to the listener after every stored batch, and returned
 * at the end.
 *
 * @param documentsLoaded    documents read from the loader so far
 * @param documentsSkipped   of those, documents already ingested with the same content
 * @param documentsExpected  how many documents the run expects (0 if unknown)
 * @param chunksStored       chunks embedded and stored
 * @param chunksDeleted      chunks removed because their document changed
 * @param tokensEmbedded     tokens in the stored chunks
 * @param elapsed            time since the run started
 * @param finished           whether this is the final report
 */
public record IngestionProgress(long documentsLoaded, long documentsSkipped, long documentsExpected, long chunksStored,
                                long chunksDeleted, long tokensEmbedded, Duration elapsed, boolean finished) {

    /**
     * Chunks stored per second so far.
     *
     * @return the rate, 0 before any time has passed
     */
    public double chunksPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : chunksStored / seconds;
    }

    /**
     * Documents loaded per second so far.
     *
     * @return the rate, 0 before any time has passed
     */
    public double documentsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : documentsLoaded / seconds;
    }

    /** {@return the fraction of expected documents loaded, if the total is known} */
    public Optional<Double> fraction() {
        return documentsExpected <= 0 ? Optional.empty() : Optional.of(Math.min(1.0, (double) documentsLoaded / documentsExpected));
    }

    /** {@return the estimated time left, from the document rate so far, if the total is known} */
    public Optional<Duration> eta() {
        double rate = documentsPerSecond();
        if (documentsExpected <= 0 || rate == 0) {
            return Optional.empty();
        }
        long left = Math.max(0, documentsExpected - documentsLoaded);
        return Optional.of(Duration.ofMillis((long) (left / rate * 1000)));
    }
}
