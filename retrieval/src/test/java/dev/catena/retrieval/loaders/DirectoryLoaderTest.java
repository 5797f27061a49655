package dev.catena.retrieval.loaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.documents.Document;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLoaderTest {

    @TempDir
    Path root;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(root.resolve("readme.md"), "# Readme\nhello");
        Files.writeString(root.resolve("notes.txt"), "plain notes");
        Files.writeString(root.resolve(".hidden.txt"), "hidden");
        Files.createDirectories(root.resolve("docs/deep"));
        Files.writeString(root.resolve("docs/page.html"), "<title>T</title><p>page text</p>");
        Files.writeString(root.resolve("docs/deep/data.csv"), "q,a\nwhy,because\n");
        PdfLoaderTest.writePdf(root.resolve("docs/deep/good.pdf"), "pdf text");
        Files.writeString(root.resolve("docs/deep/broken.pdf"), "not a pdf at all");
        Files.createSymbolicLink(root.resolve("docs/dangling.txt"), root.resolve("missing-target.txt"));
    }

    private static List<String> names(List<Document> docs) {
        return docs.stream().map(d -> Path.of((String) d.metadata().get("source")).getFileName().toString()).toList();
    }

    @Test
    void loadsEveryReadableFileAndReportsTheRest() {
        List<SkippedFile> skipped = Collections.synchronizedList(new ArrayList<>());
        List<Document> docs = DirectoryLoader.builder(root).onSkipped(skipped::add).build().load();
        assertThat(names(docs)).containsExactly("notes.txt", "readme.md", "page.html", "data.csv", "good.pdf");
        assertThat(docs.get(3).text()).isEqualTo("q: why\na: because");
        assertThat(docs.get(4).text()).isEqualTo("pdf text");
        assertThat(docs.get(2).text()).isEqualTo("page text");
        assertThat(skipped).extracting(s -> s.path().getFileName().toString())
                .containsExactlyInAnyOrder("broken.pdf", "dangling.txt");
        assertThat(skipped).filteredOn(s -> s.path().endsWith("broken.pdf")).singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("could not read PDF"));
        assertThat(skipped).filteredOn(s -> s.path().endsWith("dangling.txt")).singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("does not exist"));
    }

    @Test
    void includeExcludeAndRecursion() {
        List<Document> markdownAndText = DirectoryLoader.builder(root).include("**/*.md", "**/*.txt")
                .exclude("docs/**").build().load();
        assertThat(names(markdownAndText)).containsExactly("notes.txt", "readme.md");
        List<Document> topOnly = DirectoryLoader.builder(root).recursive(false).build().load();
        assertThat(names(topOnly)).containsExactly("notes.txt", "readme.md");
        List<Document> pdfs = DirectoryLoader.builder(root).include("**/*.pdf").onSkipped(s -> { }).build().load();
        assertThat(names(pdfs)).containsExactly("good.pdf");
        List<Document> hidden = DirectoryLoader.builder(root).recursive(false).includeHidden(true).build().load();
        assertThat(names(hidden)).containsExactly(".hidden.txt", "notes.txt", "readme.md");
    }

    @Test
    void parallelLoadKeepsOrderAndResults() throws Exception {
        for (int i = 0; i < 40; i++) {
            Files.writeString(Files.createDirectories(root.resolve("many")).resolve(String.format("f%02d.txt", i)),
                    "file " + i);
        }
        List<Document> sequential = DirectoryLoader.builder(root.resolve("many")).build().load();
        List<Document> parallel = DirectoryLoader.builder(root.resolve("many")).parallel(true).build().load();
        assertThat(parallel).isEqualTo(sequential).hasSize(40);
    }

    @Test
    void filesAreReadOnlyAsTheStreamReachesThem() {
        AtomicInteger opened = new AtomicInteger();
        DirectoryLoader loader = DirectoryLoader.builder(root).include("**/*.txt", "**/*.md").loader(file -> {
            opened.incrementAndGet();
            return TextFileLoader.of(file);
        }).onSkipped(s -> { }).build();
        try (Stream<Document> docs = loader.lazyLoad()) {
            assertThat(docs.findFirst()).isPresent();
        }
        assertThat(opened.get()).isEqualTo(1);
    }

    @Test
    void rootMustBeAFolder() {
        assertThatThrownBy(() -> DirectoryLoader.builder(root.resolve("notes.txt")).build().load())
                .isInstanceOf(DocumentLoadException.class).hasMessageContaining("is not a folder");
    }
}
