package dev.catena.retrieval.splitters;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text at the first separator of a list that occurs in it, packs the pieces into chunks,
 * and splits any piece that is still too long with the remaining separators, as LangChain's
 * {@code RecursiveCharacterTextSplitter}. The default list, {@code "\n\n", "\n", " ", ""}, keeps
 * paragraphs, then lines, then words together as long as possible.
 *
 * <p>Chunk contents and order match LangChain for the same settings. Lengths default to Unicode
 * code points; each piece is measured once, and a piece that is certainly too long is not measured
 * to the end ({@link LengthFunction#lengthBelow}). With {@link LengthFunction#tokens} a piece that
 * is likely too long is measured together with the pieces it would be split into, so its text goes
 * through the tokenizer about once rather than twice; the counts are exact either way.
 *
 * <pre>{@code
 * RecursiveCharacterTextSplitter splitter = RecursiveCharacterTextSplitter.builder()
 *         .preset(SeparatorPreset.CHINESE).chunkSize(100).chunkOverlap(0).build();
 * }</pre>
 */
public final class RecursiveCharacterTextSplitter implements TextSplitter {

    private static final List<String> DEFAULT_SEPARATORS = List.of("\n\n", "\n", " ", "");
    /** How many character pieces may pile up before those the merge has passed are dropped. */
    private static final int COMPACT_AT = 1 << 14;

    private final Separator[] separators;
    private final KeepSeparator keepSeparator;
    private final LengthFunction lengthFunction;
    private final TokenLength tokenLength; // when set, pieces are measured with their sub-pieces
    private final ChunkMerger merger;
    private final int chunkSize;
    private final boolean addStartIndex;

    private RecursiveCharacterTextSplitter(Builder b) {
        if (b.separators.isEmpty()) {
            throw new IllegalArgumentException("separators must not be empty; pass at least \"\" to split characters");
        }
        this.separators = new Separator[b.separators.size()];
        for (int i = 0; i < separators.length; i++) {
            separators[i] = Separator.of(b.separators.get(i), b.separatorsAreRegex);
        }
        this.keepSeparator = b.keepSeparator;
        this.lengthFunction = b.lengthFunction;
        this.tokenLength = b.lengthFunction instanceof TokenLength t ? t : null;
        this.merger = b.merger();
        this.chunkSize = b.chunkSize;
        this.addStartIndex = b.addStartIndex;
    }

    /** {@return a builder with LangChain's defaults: chunk size 4000, overlap 200, separators kept at the start} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<TextChunk> chunks(String text) {
        List<TextChunk> out = new ArrayList<>();
        split(text, cut(text, 0, text.length(), 0), new TokenRate(), out);
        return out;
    }

    @Override
    public boolean addStartIndex() {
        return addStartIndex;
    }

    /**
     * A range cut at the first separator (from {@code firstSeparator} on) that occurs in it; ""
     * always "occurs" and ends the list. {@code next} is where the separators for its too-long
     * pieces start (past the end when there are none).
     */
    private Cut cut(String text, int from, int to, int firstSeparator) {
        Separator separator = separators[separators.length - 1];
        int next = separators.length;
        for (int i = firstSeparator; i < separators.length; i++) {
            Separator s = separators[i];
            if (s.isEmpty()) {
                separator = s;
                break;
            }
            if (s.occursIn(text, from, to)) {
                separator = s;
                next = i + 1;
                break;
            }
        }
        if (separator.isEmpty()) {
            return new Cut(separator, next, null, from, to); // characters: cut as they are merged
        }
        Pieces pieces = new Pieces();
        separator.split(text, from, to, keepSeparator, pieces);
        return new Cut(separator, next, pieces, from, to);
    }

    /** Merges the cut's small pieces into chunks and splits its too-long ones further, in order. */
    private void split(String text, Cut cut, TokenRate rate, List<TextChunk> out) {
        if (cut.pieces() == null) {
            splitCharacters(text, cut, rate, out);
            return;
        }
        Pieces pieces = cut.pieces();
        String joiner = cut.separator().joiner(keepSeparator);
        int joinerLength = lengthFunction.length(joiner);
        boolean gapIsJoiner = cut.separator().isLiteral();
        int goodFrom = -1;
        for (int i = 0; i < pieces.size; i++) {
            int start = pieces.starts[i];
            int end = pieces.ends[i];
            Cut finer = null;
            if (!pieces.measured) {
                finer = measure(text, cut, i, rate);
            }
            if (pieces.lengths[i] < chunkSize) {
                if (goodFrom < 0) {
                    goodFrom = i;
                }
                continue;
            }
            if (goodFrom >= 0) {
                merger.merge(text, pieces, goodFrom, i, joiner, joinerLength, gapIsJoiner, out);
                goodFrom = -1;
            }
            if (cut.next() >= separators.length) {
                ChunkMerger.emitVerbatim(text, start, end, out);
            } else {
                split(text, finer != null ? finer : cut(text, start, end, cut.next()), rate, out);
            }
        }
        if (goodFrom >= 0) {
            merger.merge(text, pieces, goodFrom, pieces.size, joiner, joinerLength, gapIsJoiner, out);
        }
    }

    /**
     * The same chunks as cutting {@code text[from, to)} into code points and merging them, with
     * memory for the chunk being packed rather than for every code point: pieces are made as the
     * merge reaches them and dropped once it has passed them. A text without separators cuts into
     * one piece per character, and holding them all took about 16 bytes of heap per character.
     */
    private void splitCharacters(String text, Cut cut, TokenRate rate, List<TextChunk> out) {
        int from = cut.from();
        int to = cut.to();
        String joiner = cut.separator().joiner(keepSeparator);
        int joinerLength = lengthFunction.length(joiner);
        Pieces pieces = new Pieces();
        ChunkMerger.Run run = null;
        int i = from;
        while (i < to) {
            int next = i + 1;
            if (Character.isHighSurrogate(text.charAt(i)) && next < to && Character.isLowSurrogate(text.charAt(next))) {
                next++;
            }
            int length = lengthFunction.lengthBelow(text, i, next, chunkSize);
            if (length < chunkSize) {
                rate.add(next - i, length);
                if (run == null) {
                    pieces.size = 0;
                    run = merger.new Run(text, pieces, 0, joiner, joinerLength, true, out);
                } else if (pieces.size >= COMPACT_AT && run.head >= pieces.size / 2) { // amortised: at least half goes
                    int dropped = run.head;
                    pieces.dropFirst(dropped);
                    run.head = 0;
                }
                pieces.add(i, next);
                pieces.lengths[pieces.size - 1] = length;
                run.add(pieces.size - 1);
            } else {
                if (run != null) {
                    run.finish(pieces.size);
                    run = null;
                }
                ChunkMerger.emitVerbatim(text, i, next, out); // "" is the last separator: nothing finer
            }
            i = next;
        }
        if (run != null) {
            run.finish(pieces.size);
        }
    }

    /**
     * Measures piece {@code i} of a cut into {@code lengths[i]}. A token-measured piece that is
     * likely too long is measured together with the pieces it would be split into, so that if it
     * is too long those are already measured (returned, else null) and its characters are not
     * encoded twice. Both ways give exactly the lengths LangChain's algorithm sees; the guess only
     * decides which is cheaper.
     */
    private Cut measure(String text, Cut cut, int i, TokenRate rate) {
        Pieces pieces = cut.pieces();
        int start = pieces.starts[i];
        int end = pieces.ends[i];
        if (tokenLength != null && cut.next() < separators.length && rate.likelyAtLeast(end - start, chunkSize)) {
            Cut finer = cut(text, start, end, cut.next());
            if (!finer.separator().isEmpty() && finer.pieces().size > 1) {
                int length = tokenLength.lengthWithPieces(text, start, end, finer.pieces());
                if (length >= 0) {
                    pieces.lengths[i] = length;
                    rate.add(end - start, length);
                    finer.pieces().measured = true;
                    return length >= chunkSize ? finer : null;
                }
            }
        }
        int length = lengthFunction.lengthBelow(text, start, end, chunkSize);
        pieces.lengths[i] = length;
        if (length < chunkSize) {
            rate.add(end - start, length); // exact only below the limit
        }
        return null;
    }

    /** Tokens per char seen so far in one text, to guess which pieces will turn out too long. */
    private static final class TokenRate {
        private long chars;
        private long tokens;

        void add(int pieceChars, int pieceTokens) {
            chars += pieceChars;
            tokens += pieceTokens;
        }

        /** Whether a piece of this many chars likely has at least 80% of {@code limit} tokens (yes until there is data). */
        boolean likelyAtLeast(int pieceChars, int limit) {
            long expected = chars == 0 ? pieceChars : pieceChars * tokens / chars;
            return expected * 5 >= limit * 4L;
        }
    }

    /**
     * A range cut into pieces at one separator, and where the separators for its too-long pieces
     * start. A cut into characters has no pieces: they are made while merging.
     */
    private record Cut(Separator separator, int next, Pieces pieces, int from, int to) {
    }

    /** Settings for a {@link RecursiveCharacterTextSplitter}. */
    public static final class Builder extends MergeSettings<Builder> {
        private List<String> separators = DEFAULT_SEPARATORS;
        private boolean separatorsAreRegex;

        private Builder() {
            super(KeepSeparator.START);
        }

        /**
         * Literal separators, most preferred first; "" means "between characters".
         *
         * @param values the separators
         * @return this builder
         */
        public Builder separators(List<String> values) {
            this.separators = List.copyOf(values);
            this.separatorsAreRegex = false;
            return this;
        }

        /**
         * Regex separators (Java syntax), split with Python's {@code re.split} semantics.
         *
         * @param regexes the separator regexes
         * @return this builder
         */
        public Builder separatorRegexes(List<String> regexes) {
            this.separators = List.copyOf(regexes);
            this.separatorsAreRegex = true;
            return this;
        }

        /**
         * A preset's separators and its separator placement.
         *
         * @param preset the preset, e.g. for Markdown or Java
         * @return this builder
         */
        public Builder preset(SeparatorPreset preset) {
            this.separators = preset.separators();
            this.separatorsAreRegex = preset.isRegex();
            this.keepSeparator = preset.keepSeparator();
            return this;
        }

        /**
         * @return the splitter
         * @throws IllegalArgumentException if the sizes are inconsistent or there are no separators
         */
        public RecursiveCharacterTextSplitter build() {
            return new RecursiveCharacterTextSplitter(this);
        }
    }
}
