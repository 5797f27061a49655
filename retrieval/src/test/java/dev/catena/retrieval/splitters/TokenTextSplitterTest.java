package dev.catena.retrieval.splitters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.documents.Document;
import dev.catena.core.models.TokenCounter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenTextSplitterTest {

    private static final TokenCounter CL100K = TokenCounter.of("cl100k_base");

    @Test
    void windowsOfTokensOverlapByTheGivenCount() {
        String text = "The quick brown fox jumps over the lazy dog. " .repeat(20);
        int[] tokens = CL100K.encode(text);
        TokenTextSplitter splitter = TokenTextSplitter.builder().tokenCounter(CL100K).chunkSize(10).chunkOverlap(3).build();
        List<String> chunks = splitter.splitText(text);
        int expectedChunks = (int) Math.ceil((tokens.length - 10) / 7.0) + 1;
        assertThat(chunks).hasSize(expectedChunks);
        for (int i = 0; i < chunks.size(); i++) {
            int start = i * 7;
            assertThat(chunks.get(i)).isEqualTo(CL100K.decode(tokens, start, Math.min(start + 10, tokens.length)));
            assertThat(CL100K.count(chunks.get(i))).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void startIndicesPointAtEachWindowInTheSource() {
        String text = "天道酬勤并不是鼓励人们不劳而获。 Hard work pays off, they say; 只要坚持，就会成功。";
        TokenTextSplitter splitter = TokenTextSplitter.builder().tokenCounter(CL100K).chunkSize(6).chunkOverlap(2)
                .addStartIndex(true).build();
        List<Document> docs = splitter.createDocuments(List.of(text), null);
        assertThat(docs).hasSizeGreaterThan(3);
        for (Document d : docs) {
            int start = (Integer) d.metadata().get("start_index");
            // A window may begin inside a multi-byte character (decoded as U+FFFD); compare what follows it.
            String content = d.text();
            int skip = 0;
            while (skip < content.length() && content.charAt(skip) == '\uFFFD') {
                skip++;
            }
            String tail = content.substring(skip).replace("\uFFFD", "");
            if (!tail.isEmpty()) {
                int at = text.indexOf(tail.substring(0, Math.min(2, tail.length())), start);
                assertThat(at).as(d.toString()).isBetween(start, start + 1);
            }
        }
        assertThat(docs.get(0).metadata()).containsEntry("start_index", 0);
    }

    @Test
    void emptyTextGivesNoChunks() {
        assertThat(TokenTextSplitter.builder().chunkSize(5).chunkOverlap(1).build().splitText("")).isEmpty();
    }

    @Test
    void overlapMustBeSmallerThanChunk() {
        assertThatThrownBy(() -> TokenTextSplitter.builder().chunkSize(5).chunkOverlap(5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("smaller than chunkSize");
    }

    @Test
    void recursiveSplitterMeasuredInTokensKeepsChunksWithinBudget() {
        String text = ("Retrieval augmented generation feeds a model the passages it needs. 检索增强生成把模型需要的段落交给它。\n")
                .repeat(30);
        RecursiveCharacterTextSplitter splitter = RecursiveCharacterTextSplitter.builder()
                .lengthFunction(LengthFunction.tokens(CL100K)).chunkSize(40).chunkOverlap(8).build();
        List<String> chunks = splitter.splitText(text);
        assertThat(chunks).hasSizeGreaterThan(10);
        assertThat(chunks).allSatisfy(c -> assertThat(CL100K.count(c)).isLessThanOrEqualTo(40));
    }

    @Test
    void aTextWithoutSeparatorsIsNotTokenizedOncePerChar() {
        // Chinese prose with no space or line break: only the last separator, "", applies, so the
        // splitter measures it char by char, as LangChain does; a char's count is remembered.
        String run = "天道酬勤并不是鼓励人们不劳而获，而是提醒人们要遵循自然规律。".repeat(400);
        TokenCounter o200k = TokenCounter.of("o200k_base");
        TokenLength tokens = new TokenLength(o200k);
        RecursiveCharacterTextSplitter splitter = RecursiveCharacterTextSplitter.builder().lengthFunction(tokens)
                .chunkSize(250).chunkOverlap(25).build();
        List<String> chunks = splitter.splitText(run);
        assertThat(chunks).isEqualTo(RecursiveCharacterTextSplitter.builder().lengthFunction(LengthFunction.of(o200k::count))
                .chunkSize(250).chunkOverlap(25).build().splitText(run));
        assertThat(chunks).hasSizeGreaterThan(40);
        assertThat(tokens.tokenizerCalls).as("tokenizer calls for %d chars", run.length()).isLessThan(100);
    }

    @Test
    void tokenLengthBelowStopsAtTheLimit() {
        LengthFunction tokens = LengthFunction.tokens(CL100K);
        String text = "word ".repeat(1000);
        assertThat(tokens.length(text)).isEqualTo(CL100K.count(text));
        assertThat(tokens.lengthBelow(text, 0, text.length(), 50)).isEqualTo(50);
        assertThat(tokens.lengthBelow("two words", 0, 9, 50)).isEqualTo(CL100K.count("two words"));
        assertThat(CL100K.countUpTo(text, 50)).isEqualTo(50);
        assertThat(CL100K.countUpTo("hello", 50)).isEqualTo(1);
    }
}
