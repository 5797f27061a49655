package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentLoaderExampleTest {

    @TempDir
    Path dir;

    @Test
    void loadsEveryReadableFileWithItsMetadataAndReportsTheBrokenOne() throws Exception {
        List<String> lines = ExampleRun.lines(() -> DocumentLoaderExample.main(new String[] {dir.toString()}));

        assertThat(lines.get(0)).startsWith("Loaded 9 documents from ");
        int skipped = lines.indexOf("Skipped 1 file(s):");
        List<String> docs = lines.subList(1, skipped).stream().map(String::strip).toList();
        // Name order, a folder's files before its sub-folder's; the .tmp file is excluded by the glob.
        assertThat(docs).extracting(l -> l.split("\\s+")[0]).containsExactly("chat.json", "chat.json", "manual.pdf",
                "manual.pdf", "plants.csv", "plants.csv", "proverb.txt", "notes/page.html", "notes/readme.md");
        assertThat(docs.get(0)).contains("seq_num=1 author=Ada").endsWith("Can the loader read JSON?");
        assertThat(docs.get(2)).contains("page=0 page_label=1 total_pages=2").endsWith("Unplug the router and wait ten seconds.");
        assertThat(docs.get(3)).contains("page=1 page_label=2").contains("Plug it back in");
        assertThat(docs.get(4)).contains("row=0 name=Basil").endsWith("light: full sun water: often, keep moist");
        assertThat(docs.get(6)).contains("charset=GB18030").endsWith("天道酬勤。勤奋的人终会得到回报。");
        assertThat(docs.get(7)).contains("title=BM25 in one page language=en links=[https://en.wikipedia.org/wiki/Okapi_BM25]")
                .contains("Keyword search BM25 ranks documents by").doesNotContain("console.log").doesNotContain("color");
        assertThat(docs.get(8)).contains("title=Loading files").contains("# Loading files").doesNotContain("author");
        assertThat(lines.subList(skipped + 1, lines.size())).singleElement().asString()
                .startsWith("  broken.pdf: ").contains("complete, unencrypted PDF").doesNotContain(dir.toString());
    }
}
