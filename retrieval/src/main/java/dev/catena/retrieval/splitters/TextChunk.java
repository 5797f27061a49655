package dev.catena.retrieval.splitters;

import java.util.Objects;

/**
 * One chunk a {@link TextSplitter} cut from a text, with where it starts in that text.
 *
 * @param text       the chunk's content
 * @param startIndex the index in the source string (Java {@code char} units) at which the chunk's
 *                   content begins; {@code source.startsWith(text, startIndex)} holds whenever the
 *                   chunk is a verbatim part of the source (always, unless separators were dropped
 *                   and re-joined, see {@link KeepSeparator#NONE})
 */
public record TextChunk(String text, int startIndex) {

    /**
     * Requires the text.
     *
     * @param text the chunk's content
     * @param startIndex the index in the source string (Java {@code char} units) at which the chunk's content
     *     begins; {@code source.startsWith(text, startIndex)} holds whenever the chunk is a verbatim part of
     *     the source (always, unless separators were dropped and re-joined, see {@link KeepSeparator#NONE})
     */
    public TextChunk {
        Objects.requireNonNull(text, "chunk text");
    }
}
