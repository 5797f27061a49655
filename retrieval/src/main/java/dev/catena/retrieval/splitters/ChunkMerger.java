package dev.catena.retrieval.splitters;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LangChain's {@code _merge_splits}: greedily packs consecutive small pieces into chunks of at most
 * {@code chunkSize}, carrying up to {@code chunkOverlap} of the previous chunk's tail into the
 * next. Piece lengths are measured once by the caller; the window of current pieces is a range of
 * piece indices, so nothing is re-measured or copied while merging.
 */
final class ChunkMerger {

    private static final Logger LOG = LoggerFactory.getLogger(ChunkMerger.class);

    private final int chunkSize;
    private final int chunkOverlap;
    private final boolean stripWhitespace;

    ChunkMerger(int chunkSize, int chunkOverlap, boolean stripWhitespace) {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunkSize must be > 0, got " + chunkSize);
        }
        if (chunkOverlap < 0) {
            throw new IllegalArgumentException("chunkOverlap must be >= 0, got " + chunkOverlap);
        }
        if (chunkOverlap > chunkSize) {
            throw new IllegalArgumentException("Got a larger chunk overlap (" + chunkOverlap + ") than chunk size ("
                    + chunkSize + "); make the overlap smaller than the chunk size");
        }
        this.chunkSize = chunkSize;
        this.chunkOverlap = chunkOverlap;
        this.stripWhitespace = stripWhitespace;
    }

    /**
     * Merges pieces {@code [lo, hi)} of {@code p}, joined by {@code joiner} of length
     * {@code joinerLength}; {@code gapIsJoiner} says the source between adjacent pieces is the
     * joiner whenever its length matches (literal separators).
     */
    void merge(String source, Pieces p, int lo, int hi, String joiner, int joinerLength,
               boolean gapIsJoiner, List<TextChunk> out) {
        Run run = new Run(source, p, lo, joiner, joinerLength, gapIsJoiner, out);
        for (int i = lo; i < hi; i++) {
            run.add(i);
        }
        run.finish(hi);
    }

    /**
     * One merge in progress, fed a piece at a time, so pieces can be produced and dropped as they
     * go: it only looks at pieces from {@link #head} on.
     */
    final class Run {
        private final String source;
        private final Pieces p;
        private final String joiner;
        private final int joinerLength;
        private final boolean gapIsJoiner;
        private final List<TextChunk> out;
        /** The first piece of the chunk being packed; pieces before it are no longer needed. */
        int head;
        private int total;

        Run(String source, Pieces p, int lo, String joiner, int joinerLength, boolean gapIsJoiner, List<TextChunk> out) {
            this.source = source;
            this.p = p;
            this.head = lo;
            this.joiner = joiner;
            this.joinerLength = joinerLength;
            this.gapIsJoiner = gapIsJoiner;
            this.out = out;
        }

        /** Adds piece {@code i}, the one after the last added, emitting a chunk when it does not fit. */
        void add(int i) {
            int len = p.lengths[i];
            int count = i - head;
            if (total + len + (count > 0 ? joinerLength : 0) > chunkSize) {
                if (total > chunkSize) {
                    LOG.warn("Created a chunk of size {}, which is longer than the specified {}", total, chunkSize);
                }
                if (count > 0) {
                    emit(source, p, head, i, joiner, gapIsJoiner, out);
                    // Drop pieces from the front until what is left fits the overlap and leaves room.
                    while (count > 0 && (total > chunkOverlap
                            || (total + len + (count > 0 ? joinerLength : 0) > chunkSize && total > 0))) {
                        total -= p.lengths[head] + (count > 1 ? joinerLength : 0);
                        head++;
                        count--;
                    }
                }
            }
            count = i + 1 - head;
            total += len + (count > 1 ? joinerLength : 0);
        }

        /** Emits what is left; {@code hi} is one past the last piece added. */
        void finish(int hi) {
            if (head < hi) {
                emit(source, p, head, hi, joiner, gapIsJoiner, out);
            }
        }
    }

    /** Emits one piece as a chunk as it is (LangChain appends an unsplittable piece unstripped). */
    static void emitVerbatim(String source, int start, int end, List<TextChunk> out) {
        out.add(new TextChunk(source.substring(start, end), start));
    }

    private void emit(String source, Pieces p, int first, int end, String joiner, boolean gapIsJoiner,
                      List<TextChunk> out) {
        int last = end - 1;
        if (isVerbatim(p, first, last, joiner, gapIsJoiner)) {
            int from = keptStart(source, p.starts[first], p.ends[last]);
            int to = keptEnd(source, from, p.ends[last]);
            if (from < to) {
                out.add(new TextChunk(source.substring(from, to), from));
            }
            return;
        }
        StringBuilder joined = new StringBuilder();
        for (int k = first; k <= last; k++) {
            if (k > first) {
                joined.append(joiner);
            }
            joined.append(source, p.starts[k], p.ends[k]);
        }
        int from = keptStart(joined, 0, joined.length());
        int to = keptEnd(joined, from, joined.length());
        if (from < to) {
            out.add(new TextChunk(joined.substring(from, to), sourceIndex(p, first, last, joiner.length(), from)));
        }
    }

    /** Where {@code text[from, to)} starts once stripped (Python's {@code str.strip}), if chunks are stripped. */
    private int keptStart(CharSequence text, int from, int to) {
        while (stripWhitespace && from < to && PythonWhitespace.is(text.charAt(from))) {
            from++;
        }
        return from;
    }

    /** Where {@code text[from, to)} ends once stripped, if chunks are stripped. */
    private int keptEnd(CharSequence text, int from, int to) {
        while (stripWhitespace && to > from && PythonWhitespace.is(text.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /** Whether the joined pieces equal the source range from the first piece's start to the last's end. */
    private static boolean isVerbatim(Pieces p, int first, int last, String joiner, boolean gapIsJoiner) {
        if (!gapIsJoiner && !joiner.isEmpty()) {
            return false;
        }
        for (int k = first; k < last; k++) {
            if (p.starts[k + 1] - p.ends[k] != joiner.length()) {
                return false;
            }
        }
        return true;
    }

    /** Maps an offset in a re-joined chunk back to the source: the piece (or gap) it falls in. */
    private static int sourceIndex(Pieces p, int first, int last, int joinerLength, int offset) {
        int pos = 0;
        for (int k = first; k <= last; k++) {
            int pieceLength = p.ends[k] - p.starts[k];
            if (offset < pos + pieceLength) {
                return p.starts[k] + (offset - pos);
            }
            pos += pieceLength;
            if (offset < pos + joinerLength) {
                return p.ends[k] + (offset - pos);
            }
            pos += joinerLength;
        }
        return p.ends[last];
    }
}
