package dev.catena.chains.documents;

import dev.catena.core.documents.Document;
import java.util.List;

/**
 * A summarisation result: the summary, the documents it covers, and any left out to fit the token
 * budget (stuff only; split long texts and use map-reduce or refine to cover everything).
 *
 * @param text         the summary
 * @param summarized   the documents the summary covers, in order
 * @param dropped      documents left out to fit the budget, in order
 * @param intermediate the partial summaries of the map, collapse or refine steps, in order
 */
public record Summary(String text, List<Document> summarized, List<Document> dropped, List<String> intermediate) {

    /**
     * Copies the lists, so the summary cannot change after it is made.
     *
     * @param text         the summary
     * @param summarized   the documents the summary covers, in order
     * @param dropped      documents left out to fit the budget, in order
     * @param intermediate the partial summaries of the map, collapse or refine steps, in order
     */
    public Summary {
        summarized = List.copyOf(summarized);
        dropped = List.copyOf(dropped);
        intermediate = List.copyOf(intermediate);
    }
}
