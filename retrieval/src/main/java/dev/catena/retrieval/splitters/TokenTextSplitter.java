package dev.catena.retrieval.splitters;

import dev.catena.core.models.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts text into windows of a fixed number of tokens, as LangChain's {@code TokenTextSplitter}:
 * the whole text is encoded once, windows of {@code chunkSize} tokens start every
 * {@code chunkSize - chunkOverlap} tokens, and each window is decoded back to text. A window that
 * cuts a multi-byte character decodes it as U+FFFD, as tiktoken does.
 *
 * <p>To keep words and sentences whole and only measure in tokens, use a
 * {@link RecursiveCharacterTextSplitter} with {@link LengthFunction#tokens} instead.
 */
public final class TokenTextSplitter implements TextSplitter {

    private final TokenCounter counter;
    private final int chunkSize;
    private final int chunkOverlap;
    private final boolean addStartIndex;

    private TokenTextSplitter(Builder b) {
        if (b.chunkSize <= 0) {
            throw new IllegalArgumentException("chunkSize must be > 0 tokens, got " + b.chunkSize);
        }
        if (b.chunkOverlap < 0 || b.chunkOverlap >= b.chunkSize) {
            throw new IllegalArgumentException("chunkOverlap must be >= 0 and smaller than chunkSize (" + b.chunkSize
                    + "), got " + b.chunkOverlap);
        }
        this.counter = b.counter;
        this.chunkSize = b.chunkSize;
        this.chunkOverlap = b.chunkOverlap;
        this.addStartIndex = b.addStartIndex;
    }

    /** {@return a builder: cl100k_base, 4000 tokens per chunk, 200 overlap} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<TextChunk> chunks(String text) {
        int[] tokens = counter.encode(text);
        List<TextChunk> out = new ArrayList<>();
        Utf8Offsets offsets = new Utf8Offsets(text);
        long bytesBefore = 0;
        int bytesCounted = 0; // tokens whose bytes are in bytesBefore
        for (int start = 0; start < tokens.length; start += chunkSize - chunkOverlap) {
            int end = Math.min(start + chunkSize, tokens.length);
            for (; bytesCounted < start; bytesCounted++) {
                bytesBefore += counter.decodeBytes(tokens, bytesCounted, bytesCounted + 1).length;
            }
            String chunk = counter.decode(tokens, start, end);
            if (!chunk.isEmpty()) {
                out.add(new TextChunk(chunk, offsets.charIndexOf(bytesBefore)));
            }
            if (end == tokens.length) {
                break;
            }
        }
        return out;
    }

    @Override
    public boolean addStartIndex() {
        return addStartIndex;
    }

    /** Maps UTF-8 byte offsets of a string to char indices, for increasing offsets. */
    private static final class Utf8Offsets {
        private final String text;
        private int charIndex;
        private long byteIndex;

        Utf8Offsets(String text) {
            this.text = text;
        }

        /** The index of the char whose encoding contains this byte offset. */
        int charIndexOf(long byteOffset) {
            while (charIndex < text.length()) {
                char c = text.charAt(charIndex);
                int width;
                int units = 1;
                if (c < 0x80) {
                    width = 1;
                } else if (c < 0x800) {
                    width = 2;
                } else if (Character.isHighSurrogate(c) && charIndex + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(charIndex + 1))) {
                    width = 4;
                    units = 2;
                } else {
                    width = 3;
                }
                if (byteIndex + width > byteOffset) {
                    break;
                }
                byteIndex += width;
                charIndex += units;
            }
            return charIndex;
        }
    }

    /** Settings for a {@link TokenTextSplitter}. */
    public static final class Builder extends SplitterSettings<Builder> {
        private TokenCounter counter = TokenCounter.of("cl100k_base");

        private Builder() {
        }

        /**
         * The tokenizer, e.g. {@code TokenCounter.forModel("gpt-4o")}.
         *
         * @param value the tokenizer
         * @return this builder
         */
        public Builder tokenCounter(TokenCounter value) {
            this.counter = Objects.requireNonNull(value, "token counter");
            return this;
        }

        /**
         * @return the splitter
         * @throws IllegalArgumentException if the sizes are inconsistent
         */
        public TokenTextSplitter build() {
            return new TokenTextSplitter(this);
        }
    }
}
