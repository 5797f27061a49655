package dev.catena.retrieval.splitters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.documents.Document;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases ported from LangChain's test_text_splitters.py (inputs and expected outputs). */
class CharacterTextSplitterTest {

    private static CharacterTextSplitter spaces(int size, int overlap) {
        return CharacterTextSplitter.builder().separator(" ").chunkSize(size).chunkOverlap(overlap).build();
    }

    @Test
    void overlapsWordsAcrossChunks() {
        assertThat(spaces(7, 3).splitText("foo bar baz 123")).containsExactly("foo bar", "bar baz", "baz 123");
    }

    @Test
    void neverCreatesEmptyChunks() {
        assertThat(spaces(2, 0).splitText("foo  bar")).containsExactly("foo", "bar");
        assertThat(spaces(2, 0).splitText("f b")).containsExactly("f", "b");
    }

    @Test
    void longWordsStayWhole() {
        assertThat(spaces(3, 1).splitText("foo bar baz a a")).containsExactly("foo", "bar", "baz", "a a");
        assertThat(spaces(3, 1).splitText("a a foo bar baz")).containsExactly("a a", "foo", "bar", "baz");
        assertThat(spaces(1, 1).splitText("foo bar baz 123")).containsExactly("foo", "bar", "baz", "123");
    }

    @ParameterizedTest
    @CsvSource({"\\.,true", ".,false"})
    void keepsRegexSpecialSeparatorAtStartOrEndOrDropsIt(String separator, boolean regex) {
        String text = "foo.bar.baz.123";
        for (KeepSeparator keep : KeepSeparator.values()) {
            CharacterTextSplitter.Builder b = CharacterTextSplitter.builder().chunkSize(1).chunkOverlap(0).keepSeparator(keep);
            CharacterTextSplitter splitter = (regex ? b.separatorRegex(separator) : b.separator(separator)).build();
            List<String> expected = switch (keep) {
                case START -> List.of("foo", ".bar", ".baz", ".123");
                case END -> List.of("foo.", "bar.", "baz.", "123");
                case NONE -> List.of("foo", "bar", "baz", "123");
            };
            assertThat(splitter.splitText(text)).as(keep.name()).isEqualTo(expected);
        }
    }

    @Test
    void rejectsInconsistentSizes() {
        assertThatThrownBy(() -> spaces(2, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("larger chunk overlap (4) than chunk size (2)");
        assertThatThrownBy(() -> spaces(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spaces(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spaces(2, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mergesWithSeparatorAndOverlap() {
        // LangChain test_merge_splits: pieces foo, bar, baz with size 9, overlap 2.
        assertThat(spaces(9, 2).splitText("foo bar baz")).containsExactly("foo bar", "baz");
    }

    @Test
    void createsDocumentsWithCopiedMetadata() {
        CharacterTextSplitter splitter = spaces(3, 0);
        assertThat(splitter.createDocuments(List.of("foo bar", "baz"), null))
                .containsExactly(Document.of("foo"), Document.of("bar"), Document.of("baz"));
        List<Document> docs = splitter.createDocuments(List.of("foo bar", "baz"),
                List.of(Map.of("source", "1"), Map.of("source", "2")));
        assertThat(docs).containsExactly(Document.of("foo", Map.of("source", "1")),
                Document.of("bar", Map.of("source", "1")), Document.of("baz", Map.of("source", "2")));
    }

    @Test
    void rejectsMismatchedMetadataCount() {
        assertThatThrownBy(() -> spaces(3, 0).createDocuments(List.of("a", "b"), List.of(Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 texts but 1");
    }

    @Test
    void startIndicesAreExactWithOverlap() {
        CharacterTextSplitter splitter = CharacterTextSplitter.builder().separator(" ").chunkSize(7).chunkOverlap(3)
                .addStartIndex(true).build();
        String text = "foo bar baz 123";
        List<Document> docs = splitter.createDocuments(List.of(text), null);
        assertThat(docs).containsExactly(Document.of("foo bar", Map.of("start_index", 0)),
                Document.of("bar baz", Map.of("start_index", 4)), Document.of("baz 123", Map.of("start_index", 8)));
    }

    @Test
    void startIndexOfRepeatedTextPointsAtTheRightOccurrence() {
        // "a a" occurs many times; a search-based index would point at the first one.
        CharacterTextSplitter splitter = spaces(3, 1);
        String text = "a a a a a a";
        for (TextChunk c : splitter.chunks(text)) {
            assertThat(text.startsWith(c.text(), c.startIndex())).isTrue();
        }
        assertThat(splitter.chunks(text)).extracting(TextChunk::startIndex).containsExactly(0, 2, 4, 6, 8);
    }

    @Test
    void splitDocumentsByCharactersKeepsEachSourcesMetadata() {
        CharacterTextSplitter splitter = CharacterTextSplitter.builder().separator("").chunkSize(1).chunkOverlap(0).build();
        List<Document> out = splitter.splitDocuments(List.of(Document.of("foo", Map.of("source", "1")),
                Document.of("bar", Map.of("source", "2")), Document.of("baz", Map.of("source", "1"))));
        assertThat(out).extracting(Document::text).containsExactly("f", "o", "o", "b", "a", "r", "b", "a", "z");
        assertThat(out).extracting(d -> d.metadata().get("source"))
                .containsExactly("1", "1", "1", "2", "2", "2", "1", "1", "1");
    }

    @Test
    void zeroWidthLookaroundSeparatorIsNotReinserted() {
        CharacterTextSplitter splitter = CharacterTextSplitter.builder().separatorRegex("(?=Q)")
                .chunkSize(4).chunkOverlap(0).build();
        assertThat(splitter.splitText("aQbQcccQd")).containsExactly("aQb", "Qccc", "Qd");
    }

    @Test
    void lengthIsCountedInCodePoints() {
        // Each emoji is two UTF-16 units but one code point, like Python's len.
        CharacterTextSplitter splitter = CharacterTextSplitter.builder().separator(" ").chunkSize(3).chunkOverlap(0).build();
        assertThat(splitter.splitText("😀 😀 😀 😀")).containsExactly("😀 😀", "😀 😀");
        CharacterTextSplitter utf16 = CharacterTextSplitter.builder().separator(" ").chunkSize(3).chunkOverlap(0)
                .lengthFunction(LengthFunction.utf16Units()).build();
        assertThat(utf16.splitText("😀 😀 😀 😀")).containsExactly("😀", "😀", "😀", "😀");
    }
}
