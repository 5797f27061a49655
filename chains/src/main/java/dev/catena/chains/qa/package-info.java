/**
 * Question answering over a {@link dev.catena.core.documents.Retriever}:
 * {@link dev.catena.chains.qa.RetrievalQaChain} (retrieve, then combine with stuff, map-reduce,
 * refine or map-rerank) and {@link dev.catena.chains.qa.ConversationalRetrievalChain} (with a chat
 * history and an explicit, optional condense step). Default prompts are in
 * {@link dev.catena.chains.qa.QaPrompts}.
 */
package dev.catena.chains.qa;
