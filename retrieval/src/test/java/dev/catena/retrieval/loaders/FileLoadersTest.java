package dev.catena.retrieval.loaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.documents.Document;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLoadersTest {

    @TempDir
    Path dir;

    @Test
    void textFileDetectsUtf8Gb18030AndBom() throws Exception {
        String chinese = "天道酬勤，只要坚持。";
        Path utf8 = Files.writeString(dir.resolve("a.txt"), chinese);
        Path gbk = Files.write(dir.resolve("b.txt"), chinese.getBytes(Charset.forName("GB18030")));
        byte[] body = "héllo".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Path utf16 = Files.write(dir.resolve("c.txt"), withBom);

        assertThat(TextFileLoader.of(utf8).load()).containsExactly(Document.of(chinese,
                Map.of("source", utf8.toString(), "charset", "UTF-8", "charset_confidence", 0.99)));
        Document fromGb = TextFileLoader.of(gbk).load().get(0);
        assertThat(fromGb.text()).isEqualTo(chinese);
        assertThat(fromGb.metadata()).containsEntry("charset", "GB18030");
        assertThat(TextFileLoader.of(utf16).load().get(0).text()).isEqualTo("héllo");
    }

    @Test
    void explicitCharsetRejectsBytesThatDoNotFit() throws Exception {
        Path gbk = Files.write(dir.resolve("b.txt"), "天道酬勤".getBytes(Charset.forName("GB18030")));
        assertThatThrownBy(() -> TextFileLoader.of(gbk, StandardCharsets.UTF_8).load())
                .isInstanceOf(DocumentLoadException.class).hasMessageContaining("is not valid UTF-8");
        assertThat(TextFileLoader.of(gbk, Charset.forName("GB18030")).load().get(0).text()).isEqualTo("天道酬勤");
    }

    @Test
    void missingFileFailsWhenConsumedNotWhenBuilt() {
        Path missing = dir.resolve("nope.txt");
        Stream<Document> lazy = TextFileLoader.of(missing).lazyLoad();
        assertThatThrownBy(lazy::toList).isInstanceOf(DocumentLoadException.class)
                .hasMessageContaining("nope.txt").hasMessageContaining("check it exists");
    }

    @Test
    void markdownKeepsMarkupDropsFrontMatterAndFindsTitle() throws Exception {
        Path md = Files.writeString(dir.resolve("guide.md"),
                "---\nauthor: x\n---\n```\n# not a title\n```\n# Getting started\n\nSome *text*.\n");
        Document doc = MarkdownLoader.of(md).load().get(0);
        assertThat(doc.text()).startsWith("```\n# not a title").contains("# Getting started\n\nSome *text*.");
        assertThat(doc.metadata()).containsEntry("title", "Getting started").containsEntry("source", md.toString());
    }

    @Test
    void htmlGivesVisibleTextTitleLanguageAndAbsoluteLinks() throws Exception {
        Path html = Files.writeString(dir.resolve("page.html"), """
                <html lang="zh"><head><title>天道酬勤</title><style>p{color:red}</style></head>
                <body><h1>Heading</h1>
                <p>First   paragraph with a <a href="other.html">link</a>.</p>
                <script>var hidden = 1;</script><div hidden>secret</div>
                <ul><li>one</li><li>two</li></ul>
                <p>See <a href="https://example.org/x">x</a> and <a href="https://example.org/x">again</a>.</p>
                </body></html>""");
        Document doc = HtmlLoader.of(html).load().get(0);
        assertThat(doc.text()).isEqualTo("Heading\nFirst paragraph with a link.\none\ntwo\nSee x and again.");
        assertThat(doc.metadata()).containsEntry("title", "天道酬勤").containsEntry("language", "zh");
        assertThat(doc.metadata().get("links")).isEqualTo(
                List.of(dir.resolve("other.html").toUri().toURL().toString(), "https://example.org/x"));
    }

    @Test
    void csvGivesOneDocumentPerRowWithQuotedFields() throws Exception {
        Path csv = Files.writeString(dir.resolve("people.csv"),
                "\uFEFFid,name,bio\n1,Ada,\"Wrote the first program, \"\"Note G\"\"\"\n\n2,Lin,\"line one\nline two\"\n");
        List<Document> docs = CsvLoader.builder(csv).metadataColumns("id").build().load();
        assertThat(docs).containsExactly(
                Document.of("name: Ada\nbio: Wrote the first program, \"Note G\"",
                        Map.of("source", csv.toString(), "row", 0, "id", "1")),
                Document.of("name: Lin\nbio: line one\nline two", Map.of("source", csv.toString(), "row", 1, "id", "2")));
        List<Document> named = CsvLoader.builder(csv).contentColumns("bio").sourceColumn("name").build().load();
        assertThat(named).extracting(d -> d.metadata().get("source")).containsExactly("Ada", "Lin");
        assertThat(named.get(1).text()).isEqualTo("bio: line one\nline two");
    }

    @Test
    void csvReportsRaggedRowsAndUnknownColumns() throws Exception {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3\n");
        assertThatThrownBy(() -> CsvLoader.builder(csv).build().load()).isInstanceOf(DocumentLoadException.class)
                .hasMessageContaining("line 3 has 1 fields but the header has 2");
        assertThatThrownBy(() -> CsvLoader.builder(csv).metadataColumns("c").build().load())
                .hasMessageContaining("no column 'c'");
    }

    @Test
    void jsonSelectsRecordsAndTextByPointer() throws Exception {
        Path json = Files.writeString(dir.resolve("chat.json"), """
                {"messages": [
                  {"content": "hello", "sender": {"name": "ann"}, "n": 1},
                  {"content": {"rich": true}, "sender": {"name": "bob"}, "n": 2}
                ]}""");
        List<Document> docs = JsonLoader.builder(json).records("/messages").text("/content")
                .metadata("author", "/sender/name").metadata("n", "/n").build().load();
        assertThat(docs).containsExactly(
                Document.of("hello", Map.of("source", json.toString(), "seq_num", 1, "author", "ann", "n", 1)),
                Document.of("{\"rich\":true}", Map.of("source", json.toString(), "seq_num", 2, "author", "bob", "n", 2)));
        assertThatThrownBy(() -> JsonLoader.builder(json).records("/messages").text("/body").build().load())
                .hasMessageContaining("no text at pointer '/body'");
        assertThatThrownBy(() -> JsonLoader.builder(json).records("/nothing").build().load())
                .hasMessageContaining("nothing at records pointer");
    }

    @Test
    void jsonLinesAreReadLazilyAndBadLinesNamed() throws Exception {
        Path jsonl = Files.writeString(dir.resolve("log.jsonl"), "{\"t\":\"a\"}\n\n{\"t\":\"b\"}\n{broken\n");
        try (Stream<Document> docs = JsonLoader.builder(jsonl).text("/t").build().lazyLoad()) {
            assertThat(docs.limit(2).map(Document::text)).containsExactly("a", "b");
        }
        assertThatThrownBy(() -> JsonLoader.builder(jsonl).text("/t").build().load())
                .isInstanceOf(DocumentLoadException.class).hasMessageContaining("record 3 of JSON Lines");
    }
}
