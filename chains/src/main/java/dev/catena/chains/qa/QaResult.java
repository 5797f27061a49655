package dev.catena.chains.qa;

import dev.catena.core.documents.Document;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A question-answering chain's result: the question asked, the standalone question the condense step
 * wrote (null when there was none), the answer, the documents it rests on (in rank order, with their
 * metadata) and the documents left out to fit the token budget.
 *
 * @param question           the question as the user asked it
 * @param rewrittenQuestion  the condense step's standalone question, or null when it did not run
 * @param answer             the answer
 * @param sourceDocuments    the documents the answer rests on
 * @param droppedDocuments   retrieved documents that did not fit the budget (stuff), lowest-ranked last
 */
public record QaResult(String question, String rewrittenQuestion, String answer, List<Document> sourceDocuments,
                       List<Document> droppedDocuments) {

    /** Map key of the question. */
    public static final String QUESTION = "question";
    /** Map key of the rewritten question. */
    public static final String REWRITTEN_QUESTION = "rewritten_question";
    /** Map key of the answer. */
    public static final String ANSWER = "answer";
    /** Map key of the source documents. */
    public static final String SOURCE_DOCUMENTS = "source_documents";
    /** Map key of the dropped documents. */
    public static final String DROPPED_DOCUMENTS = "dropped_documents";

    /**
     * Checks the question and answer are set and copies the lists.
     *
     * @param question           the question as the user asked it
     * @param rewrittenQuestion  the condense step's standalone question, or null when it did not run
     * @param answer             the answer
     * @param sourceDocuments    the documents the answer rests on
     * @param droppedDocuments   retrieved documents that did not fit the budget (stuff), lowest-ranked last
     * @throws NullPointerException if the question, the answer or a list is null
     */
    public QaResult {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        sourceDocuments = List.copyOf(sourceDocuments);
        droppedDocuments = List.copyOf(droppedDocuments);
    }

    /**
     * The result as a LangChain-style map (the rewritten question only when there is one).
     *
     * @return a map of the answer, source and dropped documents, and the rewritten question if any
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(ANSWER, answer);
        map.put(SOURCE_DOCUMENTS, sourceDocuments);
        map.put(DROPPED_DOCUMENTS, droppedDocuments);
        if (rewrittenQuestion != null) {
            map.put(REWRITTEN_QUESTION, rewrittenQuestion);
        }
        return map;
    }
}
