package dev.catena.retrieval.splitters;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits text at one separator (literal or regex) and packs the pieces into chunks, as
 * LangChain's {@code CharacterTextSplitter}. Pieces longer than the chunk size stay whole.
 *
 * <pre>{@code
 * CharacterTextSplitter splitter = CharacterTextSplitter.builder()
 *         .separator(" ").chunkSize(7).chunkOverlap(3).build();
 * splitter.splitText("foo bar baz 123"); // [foo bar, bar baz, baz 123]
 * }</pre>
 */
public final class CharacterTextSplitter implements TextSplitter {

    private final Separator separator;
    private final KeepSeparator keepSeparator;
    private final LengthFunction lengthFunction;
    private final ChunkMerger merger;
    private final boolean addStartIndex;

    private CharacterTextSplitter(Builder b) {
        this.separator = Separator.of(b.separator, b.separatorIsRegex);
        this.keepSeparator = b.keepSeparator;
        this.lengthFunction = b.lengthFunction;
        this.merger = b.merger();
        this.addStartIndex = b.addStartIndex;
    }

    /** {@return a builder with LangChain's defaults: separator "\n\n", chunk size 4000, overlap 200} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<TextChunk> chunks(String text) {
        Pieces pieces = new Pieces();
        separator.split(text, 0, text.length(), keepSeparator, pieces);
        for (int i = 0; i < pieces.size; i++) {
            pieces.lengths[i] = lengthFunction.length(text, pieces.starts[i], pieces.ends[i]);
        }
        String joiner = separator.joiner(keepSeparator);
        List<TextChunk> out = new ArrayList<>();
        merger.merge(text, pieces, 0, pieces.size, joiner, lengthFunction.length(joiner),
                separator.isLiteral(), out);
        return out;
    }

    @Override
    public boolean addStartIndex() {
        return addStartIndex;
    }

    /** Settings for a {@link CharacterTextSplitter}. */
    public static final class Builder extends MergeSettings<Builder> {
        private String separator = "\n\n";
        private boolean separatorIsRegex;

        private Builder() {
            super(KeepSeparator.NONE);
        }

        /**
         * The literal separator; "" splits into single characters.
         *
         * @param value the separator
         * @return this builder
         */
        public Builder separator(String value) {
            this.separator = Objects.requireNonNull(value, "separator");
            this.separatorIsRegex = false;
            return this;
        }

        /**
         * A regex separator (Java syntax), split with Python's {@code re.split} semantics.
         *
         * @param regex the separator regex
         * @return this builder
         */
        public Builder separatorRegex(String regex) {
            this.separator = Objects.requireNonNull(regex, "separator regex");
            this.separatorIsRegex = true;
            return this;
        }

        /**
         * @return the splitter
         * @throws IllegalArgumentException if the sizes are inconsistent
         */
        public CharacterTextSplitter build() {
            return new CharacterTextSplitter(this);
        }
    }
}
