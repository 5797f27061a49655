package dev.catena.retrieval.loaders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.documents.Document;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a folder load may touch and hold: links out of the folder are not followed unless allowed,
 * link loops end, files over the size limit are not read, and one file that exhausts the heap
 * costs only itself (checked in a child JVM with a 64 MB heap).
 */
class DirectoryLoaderBoundsTest {

    @TempDir
    Path dir;

    private static List<String> texts(List<Document> docs) {
        return docs.stream().map(Document::text).toList();
    }

    @Test
    void linksOutOfTheFolderAreReportedNotFollowedUnlessAllowed() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "outside secret");
        Files.writeString(root.resolve("inside.txt"), "inside text");
        Files.createSymbolicLink(root.resolve("file-link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("folder-link"), outside);
        Files.createSymbolicLink(root.resolve("inner-link.txt"), root.resolve("inside.txt"));

        List<SkippedFile> skipped = new ArrayList<>();
        List<Document> docs = DirectoryLoader.builder(root).onSkipped(skipped::add).build().load();
        assertThat(texts(docs)).containsExactly("inside text", "inside text");
        assertThat(skipped).extracting(s -> s.path().getFileName().toString())
                .containsExactlyInAnyOrder("file-link.txt", "folder-link");
        assertThat(skipped).allSatisfy(s -> assertThat(s.reason()).contains("outside the folder being loaded")
                .contains("linksOutsideRoot(true)"));

        List<Document> allowed = DirectoryLoader.builder(root).linksOutsideRoot(true).build().load();
        assertThat(texts(allowed)).containsExactlyInAnyOrder("inside text", "inside text", "outside secret", "outside secret");
    }

    @Test
    void aLinkLoopIsReportedAndTheWalkEnds() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path sub = Files.createDirectories(root.resolve("sub"));
        Files.writeString(sub.resolve("a.txt"), "in sub");
        Files.createSymbolicLink(sub.resolve("back-to-root"), root);
        Files.createSymbolicLink(sub.resolve("self"), sub);

        List<SkippedFile> skipped = new ArrayList<>();
        List<Document> docs = DirectoryLoader.builder(root).onSkipped(skipped::add).build().load();
        assertThat(texts(docs)).containsExactly("in sub");
        assertThat(skipped).extracting(s -> s.path().getFileName().toString()).containsExactlyInAnyOrder("back-to-root", "self");
        assertThat(skipped).allSatisfy(s -> assertThat(s.reason()).contains("walked already"));
    }

    @Test
    void filesOverTheSizeLimitAreReportedNotRead() throws Exception {
        Files.writeString(dir.resolve("small.txt"), "small");
        Files.writeString(dir.resolve("big.txt"), "x".repeat(2000));
        List<SkippedFile> skipped = new ArrayList<>();
        List<Document> docs = DirectoryLoader.builder(dir).maxFileSize(1000).onSkipped(skipped::add).build().load();
        assertThat(texts(docs)).containsExactly("small");
        assertThat(skipped).singleElement().satisfies(s -> assertThat(s.reason())
                .isEqualTo("is 2000 bytes, over the limit of 1000 bytes; raise maxFileSize(...) to load it"));
        assertThat(DirectoryLoader.DEFAULT_MAX_FILE_SIZE).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void aHugeFileNeitherExhaustsASmallHeapNorStopsTheRestOfTheFolder() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "before the big one");
        try (RandomAccessFile big = new RandomAccessFile(dir.resolve("b-huge.txt").toFile(), "rw")) {
            big.setLength(200L << 20); // sparse: 200 MB of zeros that take no disk space
        }
        Files.writeString(dir.resolve("c.txt"), "after the big one");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), Child.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        // default limit: the file is not read at all
        assertThat(out).as(out).contains("default loaded: [before the big one, after the big one]")
                .contains("default skipped b-huge.txt: is 209715200 bytes, over the limit of 67108864 bytes");
        // limit raised past the heap: its loader runs out of memory, that file alone is reported
        assertThat(out).as(out).contains("raised loaded: [before the big one, after the big one]")
                .contains("raised skipped b-huge.txt: java.lang.OutOfMemoryError");
    }

    /** Runs in the child JVM with a 64 MB heap. */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] args) {
            Path dir = Path.of(args[0]);
            load("default", DirectoryLoader.builder(dir), dir);
            load("raised", DirectoryLoader.builder(dir).maxFileSize(1L << 30), dir);
        }

        private static void load(String label, DirectoryLoader.Builder builder, Path dir) {
            List<Document> docs = builder.onSkipped(s -> System.out.println(label + " skipped " + s.path().getFileName()
                    + ": " + (s.error() instanceof OutOfMemoryError ? s.error().getClass().getName() : s.reason()))).build().load();
            System.out.println(label + " loaded: " + docs.stream().map(Document::text).toList());
        }
    }
}
