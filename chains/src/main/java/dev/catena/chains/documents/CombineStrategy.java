package dev.catena.chains.documents;

/** How documents are combined into one answer (LangChain's {@code chain_type}). */
public enum CombineStrategy {
    /** All documents that fit the token budget in one prompt, in rank order; the rest dropped and listed. */
    STUFF,
    /** One call per document in parallel, the answers collapsed recursively until they fit, then one reduce call. */
    MAP_REDUCE,
    /** An answer from the first document, refined with each next one in order. */
    REFINE,
    /** An answer and a score per document in parallel; the best score wins, ties go to the higher-ranked document. */
    MAP_RERANK
}
