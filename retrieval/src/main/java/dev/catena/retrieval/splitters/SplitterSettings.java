package dev.catena.retrieval.splitters;

/**
 * The settings every splitter's builder shares: chunk size, overlap and whether documents record
 * their chunks' start offsets. Kept once here so all builders offer and check them alike.
 *
 * @param <B> the concrete builder, returned by every setter so calls chain
 */
abstract class SplitterSettings<B extends SplitterSettings<B>> {

    int chunkSize = 4000;
    int chunkOverlap = 200;
    boolean addStartIndex;

    /**
     * The most a chunk may measure (in tokens for a token splitter, else with the length function); must
     * be positive.
     *
     * @param value the chunk size
     * @return this builder
     */
    public B chunkSize(int value) {
        this.chunkSize = value;
        return self();
    }

    /**
     * How much of a chunk's end may repeat at the next chunk's start; at most the chunk size.
     *
     * @param value the overlap
     * @return this builder
     */
    public B chunkOverlap(int value) {
        this.chunkOverlap = value;
        return self();
    }

    /**
     * Whether documents get {@value TextSplitter#START_INDEX} metadata (default false).
     *
     * @param value true to add it
     * @return this builder
     */
    public B addStartIndex(boolean value) {
        this.addStartIndex = value;
        return self();
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }
}
