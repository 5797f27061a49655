package dev.catena.retrieval.splitters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.models.TokenCounter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The recursive splitter measures a token-sized piece together with the pieces it would be split
 * into, adding counts at pre-token boundaries. These properties check that this is exact: on random
 * text full of the characters the encodings' pre-tokenizers treat specially, for every encoding,
 * the derived counts equal jtokkit's counts, and the splitter's chunks equal those of a splitter
 * that simply counts every piece.
 */
class TokenLengthPropertiesTest {

    private static final List<String> ENCODINGS = List.of("r50k_base", "p50k_base", "cl100k_base", "o200k_base");

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> word = Arbitraries.strings().withChars("abcXYZéß").ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> cjk = Arbitraries.strings().withChars("天道酬勤人们").ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> other = Arbitraries.of("'s", "'ll", "'", "’", "123", "4", "。", "，", "！", ".", ",", "?", "-", "/",
                "😀", "𠀋", "e\u0301", "\u0301", "\u3000", "\u00a0", "\u0085", "\r", "\r\n", "\t");
        Arbitrary<String> gap = Arbitraries.of(" ", "  ", "\n", "\n", " \n", "\n ", "\n\n", "\t\n");
        return Arbitraries.oneOf(word, word, cjk, other, gap, gap).list().ofMaxSize(60).map(p -> String.join("", p));
    }

    @Property(tries = 600)
    void countsFromPiecesEqualDirectCounts(@ForAll("texts") String text, @ForAll @IntRange(min = 0, max = 3) int encoding,
                                           @ForAll @IntRange(min = 0, max = 2) int separator) {
        TokenCounter counter = TokenCounter.of(ENCODINGS.get(encoding));
        TokenLength tokens = new TokenLength(counter);
        Pieces pieces = new Pieces();
        Separator.literal(List.of("\n", " ", "，").get(separator)).split(text, 0, text.length(), KeepSeparator.START, pieces);
        int total = tokens.lengthWithPieces(text, 0, text.length(), pieces);
        if (text.isEmpty()) {
            assertThat(total).isEqualTo(-1); // no pieces to tile it
            return;
        }
        assertThat(total).as("whole of %s", text).isEqualTo(counter.count(text));
        for (int i = 0; i < pieces.size; i++) {
            String piece = text.substring(pieces.starts[i], pieces.ends[i]);
            assertThat(pieces.lengths[i]).as("piece %s of %s", piece, text).isEqualTo(counter.count(piece));
        }
    }

    @Property(tries = 300)
    void tokenSplittingGivesTheChunksOfPlainCounting(@ForAll("texts") String text,
                                                     @ForAll @IntRange(min = 0, max = 3) int encoding,
                                                     @ForAll @IntRange(min = 1, max = 30) int size,
                                                     @ForAll @IntRange(min = 0, max = 10) int overlap) {
        TokenCounter counter = TokenCounter.of(ENCODINGS.get(encoding));
        List<TextChunk> expected = splitter(LengthFunction.of(counter::count), size, overlap).chunks(text);
        assertThat(splitter(LengthFunction.tokens(counter), size, overlap).chunks(text)).isEqualTo(expected);
    }

    @Property(tries = 600)
    void aBoundaryAddsCountsOnBothSides(@ForAll("texts") String text, @ForAll @IntRange(min = 0, max = 3) int encoding) {
        TokenCounter counter = TokenCounter.of(ENCODINGS.get(encoding));
        for (int k = 1; k < text.length(); k++) {
            if (PretokenBoundary.at(text, 0, k)) {
                assertThat(counter.count(text.substring(0, k)) + counter.count(text.substring(k)))
                        .as("cut of %s at %d", text, k).isEqualTo(counter.count(text));
            }
        }
    }

    private static RecursiveCharacterTextSplitter splitter(LengthFunction length, int size, int overlap) {
        return RecursiveCharacterTextSplitter.builder().lengthFunction(length).chunkSize(size)
                .chunkOverlap(Math.min(overlap, size)).addStartIndex(true).build();
    }
}
