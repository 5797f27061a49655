package dev.catena.retrieval.splitters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.documents.Document;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cases ported from LangChain's test_text_splitters.py (inputs and expected outputs). */
class MarkdownHeaderTextSplitterTest {

    private static MarkdownHeaderTextSplitter.Builder headers(int levels) {
        MarkdownHeaderTextSplitter.Builder b = MarkdownHeaderTextSplitter.builder();
        for (int i = 1; i <= levels; i++) {
            b.header("#".repeat(i), "Header " + i);
        }
        return b;
    }

    @Test
    void nestsHeaderPathIntoMetadata() {
        String md = "# Foo\n\n    ## Bar\n\nHi this is Jim\n\nHi this is Joe\n\n ### Boo \n\n Hi this is Lance \n\n"
                + " #### Bim \n\n Hi this is John \n\n ## Baz\n\n Hi this is Molly";
        assertThat(headers(4).build().split(md)).containsExactly(
                Document.of("Hi this is Jim  \nHi this is Joe", Map.of("Header 1", "Foo", "Header 2", "Bar")),
                Document.of("Hi this is Lance", Map.of("Header 1", "Foo", "Header 2", "Bar", "Header 3", "Boo")),
                Document.of("Hi this is John",
                        Map.of("Header 1", "Foo", "Header 2", "Bar", "Header 3", "Boo", "Header 4", "Bim")),
                Document.of("Hi this is Molly", Map.of("Header 1", "Foo", "Header 2", "Baz")));
    }

    @Test
    void headersOutsideTheListAreContent() {
        String md = "# Foo\n\n    ## Bar\n\nHi this is Jim\n\nHi this is Joe\n\n ### Boo \n\n Hi this is Lance \n\n"
                + " ## Baz\n\n Hi this is Molly";
        assertThat(headers(2).build().split(md)).containsExactly(
                Document.of("Hi this is Jim  \nHi this is Joe  \n### Boo  \nHi this is Lance",
                        Map.of("Header 1", "Foo", "Header 2", "Bar")),
                Document.of("Hi this is Molly", Map.of("Header 1", "Foo", "Header 2", "Baz")));
    }

    @Test
    void keepsHeadersWhenAsked() {
        String md = "# Foo\n\n    ## Bat\n\nHi this is Jim\n\nHi Joe\n\n## Baz\n\n# Bar\n\nThis is Alice\n\nThis is Bob";
        assertThat(headers(1).stripHeaders(false).build().split(md)).containsExactly(
                Document.of("# Foo  \n## Bat  \nHi this is Jim  \nHi Joe  \n## Baz", Map.of("Header 1", "Foo")),
                Document.of("# Bar  \nThis is Alice  \nThis is Bob", Map.of("Header 1", "Bar")));

        String md2 = "# Foo\n\n    ## Bar\n\nHi this is Jim\n\nHi this is Joe\n\n### Boo \n\nHi this is Lance\n\n"
                + "## Baz\n\nHi this is Molly\n    ## Buz\n# Bop";
        assertThat(headers(3).stripHeaders(false).build().split(md2)).containsExactly(
                Document.of("# Foo  \n## Bar  \nHi this is Jim  \nHi this is Joe", Map.of("Header 1", "Foo", "Header 2", "Bar")),
                Document.of("### Boo  \nHi this is Lance", Map.of("Header 1", "Foo", "Header 2", "Bar", "Header 3", "Boo")),
                Document.of("## Baz  \nHi this is Molly", Map.of("Header 1", "Foo", "Header 2", "Baz")),
                Document.of("## Buz", Map.of("Header 1", "Foo", "Header 2", "Buz")),
                Document.of("# Bop", Map.of("Header 1", "Bop")));
    }

    @Test
    void fencedCodeIsNeverSplit() {
        for (String fence : List.of("```", "~~~")) {
            String md = "# This is a Header\n\n" + fence + "\nfoo()\n# Not a header\nbar()\n" + fence;
            assertThat(headers(2).build().split(md)).containsExactly(Document.of(
                    fence + "\nfoo()\n# Not a header\nbar()\n" + fence, Map.of("Header 1", "This is a Header")));
        }
        String interleaved = "# This is a Header\n\n```\nfoo\n# Not a header\n~~~\n# Not a header\n```";
        assertThat(headers(2).build().split(interleaved)).containsExactly(Document.of(
                "```\nfoo\n# Not a header\n~~~\n# Not a header\n```", Map.of("Header 1", "This is a Header")));
    }

    @Test
    void ignoresInvisibleCharacters() {
        String md = "\ufeff# Foo\n\nfoo()\n\ufeff## Bar\n\nbar()";
        assertThat(headers(2).build().split(md)).containsExactly(Document.of("foo()", Map.of("Header 1", "Foo")),
                Document.of("bar()", Map.of("Header 1", "Foo", "Header 2", "Bar")));
    }

    @Test
    void splitDocumentsAddsHeadersToSourceMetadata() {
        List<Document> out = headers(1).build().splitDocuments(List.of(Document.of("# A\ntext", Map.of("source", "a.md"))));
        assertThat(out).containsExactly(Document.of("text", Map.of("source", "a.md", "Header 1", "A")));
    }

    @Test
    void returnsEachLineWhenAsked() {
        List<Document> out = headers(1).returnEachLine(true).build().split("# A\nline one\n\nline two");
        assertThat(out).containsExactly(Document.of("line one", Map.of("Header 1", "A")),
                Document.of("line two", Map.of("Header 1", "A")));
    }

    @Test
    void customHeaderPatternsMakeWrappedLinesHeaders() {
        MarkdownHeaderTextSplitter splitter = MarkdownHeaderTextSplitter.builder().header("**", "Main")
                .header("***", "Sub").customHeaderPattern("**", 1).customHeaderPattern("***", 2).build();
        String md = "\n**Introduction**\nThis is the introduction.\n\n***Background***\nBackground details.\n";
        assertThat(splitter.split(md)).containsExactly(
                Document.of("This is the introduction.", Map.of("Main", "Introduction")),
                Document.of("Background details.", Map.of("Main", "Introduction", "Sub", "Background")));
    }

    @Test
    void customHeaderNeedsTheMarkerOnceAtBothEndsAroundRealText() {
        MarkdownHeaderTextSplitter splitter = MarkdownHeaderTextSplitter.builder().header("#", "Header 1")
                .header("**", "Bold").customHeaderPattern("**", 2).build();
        String md = "# Top\n**bold** words after\n*** ***\n**Part**\nbody";
        assertThat(splitter.split(md)).containsExactly(
                Document.of("**bold** words after\n*** ***", Map.of("Header 1", "Top")),
                Document.of("body", Map.of("Header 1", "Top", "Bold", "Part")));
    }
}
