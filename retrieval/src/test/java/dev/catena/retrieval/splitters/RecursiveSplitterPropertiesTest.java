package dev.catena.retrieval.splitters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the recursive splitter on random text built from words, spaces, newlines and CJK. */
class RecursiveSplitterPropertiesTest {

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> word = Arbitraries.strings().withChars("abcxyz").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> cjk = Arbitraries.strings().withChars("天道酬勤。，人们").ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> emoji = Arbitraries.of("😀", "𠀋", "é");
        Arbitrary<String> gap = Arbitraries.of(" ", " ", "  ", "\n", "\n\n", "\n\n\n", "\t");
        Arbitrary<String> token = Arbitraries.oneOf(word, word, cjk, emoji, gap);
        return token.list().ofMaxSize(80).map(parts -> String.join("", parts));
    }

    private static RecursiveCharacterTextSplitter splitter(int size, int overlap, boolean strip, boolean startIndex) {
        return RecursiveCharacterTextSplitter.builder().chunkSize(size).chunkOverlap(Math.min(overlap, size))
                .stripWhitespace(strip).addStartIndex(startIndex).build();
    }

    @Property(tries = 400)
    void everyChunkFitsUnlessItIsOneUnsplittablePiece(@ForAll("texts") String text, @ForAll @IntRange(min = 1, max = 40) int size,
                                                      @ForAll @IntRange(min = 0, max = 20) int overlap) {
        for (String chunk : splitter(size, overlap, true, false).splitText(text)) {
            int length = chunk.codePointCount(0, chunk.length());
            // With "" as the last separator the only unsplittable piece is a single code point.
            assertThat(length <= size || length == 1).as("chunk %s of size %d > %d", chunk, length, size).isTrue();
        }
    }

    @Property(tries = 400)
    void withoutOverlapOrStrippingChunksConcatenateToTheInput(@ForAll("texts") String text,
                                                              @ForAll @IntRange(min = 1, max = 40) int size) {
        List<String> chunks = splitter(size, 0, false, false).splitText(text);
        assertThat(String.join("", chunks)).isEqualTo(text);
    }

    @Property(tries = 400)
    void startIndicesPointAtTheChunkText(@ForAll("texts") String text, @ForAll @IntRange(min = 1, max = 40) int size,
                                         @ForAll @IntRange(min = 0, max = 20) int overlap, @ForAll boolean strip) {
        int previous = -1;
        for (TextChunk chunk : splitter(size, overlap, strip, true).chunks(text)) {
            assertThat(text.startsWith(chunk.text(), chunk.startIndex())).as("%s", chunk).isTrue();
            assertThat(chunk.startIndex()).isGreaterThanOrEqualTo(previous);
            previous = chunk.startIndex();
        }
    }

    @Property(tries = 200)
    void chineseAndCharacterSplittersAlsoRebuildTheInput(@ForAll("texts") String text,
                                                         @ForAll @IntRange(min = 1, max = 40) int size) {
        RecursiveCharacterTextSplitter chinese = RecursiveCharacterTextSplitter.builder().preset(SeparatorPreset.CHINESE)
                .chunkSize(size).chunkOverlap(0).stripWhitespace(false).build();
        assertThat(String.join("", chinese.splitText(text))).isEqualTo(text);
    }
}
