package dev.catena.agents.toolkits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.tools.Tool;
import dev.catena.core.tools.ToolExecutionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemToolkitTest {

    @TempDir
    Path temp;
    Path root;
    Path outside;

    @BeforeEach
    void files() throws IOException {
        root = Files.createDirectories(temp.resolve("workspace"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "the secret");
        Files.createDirectories(root.resolve("notes"));
        Files.writeString(root.resolve("notes/todo.md"), "buy milk\nwrite the Report\n");
        Files.writeString(root.resolve("readme.txt"), "hello");
    }

    private static Map<String, Tool> tools(FileSystemToolkit toolkit) {
        return toolkit.tools().stream().collect(Collectors.toMap(t -> t.spec().name(), t -> t));
    }

    private static String json(String key, String value) {
        return "{\"" + key + "\": \"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\0", "\\u0000") + "\"}";
    }

    @Test
    void listsReadsAndSearchesInsideTheRoot() {
        Map<String, Tool> tools = tools(FileSystemToolkit.readOnly(root));
        assertThat(tools).containsOnlyKeys("list_directory", "read_file", "search_files");
        assertThat(tools.get("list_directory").execute(json("path", "."))).isEqualTo("notes/\nreadme.txt (5 bytes)");
        assertThat(tools.get("list_directory").execute(json("path", "notes"))).isEqualTo("notes/todo.md (26 bytes)");
        assertThat(tools.get("read_file").execute(json("path", "notes/todo.md"))).isEqualTo("buy milk\nwrite the Report\n");
        assertThat(tools.get("read_file").execute(json("path", "./notes//todo.md"))).startsWith("buy milk");
        assertThat(tools.get("search_files").execute("{\"query\": \"report\"}"))
                .isEqualTo("notes/todo.md:2: write the Report");
        assertThat(tools.get("search_files").execute("{\"query\": \"TODO\"}")).isEqualTo("notes/todo.md: name matches");
        assertThat(tools.get("search_files").execute("{\"query\": \"zebra\"}"))
                .isEqualTo("no file name or line under . contains 'zebra'");
    }

    @Test
    void dotDotIsRefused() {
        Tool read = tools(FileSystemToolkit.readOnly(root)).get("read_file");
        assertThatThrownBy(() -> read.execute(json("path", "../outside/secret.txt")))
                .isInstanceOf(ToolExecutionException.class)
                .hasMessage("tool 'read_file' failed: refused: the path '../outside/secret.txt' contains '..'; "
                        + "only paths inside the root folder are allowed");
        assertThatThrownBy(() -> read.execute(json("path", "notes/../../outside/secret.txt")))
                .hasMessageContaining("contains '..'");
        assertThatThrownBy(() -> read.execute(json("path", "missing/../../outside/secret.txt")))
                .hasMessageContaining("contains '..'");
    }

    @Test
    void absolutePathsAreRefusedEvenInsideTheRoot() {
        Tool read = tools(FileSystemToolkit.readOnly(root)).get("read_file");
        assertThatThrownBy(() -> read.execute(json("path", outside.resolve("secret.txt").toString())))
                .hasMessageContaining("is absolute; give a path relative to the root folder");
        assertThatThrownBy(() -> read.execute(json("path", "/etc/passwd"))).hasMessageContaining("is absolute");
        assertThatThrownBy(() -> read.execute(json("path", root.resolve("readme.txt").toString())))
                .hasMessageContaining("is absolute");
        assertThatThrownBy(() -> read.execute(json("path", "~/secret.txt"))).hasMessageContaining("is absolute");
    }

    @Test
    void windowsSeparatorsDriveLettersAndNulAreRefused() {
        Tool read = tools(FileSystemToolkit.readOnly(root)).get("read_file");
        assertThatThrownBy(() -> read.execute(json("path", "notes\\todo.md"))).hasMessageContaining("use '/'");
        assertThatThrownBy(() -> read.execute(json("path", "..\\outside\\secret.txt"))).hasMessageContaining("contains '\\'");
        assertThatThrownBy(() -> read.execute(json("path", "C:/Windows/win.ini"))).hasMessageContaining("names a drive");
        assertThatThrownBy(() -> read.execute(json("path", "c:secret.txt"))).hasMessageContaining("names a drive");
        assertThatThrownBy(() -> read.execute(json("path", "readme.txt\0.png"))).hasMessageContaining("NUL character");
    }

    @Test
    void aSymlinkThatEscapesIsRefusedWhereverItIsInThePath() throws IOException {
        Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("notes/up"), temp);
        Map<String, Tool> tools = tools(FileSystemToolkit.builder(root).allowWrites(true).build());
        assertThatThrownBy(() -> tools.get("read_file").execute(json("path", "link.txt")))
                .hasMessageContaining("goes through a symbolic link that points outside the root folder");
        assertThatThrownBy(() -> tools.get("read_file").execute(json("path", "out/secret.txt")))
                .hasMessageContaining("points outside the root folder");
        assertThatThrownBy(() -> tools.get("read_file").execute(json("path", "notes/up/outside/secret.txt")))
                .hasMessageContaining("points outside the root folder");
        assertThatThrownBy(() -> tools.get("list_directory").execute(json("path", "out")))
                .hasMessageContaining("points outside the root folder");
        assertThatThrownBy(() -> tools.get("write_file").execute("{\"path\": \"out/new.txt\", \"content\": \"x\"}"))
                .hasMessageContaining("points outside the root folder");
        assertThat(outside.resolve("new.txt")).doesNotExist();
        // Search does not follow links, so the secret behind them is never read.
        assertThat(tools.get("search_files").execute("{\"query\": \"secret\"}"))
                .isEqualTo("no file name or line under . contains 'secret'");
    }

    @Test
    void aDanglingSymlinkCannotBeWrittenThrough() throws IOException {
        Files.createSymbolicLink(root.resolve("dangling.txt"), outside.resolve("created-by-model.txt"));
        Tool write = tools(FileSystemToolkit.builder(root).allowWrites(true).build()).get("write_file");
        assertThatThrownBy(() -> write.execute("{\"path\": \"dangling.txt\", \"content\": \"x\"}"))
                .hasMessageContaining("symbolic link whose target does not exist");
        assertThat(outside.resolve("created-by-model.txt")).doesNotExist();
    }

    @Test
    void aSymlinkLoopIsRefused() throws IOException {
        Files.createSymbolicLink(root.resolve("a"), root.resolve("b"));
        Files.createSymbolicLink(root.resolve("b"), root.resolve("a"));
        Tool read = tools(FileSystemToolkit.readOnly(root)).get("read_file");
        assertThatThrownBy(() -> read.execute(json("path", "a/file.txt")))
                .hasMessageContaining("symbolic link that cannot be resolved (a symlink loop?)");
    }

    @Test
    void aSymlinkInsideTheRootIsFollowed() throws IOException {
        Files.createSymbolicLink(root.resolve("todo-link.md"), root.resolve("notes/todo.md"));
        Tool read = tools(FileSystemToolkit.readOnly(root)).get("read_file");
        assertThat(read.execute(json("path", "todo-link.md"))).startsWith("buy milk");
    }

    @Test
    void theRootMayItselfBeReachedThroughASymlink() throws IOException {
        Path alias = Files.createSymbolicLink(temp.resolve("alias"), root);
        Tool read = tools(FileSystemToolkit.readOnly(alias)).get("read_file");
        assertThat(read.execute(json("path", "readme.txt"))).isEqualTo("hello");
    }

    @Test
    void writesAreOffUnlessEnabled() throws IOException {
        assertThat(tools(FileSystemToolkit.readOnly(root))).doesNotContainKey("write_file");
        Tool write = tools(FileSystemToolkit.builder(root).allowWrites(true).maxWriteBytes(10).build()).get("write_file");
        assertThat(write.execute("{\"path\": \"out/deep/new.txt\", \"content\": \"héllo\"}"))
                .isEqualTo("wrote 6 bytes to out/deep/new.txt");
        assertThat(Files.readString(root.resolve("out/deep/new.txt"))).isEqualTo("héllo");
        assertThatThrownBy(() -> write.execute("{\"path\": \"big.txt\", \"content\": \"0123456789A\"}"))
                .hasMessageContaining("11 bytes, over the write limit of 10");
        assertThat(root.resolve("big.txt")).doesNotExist();
        assertThatThrownBy(() -> write.execute("{\"path\": \"notes\", \"content\": \"x\"}"))
                .hasMessageContaining("is a folder");
        assertThatThrownBy(() -> write.execute("{\"path\": \"x.txt\"}"))
                .hasMessageContaining("the argument 'content' is missing");
    }

    @Test
    void readsAreLimitedInSizeAndToText() throws IOException {
        Files.write(root.resolve("big.txt"), "x".repeat(101).getBytes(StandardCharsets.UTF_8));
        Files.write(root.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, (byte) 0xfe});
        Tool read = tools(FileSystemToolkit.builder(root).maxReadBytes(100).build()).get("read_file");
        assertThatThrownBy(() -> read.execute(json("path", "big.txt")))
                .hasMessageContaining("big.txt is 101 bytes, over the read limit of 100");
        assertThatThrownBy(() -> read.execute(json("path", "image.png"))).hasMessageContaining("is not UTF-8 text");
        assertThatThrownBy(() -> read.execute(json("path", "nothing.txt")))
                .hasMessageContaining("nothing.txt does not exist; use list_directory");
        assertThatThrownBy(() -> read.execute(json("path", "notes"))).hasMessageContaining("notes is not a file");
    }
}
