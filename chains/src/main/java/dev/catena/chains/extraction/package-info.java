/**
 * Extraction: text in, a Java record (or a list of them) out, through a visible prompt and
 * {@link dev.catena.prompts.parsers.BeanOutputParser}, or the model's native JSON-schema response
 * format; see {@link dev.catena.chains.extraction.ExtractionChain}.
 */
package dev.catena.chains.extraction;
