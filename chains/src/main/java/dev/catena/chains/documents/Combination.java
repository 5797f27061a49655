package dev.catena.chains.documents;

import dev.catena.core.documents.Document;
import dev.catena.core.models.PromptValue;
import java.util.List;

/**
 * What a {@link CombineDocuments} strategy made of the documents: either the final prompt still to
 * send (so the caller can call or stream the model's answer) or an answer already chosen (map-rerank),
 * plus the documents it used, those it dropped to fit the budget, and the intermediate answers.
 *
 * @param finalPrompt  the prompt of the last model call, or null when {@code answer} is set
 * @param answer       the answer already chosen, or null when the final call is still to make
 * @param sources      the documents the answer rests on, in rank order
 * @param dropped      documents left out to fit the token budget, in rank order
 * @param intermediate the answers of the intermediate calls, in order (map, collapse, refine, rerank)
 */
public record Combination(PromptValue finalPrompt, String answer, List<Document> sources, List<Document> dropped,
                          List<String> intermediate) {

    /**
     * Checks that exactly one of the final prompt and the answer is set, and copies the lists.
     *
     * @param finalPrompt  the prompt of the last model call, or null when {@code answer} is set
     * @param answer       the answer already chosen, or null when the final call is still to make
     * @param sources      the documents the answer rests on, in rank order
     * @param dropped      documents left out to fit the token budget, in rank order
     * @param intermediate the answers of the intermediate calls, in order (map, collapse, refine, rerank)
     * @throws IllegalArgumentException if both or neither of {@code finalPrompt} and {@code answer} are set
     */
    public Combination {
        if ((finalPrompt == null) == (answer == null)) {
            throw new IllegalArgumentException("a combination has either a final prompt or an answer");
        }
        sources = List.copyOf(sources);
        dropped = List.copyOf(dropped);
        intermediate = List.copyOf(intermediate);
    }

    /**
     * A combination whose answer comes from sending {@code finalPrompt}.
     *
     * @param finalPrompt the prompt of the last model call, still to send
     * @param sources the documents the answer rests on, in rank order
     * @param dropped documents left out to fit the token budget, in rank order
     * @param intermediate the answers of the intermediate calls, in order
     * @return the combination
     */
    public static Combination pending(PromptValue finalPrompt, List<Document> sources, List<Document> dropped,
                                      List<String> intermediate) {
        return new Combination(finalPrompt, null, sources, dropped, intermediate);
    }

    /**
     * A combination whose answer is already known.
     *
     * @param answer the answer already chosen
     * @param sources the documents the answer rests on, in rank order
     * @param intermediate the answers of the intermediate calls, in order
     * @return the combination, with no documents dropped
     */
    public static Combination answered(String answer, List<Document> sources, List<String> intermediate) {
        return new Combination(null, answer, sources, List.of(), intermediate);
    }
}
