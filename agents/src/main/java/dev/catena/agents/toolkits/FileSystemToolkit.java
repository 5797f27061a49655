package dev.catena.agents.toolkits;

import dev.catena.core.tools.Tool;
import dev.catena.core.tools.ToolExecutionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Tools to list, read, search and (when enabled) write files inside one root folder:
 * {@code list_directory}, {@code read_file}, {@code search_files} and {@code write_file}.
 *
 * <p>Safety rules, all on by default: a path must be relative to the root and use {@code /}; it may
 * not contain {@code ..}, a NUL, a {@code \} or a drive letter; every existing part of it is resolved
 * through its symlinks and must stay inside the root's real path (a symlink that points outside, a
 * dangling one and a symlink loop are refused); writes are off unless {@link Builder#allowWrites}
 * (and {@code write_file} is then not even offered to the model); reads and writes are limited in
 * size; only UTF-8 text is read. Every refusal throws {@link ToolExecutionException} with a message
 * saying which rule was broken, for the model to correct itself. "Not found" and "no match" are
 * errors and a plain answer respectively: a missing file is something the model asked wrongly, an
 * empty search is a result.
 *
 * <pre>{@code
 * Toolkit files = FileSystemToolkit.builder(Path.of("workspace")).allowWrites(true).build();
 * }</pre>
 */
public final class FileSystemToolkit implements Toolkit {

    private static final int MAX_LIST_ENTRIES = 500;
    private static final int MAX_SEARCH_RESULTS = 100;
    private static final int MAX_SEARCH_FILES = 10_000;

    private final SandboxRoot root;
    private final boolean writes;
    private final long maxReadBytes;
    private final long maxWriteBytes;

    private FileSystemToolkit(Builder builder) {
        this.root = new SandboxRoot(builder.root);
        this.writes = builder.writes;
        this.maxReadBytes = builder.maxReadBytes;
        this.maxWriteBytes = builder.maxWriteBytes;
    }

    /**
     * A builder for a toolkit confined to {@code root} (an existing folder).
     *
     * @param root the folder the tools may not leave; not null
     * @return a builder
     */
    public static Builder builder(Path root) {
        return new Builder(root);
    }

    /**
     * A read-only toolkit confined to {@code root}, with the default size limits.
     *
     * @param root an existing folder the tools may not leave
     * @return a toolkit without {@code write_file}
     * @throws IllegalArgumentException if {@code root} is not a folder
     */
    public static FileSystemToolkit readOnly(Path root) {
        return builder(root).build();
    }

    /** The tools: list, read and search, plus write when writes are allowed. */
    @Override
    public List<Tool> tools() {
        List<Tool> tools = new ArrayList<>(List.of(
                tool("list_directory", "Lists the files and folders in a folder of the workspace ('.' for the top).",
                        pathSchema("the folder, relative to the workspace, with '/' between names"), this::list),
                tool("read_file", "Reads a UTF-8 text file of the workspace (up to " + maxReadBytes + " bytes).",
                        pathSchema("the file, relative to the workspace, with '/' between names"), this::read),
                tool("search_files", "Finds files whose name or text contains the query (case-insensitive); "
                        + "returns matching names and lines as path:line: text.", """
                        {"type": "object",
                         "properties": {
                           "query": {"type": "string", "description": "the text to look for"},
                           "path": {"type": "string", "description": "the folder to search in, relative to the workspace; default '.'"}},
                         "required": ["query"],
                         "additionalProperties": false}""", this::search)));
        if (writes) {
            tools.add(tool("write_file", "Writes a UTF-8 text file in the workspace, replacing it if it exists and "
                    + "creating missing folders (up to " + maxWriteBytes + " bytes).", """
                    {"type": "object",
                     "properties": {
                       "path": {"type": "string", "description": "the file, relative to the workspace, with '/' between names"},
                       "content": {"type": "string", "description": "the whole new text of the file"}},
                     "required": ["path", "content"],
                     "additionalProperties": false}""", this::write));
        }
        return List.copyOf(tools);
    }

    private Tool tool(String name, String description, String schema, Function<ToolArguments, String> work) {
        return new ToolkitTool(name, description, schema, args -> {
            try {
                return work.apply(args);
            } catch (SandboxRoot.PathRefusedException e) {
                throw new ToolExecutionException(name, "refused: " + e.getMessage(), e);
            } catch (UncheckedIOException e) {
                throw new ToolExecutionException(name, describe(e.getCause()), e);
            }
        });
    }

    private static String pathSchema(String description) {
        return """
                {"type": "object",
                 "properties": {"path": {"type": "string", "description": "%s"}},
                 "required": ["path"],
                 "additionalProperties": false}""".formatted(description);
    }

    private String list(ToolArguments args) {
        Path dir = root.resolve(args.optionalString("path").orElse("."));
        if (!Files.isDirectory(dir)) {
            throw new ToolExecutionException(args.tool(), notThere(dir, "a folder"));
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> sorted = entries.sorted().toList();
            for (Path entry : sorted) {
                if (lines.size() == MAX_LIST_ENTRIES) {
                    lines.add("… " + (sorted.size() - MAX_LIST_ENTRIES) + " more entries not shown");
                    break;
                }
                BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                String name = root.show(entry);
                if (attributes.isDirectory()) {
                    lines.add(name + "/");
                } else if (attributes.isSymbolicLink()) {
                    lines.add(name + " (symbolic link)");
                } else {
                    lines.add(name + " (" + attributes.size() + " bytes)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines.isEmpty() ? "(the folder " + root.show(dir) + " is empty)" : String.join("\n", lines);
    }

    private String read(ToolArguments args) {
        Path file = root.resolve(args.string("path"));
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ToolExecutionException(args.tool(), notThere(file, "a file"));
        }
        try {
            long size = Files.size(file);
            if (size > maxReadBytes) {
                throw new ToolExecutionException(args.tool(), "the file " + root.show(file) + " is " + size
                        + " bytes, over the read limit of " + maxReadBytes + "; use search_files to find the part you need");
            }
            String text = utf8(readAtMost(file, maxReadBytes));
            if (text == null) {
                throw new ToolExecutionException(args.tool(), "the file " + root.show(file) + " is not UTF-8 text");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String search(ToolArguments args) {
        String query = args.string("query");
        if (query.isBlank()) {
            throw new ToolExecutionException(args.tool(), "the query is empty; give the text to look for");
        }
        String needle = query.toLowerCase(Locale.ROOT);
        Path dir = root.resolve(args.optionalString("path").orElse("."));
        if (!Files.isDirectory(dir)) {
            throw new ToolExecutionException(args.tool(), notThere(dir, "a folder"));
        }
        List<String> hits = new ArrayList<>();
        // Files.walk does not follow symbolic links, so a link can neither leave the root nor loop.
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .limit(MAX_SEARCH_FILES).sorted().toList();
            for (Path file : files) {
                if (hits.size() >= MAX_SEARCH_RESULTS) {
                    break;
                }
                String shown = root.show(file);
                if (file.getFileName().toString().toLowerCase(Locale.ROOT).contains(needle)) {
                    hits.add(shown + ": name matches");
                }
                if (Files.size(file) > maxReadBytes) {
                    continue;
                }
                String text = utf8(readAtMost(file, maxReadBytes));
                if (text == null) {
                    continue;
                }
                String[] lines = text.split("\n", -1);
                for (int i = 0; i < lines.length && hits.size() < MAX_SEARCH_RESULTS; i++) {
                    if (lines[i].toLowerCase(Locale.ROOT).contains(needle)) {
                        hits.add(shown + ":" + (i + 1) + ": " + abbreviate(lines[i].strip()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (hits.isEmpty()) {
            return "no file name or line under " + root.show(dir) + " contains '" + query + "'";
        }
        if (hits.size() >= MAX_SEARCH_RESULTS) {
            hits.add("… stopped at " + MAX_SEARCH_RESULTS + " matches; search a narrower folder or a longer query");
        }
        return String.join("\n", hits);
    }

    private String write(ToolArguments args) {
        if (!writes) {
            throw new ToolExecutionException(args.tool(), "refused: writing files is not enabled for this workspace");
        }
        String content = args.string("content");
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxWriteBytes) {
            throw new ToolExecutionException(args.tool(), "the content is " + bytes.length
                    + " bytes, over the write limit of " + maxWriteBytes);
        }
        Path file = root.resolve(args.string("path"));
        if (file.equals(root.realRoot()) || Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ToolExecutionException(args.tool(), "'" + args.string("path") + "' is a folder; give a file path");
        }
        try {
            Files.createDirectories(file.getParent());
            // NOFOLLOW_LINKS: the checked path is final; a link swapped in afterwards is not followed.
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "wrote " + bytes.length + " bytes to " + root.show(file);
    }

    private String notThere(Path path, String what) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                ? root.show(path) + " is not " + what
                : root.show(path) + " does not exist; use list_directory to see what is there";
    }

    private static byte[] readAtMost(Path file, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        }
    }

    /** The bytes as UTF-8 text, or null when they are not UTF-8. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "the file does not exist";
        }
        return "the file system refused: " + e.getClass().getSimpleName() + " " + Objects.toString(e.getMessage(), "");
    }

    /** Settings of a {@link FileSystemToolkit}. */
    public static final class Builder {
        private final Path root;
        private boolean writes;
        private long maxReadBytes = 1_000_000;
        private long maxWriteBytes = 1_000_000;

        private Builder(Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        /**
         * Offers {@code write_file} and allows it to write inside the root; off by default.
         *
         * @param value true to offer {@code write_file}
         * @return this builder
         */
        public Builder allowWrites(boolean value) {
            this.writes = value;
            return this;
        }

        /**
         * The largest file {@code read_file} reads and {@code search_files} looks into; 1 MB by default.
         *
         * @param value the limit in bytes, positive
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is not positive
         */
        public Builder maxReadBytes(long value) {
            if (value <= 0) {
                throw new IllegalArgumentException("maxReadBytes must be positive, got " + value);
            }
            this.maxReadBytes = value;
            return this;
        }

        /**
         * The largest content {@code write_file} writes; 1 MB by default.
         *
         * @param value the limit in bytes, positive
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is not positive
         */
        public Builder maxWriteBytes(long value) {
            if (value <= 0) {
                throw new IllegalArgumentException("maxWriteBytes must be positive, got " + value);
            }
            this.maxWriteBytes = value;
            return this;
        }

        /**
         * The toolkit; the root must be an existing folder.
         *
         * @return a toolkit with these settings
         * @throws IllegalArgumentException if the root is not a folder
         * @throws java.io.UncheckedIOException if the root cannot be opened
         */
        public FileSystemToolkit build() {
            return new FileSystemToolkit(this);
        }
    }
}
