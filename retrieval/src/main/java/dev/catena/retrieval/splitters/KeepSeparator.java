package dev.catena.retrieval.splitters;

/**
 * What a splitter does with the separator it cut at, as LangChain's {@code keep_separator}.
 *
 * <p>With {@link #START} or {@link #END} the pieces stay verbatim parts of the source, so chunks
 * are exact substrings. With {@link #NONE} the separator is dropped and merged pieces are joined
 * with the separator string again (for a regex separator LangChain joins with the pattern text
 * itself, and Catena does the same). For a zero-width lookaround both Catena splitters join with
 * nothing; Python's recursive splitter, unlike its character splitter, inserts the pattern text
 * into the chunk there, a quirk Catena does not copy.
 */
public enum KeepSeparator {
    /** Drop the separator (LangChain {@code keep_separator=False}). */
    NONE,
    /** Keep it at the start of the following piece (LangChain {@code True} or {@code "start"}). */
    START,
    /** Keep it at the end of the preceding piece (LangChain {@code "end"}). */
    END
}
