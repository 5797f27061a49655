package dev.catena.retrieval.splitters;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits text at the first separator of a list that occurs in it, packs the pieces into chunks,
 * and splits any piece that is still too long with the remaining separators, as LangChain's
 * {@code RecursiveCharacterTextSplitter}. The default list, {@code "\n\n", "\n", " ", ""}, keeps
 * paragraphs, then lines, then words together as long as possible.
 *
 * <p>Chunk contents and order match LangChain for the same settings. Lengths default to Unicode
 * code points; each piece is measured once, and a piece that is certainly too long is not measured
 * to the end ({@link LengthFunction#lengthBelow}).
 *
 * <pre>{@code
 * RecursiveCharacterTextSplitter splitter = RecursiveCharacterTextSplitter.builder()
 *         .preset(SeparatorPreset.CHINESE).chunkSize(100).chunkOverlap(0).build();
 * }</pre>
 */
public final class RecursiveCharacterTextSplitter implements TextSplitter {

    private static final List<String> DEFAULT_SEPARATORS = List.of("\n\n", "\n", " ", "");

    private final Separator[] separators;
    private final KeepSeparator keepSeparator;
    private final LengthFunction lengthFunction;
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
        this.merger = new ChunkMerger(b.chunkSize, b.chunkOverlap, b.stripWhitespace);
        this.chunkSize = b.chunkSize;
        this.addStartIndex = b.addStartIndex;
    }

    /** A builder with LangChain's defaults: chunk size 4000, overlap 200, separators kept at the start. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<TextChunk> chunks(String text) {
        List<TextChunk> out = new ArrayList<>();
        split(text, 0, text.length(), 0, out);
        return out;
    }

    @Override
    public boolean addStartIndex() {
        return addStartIndex;
    }

    private void split(String text, int from, int to, int firstSeparator, List<TextChunk> out) {
        // The first separator that occurs; "" always "occurs" and ends the list.
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
        Pieces pieces = new Pieces();
        separator.split(text, from, to, keepSeparator, pieces);
        String joiner = separator.joiner(keepSeparator);
        int joinerLength = lengthFunction.length(joiner);

        int goodFrom = -1;
        for (int i = 0; i < pieces.size; i++) {
            int length = lengthFunction.lengthBelow(text, pieces.starts[i], pieces.ends[i], chunkSize);
            pieces.lengths[i] = length;
            if (length < chunkSize) {
                if (goodFrom < 0) {
                    goodFrom = i;
                }
                continue;
            }
            if (goodFrom >= 0) {
                merger.merge(text, pieces, goodFrom, i, joiner, joinerLength, separator.isLiteral(), out);
                goodFrom = -1;
            }
            if (next >= separators.length) {
                ChunkMerger.emitVerbatim(text, pieces.starts[i], pieces.ends[i], out);
            } else {
                split(text, pieces.starts[i], pieces.ends[i], next, out);
            }
        }
        if (goodFrom >= 0) {
            merger.merge(text, pieces, goodFrom, pieces.size, joiner, joinerLength, separator.isLiteral(), out);
        }
    }

    /** Settings for a {@link RecursiveCharacterTextSplitter}. */
    public static final class Builder {
        private List<String> separators = DEFAULT_SEPARATORS;
        private boolean separatorsAreRegex;
        private KeepSeparator keepSeparator = KeepSeparator.START;
        private int chunkSize = 4000;
        private int chunkOverlap = 200;
        private LengthFunction lengthFunction = LengthFunction.codePoints();
        private boolean stripWhitespace = true;
        private boolean addStartIndex;

        private Builder() {
        }

        /** Literal separators, most preferred first; "" means "between characters". */
        public Builder separators(List<String> values) {
            this.separators = List.copyOf(values);
            this.separatorsAreRegex = false;
            return this;
        }

        /** Regex separators (Java syntax), split with Python's {@code re.split} semantics. */
        public Builder separatorRegexes(List<String> regexes) {
            this.separators = List.copyOf(regexes);
            this.separatorsAreRegex = true;
            return this;
        }

        /** A preset's separators and its separator placement. */
        public Builder preset(SeparatorPreset preset) {
            this.separators = preset.separators();
            this.separatorsAreRegex = preset.isRegex();
            this.keepSeparator = preset.keepSeparator();
            return this;
        }

        public Builder keepSeparator(KeepSeparator value) {
            this.keepSeparator = Objects.requireNonNull(value, "keepSeparator");
            return this;
        }

        /** The most a chunk may measure (with the length function); must be positive. */
        public Builder chunkSize(int value) {
            this.chunkSize = value;
            return this;
        }

        /** How much of a chunk's end may repeat at the next chunk's start; at most the chunk size. */
        public Builder chunkOverlap(int value) {
            this.chunkOverlap = value;
            return this;
        }

        public Builder lengthFunction(LengthFunction value) {
            this.lengthFunction = Objects.requireNonNull(value, "lengthFunction");
            return this;
        }

        /** Whether chunks lose leading and trailing whitespace (default true). */
        public Builder stripWhitespace(boolean value) {
            this.stripWhitespace = value;
            return this;
        }

        /** Whether documents get {@value TextSplitter#START_INDEX} metadata (default false). */
        public Builder addStartIndex(boolean value) {
            this.addStartIndex = value;
            return this;
        }

        /** @throws IllegalArgumentException if the sizes are inconsistent or there are no separators */
        public RecursiveCharacterTextSplitter build() {
            return new RecursiveCharacterTextSplitter(this);
        }
    }
}
