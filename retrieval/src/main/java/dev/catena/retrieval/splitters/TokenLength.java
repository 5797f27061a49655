package dev.catena.retrieval.splitters;

import dev.catena.core.models.TokenCounter;
import java.util.Objects;

/**
 * Token length through a {@link TokenCounter}. Besides measuring one range, it can measure a range
 * together with the pieces that tile it ({@link #lengthWithPieces}) while encoding each character
 * about once, which is what the recursive splitter needs for a piece that may be too long.
 */
final class TokenLength implements LengthFunction {

    private final TokenCounter counter;
    /** Tokens of each single char (0 = not known yet): a one-char head or tail ("\n", "。") recurs on every line. */
    private final byte[] singleChars = new byte[Character.MAX_VALUE + 1];
    /** How many times the tokenizer ran, for tests; not exact when the length function is shared between threads. */
    long tokenizerCalls;

    TokenLength(TokenCounter counter) {
        this.counter = Objects.requireNonNull(counter, "token counter");
    }

    @Override
    public int length(String text, int from, int to) {
        if (to - from == 1) {
            return singleChar(text.charAt(from));
        }
        tokenizerCalls++;
        return counter.count(text.substring(from, to));
    }

    @Override
    public int lengthBelow(String text, int from, int to, int limit) {
        if (to - from == 1) {
            // The exact count is a valid answer at any limit; a text without separators is measured
            // char by char, so this must not call the tokenizer once per char.
            return singleChar(text.charAt(from));
        }
        tokenizerCalls++;
        return counter.countUpTo(text.substring(from, to), limit);
    }

    private int singleChar(char c) {
        int known = singleChars[c];
        if (known == 0) {
            tokenizerCalls++;
            known = counter.count(String.valueOf(c)); // 1 to 3 tokens (a lone surrogate is one char too)
            singleChars[c] = (byte) known;
        }
        return known;
    }

    /**
     * The tokens of {@code text[from, to)}, filling in {@code p.lengths} with the tokens of each
     * piece; both exactly what {@link #length} would give. The pieces must tile the range (each
     * starting where the previous ended), else nothing is measured and -1 is returned.
     *
     * <p>Each piece is counted in up to three segments cut at {@link PretokenBoundary pre-token
     * boundaries}: its head up to its first boundary, its middle, and its tail from its last
     * boundary. Where two pieces meet at a boundary the whole's count simply adds theirs; where they
     * do not (".\n" glued into one pre-token), the whole counts the small window from the tail's
     * start to the head's end instead. So the whole costs only its windows on top of its pieces.
     */
    int lengthWithPieces(String text, int from, int to, Pieces p) {
        if (p.size == 0 || p.starts[0] != from || p.ends[p.size - 1] != to) {
            return -1;
        }
        for (int i = 1; i < p.size; i++) {
            if (p.starts[i] != p.ends[i - 1]) {
                return -1;
            }
        }
        int total = 0;
        int pending = from; // where the whole's segment not yet counted starts (always a boundary)
        for (int i = 0; i < p.size; i++) {
            int s = p.starts[i];
            int e = p.ends[i];
            boolean endsAtBoundary = i == p.size - 1 || PretokenBoundary.at(text, from, e);
            int first = PretokenBoundary.first(text, from, s, e);
            if (first < 0) {
                int whole = length(text, s, e);
                p.lengths[i] = whole;
                if (endsAtBoundary) {
                    total += pending == s ? whole : length(text, pending, e);
                    pending = e;
                }
                continue; // else this piece lies inside a window that is still open
            }
            int last = PretokenBoundary.last(text, from, s, e);
            int head = length(text, s, first);
            int middle = last > first ? length(text, first, last) : 0;
            int tail = length(text, last, e);
            p.lengths[i] = head + middle + tail;
            total += (pending == s ? head : length(text, pending, first)) + middle;
            pending = last;
            if (endsAtBoundary) {
                total += tail;
                pending = e;
            }
        }
        return total;
    }
}
