/**
 * Combining documents into one model answer, LangChain's "combine documents" chains:
 * {@link dev.catena.chains.documents.StuffDocuments} (as many documents as fit the token budget, in
 * rank order), {@link dev.catena.chains.documents.MapReduceDocuments} (one call per document in
 * parallel, collapsed recursively until the answers fit), {@link dev.catena.chains.documents.RefineDocuments}
 * (an answer refined document by document) and {@link dev.catena.chains.documents.MapRerankDocuments}
 * (an answer and a score per document; the best wins). Question answering and
 * {@link dev.catena.chains.documents.SummarizeChain} build on them.
 */
package dev.catena.chains.documents;
