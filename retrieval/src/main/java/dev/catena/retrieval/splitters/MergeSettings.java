package dev.catena.retrieval.splitters;

import java.util.Objects;

/**
 * The settings of splitters that cut at separators and merge the pieces back into chunks
 * ({@link CharacterTextSplitter}, {@link RecursiveCharacterTextSplitter}): where a separator goes,
 * how pieces are measured and whether chunks are stripped.
 *
 * @param <B> the concrete builder
 */
abstract class MergeSettings<B extends MergeSettings<B>> extends SplitterSettings<B> {

    KeepSeparator keepSeparator;
    LengthFunction lengthFunction = LengthFunction.codePoints();
    boolean stripWhitespace = true;

    MergeSettings(KeepSeparator keepSeparator) {
        this.keepSeparator = keepSeparator;
    }

    /**
     * Where a separator goes when pieces are cut: dropped, or kept at the start or end of a piece.
     *
     * @param value where separators go
     * @return this builder
     */
    public B keepSeparator(KeepSeparator value) {
        this.keepSeparator = Objects.requireNonNull(value, "keepSeparator");
        return self();
    }

    /**
     * How pieces and chunks are measured; default {@link LengthFunction#codePoints()}.
     *
     * @param value the length function
     * @return this builder
     */
    public B lengthFunction(LengthFunction value) {
        this.lengthFunction = Objects.requireNonNull(value, "lengthFunction");
        return self();
    }

    /**
     * Whether chunks lose leading and trailing whitespace (default true).
     *
     * @param value false to keep the whitespace
     * @return this builder
     */
    public B stripWhitespace(boolean value) {
        this.stripWhitespace = value;
        return self();
    }

    /** The merger for these settings; checks the sizes. */
    ChunkMerger merger() {
        return new ChunkMerger(chunkSize, chunkOverlap, stripWhitespace);
    }
}
