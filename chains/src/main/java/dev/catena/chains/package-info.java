/**
 * Catena chains: components that run prompts, models, parsers, memories and retrievers as one
 * task, with every step a traced child run and every prompt a visible, replaceable template.
 *
 * <p>{@link dev.catena.chains.Chain} is the map-in, map-out form (LangChain's {@code Chain}, with
 * {@code inputKeys()} and {@code outputKeys()}); {@link dev.catena.chains.LlmChain},
 * {@link dev.catena.chains.SequentialChain}, {@link dev.catena.chains.SimpleSequentialChain},
 * {@link dev.catena.chains.TransformChain}, {@link dev.catena.chains.RouterChain} and
 * {@link dev.catena.chains.ConversationChain} live here; combining documents (stuff, map-reduce,
 * refine, map-rerank) and summarisation are in {@code dev.catena.chains.documents}, question answering
 * over a retriever in {@code dev.catena.chains.qa}, extraction in {@code dev.catena.chains.extraction}.
 */
package dev.catena.chains;
