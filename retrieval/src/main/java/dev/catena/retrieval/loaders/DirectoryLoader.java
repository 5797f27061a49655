package dev.catena.retrieval.loaders;

import dev.catena.core.documents.Document;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads every matching file under a folder, as LangChain's {@code DirectoryLoader}: glob include
 * and exclude patterns on the path relative to the folder, recursive or not, optionally in
 * parallel, choosing a loader per file by extension (PDF, HTML, Markdown, CSV, JSON, JSON Lines,
 * anything else as text).
 *
 * <p>A file that cannot be read or parsed never aborts the load: it is reported to the
 * {@link Builder#onSkipped} listener with the reason (by default a warning is logged) and the
 * load goes on, whatever the file's loader throws, even an {@link Error} such as
 * {@link OutOfMemoryError}. Files larger than {@link Builder#maxFileSize} (64 MiB by default) are
 * reported and not read. The folder is walked lazily, one folder listing at a time, and each file
 * is read only when the stream reaches it.
 *
 * <p>File access stays inside the folder: a symbolic link whose target is outside it is reported
 * and not followed unless {@link Builder#linksOutsideRoot} allows it. Links to folders inside it
 * are walked, and a link loop is reported, not followed round.
 *
 * <p>Globs use {@link FileSystem#getPathMatcher} syntax; a pattern starting with {@code **}{@code /}
 * also matches files directly in the folder, so {@code "**}{@code /*.md"} finds {@code README.md}.
 */
public final class DirectoryLoader implements DocumentLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryLoader.class);

    /** The default {@link Builder#maxFileSize}: 64 MiB. */
    public static final long DEFAULT_MAX_FILE_SIZE = 64L << 20;

    private final Path root;
    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;
    private final boolean recursive;
    private final boolean parallel;
    private final boolean includeHidden;
    private final Function<Path, DocumentLoader> loaderForFile;
    private final Consumer<SkippedFile> onSkipped;
    private final long maxFileSize;
    private final boolean linksOutsideRoot;

    private DirectoryLoader(Builder b) {
        this.root = b.root;
        FileSystem fs = b.root.getFileSystem();
        this.includes = matchers(fs, b.includes.isEmpty() ? List.of("**") : b.includes);
        this.excludes = matchers(fs, b.excludes);
        this.recursive = b.recursive;
        this.parallel = b.parallel;
        this.includeHidden = b.includeHidden;
        this.loaderForFile = b.loaderForFile;
        this.onSkipped = b.onSkipped;
        this.maxFileSize = b.maxFileSize;
        this.linksOutsideRoot = b.linksOutsideRoot;
    }

    /**
     * A builder for a loader of the files under {@code root}.
     *
     * @param root the folder to load
     * @return a new builder
     */
    public static Builder builder(Path root) {
        return new Builder(Objects.requireNonNull(root, "root"));
    }

    /**
     * The loader chosen for a file by its extension when no other is configured.
     *
     * @param file the file to load
     * @return the loader for that file
     */
    public static DocumentLoader loaderByExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return PdfLoader.of(file);
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return HtmlLoader.of(file);
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return MarkdownLoader.of(file);
        }
        if (name.endsWith(".csv")) {
            return CsvLoader.builder(file).build();
        }
        if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JsonLoader.builder(file).build();
        }
        return TextFileLoader.of(file);
    }

    @Override
    public Stream<Document> lazyLoad() {
        if (!Files.isDirectory(root)) {
            throw new DocumentLoadException(root + " is not a folder; pass the folder that holds the files");
        }
        FileTree tree = new FileTree(root, recursive, includeHidden, linksOutsideRoot, onSkipped);
        Stream<Path> files = StreamSupport.stream(Spliterators.spliteratorUnknownSize(tree, Spliterator.ORDERED), false)
                .filter(this::selected);
        if (parallel) {
            files = files.parallel();
        }
        return files.flatMap(file -> loadOne(file).stream());
    }

    private boolean selected(Path file) {
        Path relative = root.relativize(file);
        return matchesAny(includes, relative) && !matchesAny(excludes, relative);
    }

    /** One file's documents, or none (reported) if it cannot be read. */
    private List<Document> loadOne(Path file) {
        if (!Files.isReadable(file)) {
            skip(new SkippedFile(file, Files.exists(file) ? "not readable (check its permissions)"
                    : "does not exist (a broken link?)", null));
            return List.of();
        }
        try {
            long size = Files.size(file);
            if (size > maxFileSize) {
                skip(new SkippedFile(file, "is " + size + " bytes, over the limit of " + maxFileSize
                        + " bytes; raise maxFileSize(...) to load it", null));
                return List.of();
            }
        } catch (IOException | RuntimeException e) {
            skip(new SkippedFile(file, "its size could not be read: " + e, e));
            return List.of();
        }
        try {
            return new ArrayList<>(loaderForFile.apply(file).load());
        } catch (RuntimeException | Error e) {
            // One file's failure, even an OutOfMemoryError from its loader, must not cost the rest
            // of the folder: its memory is garbage once its loader has unwound.
            skip(new SkippedFile(file, e.getMessage() == null ? e.toString() : e.getMessage(), e));
            return List.of();
        }
    }

    private void skip(SkippedFile skipped) {
        try {
            onSkipped.accept(skipped);
        } catch (RuntimeException e) {
            LOG.warn("skipped-file listener failed for {}", skipped.path(), e);
        }
    }

    private static boolean matchesAny(List<PathMatcher> matchers, Path relative) {
        for (PathMatcher m : matchers) {
            if (m.matches(relative)) {
                return true;
            }
        }
        return false;
    }

    private static List<PathMatcher> matchers(FileSystem fs, List<String> globs) {
        List<PathMatcher> out = new ArrayList<>();
        for (String glob : globs) {
            out.add(fs.getPathMatcher("glob:" + glob));
            if (glob.startsWith("**/")) {
                out.add(fs.getPathMatcher("glob:" + glob.substring(3)));
            }
        }
        return out;
    }

    /** Settings for a {@link DirectoryLoader}. */
    public static final class Builder {
        private final Path root;
        private final List<String> includes = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private boolean recursive = true;
        private boolean parallel;
        private boolean includeHidden;
        private Function<Path, DocumentLoader> loaderForFile = DirectoryLoader::loaderByExtension;
        private Consumer<SkippedFile> onSkipped = s -> LOG.warn("skipped {}: {}", s.path(), s.reason());
        private long maxFileSize = DEFAULT_MAX_FILE_SIZE;
        private boolean linksOutsideRoot;

        private Builder(Path root) {
            this.root = root;
        }

        /**
         * Load only files matching one of these globs (default: all files).
         *
         * @param globs the globs to include
         * @return this builder
         */
        public Builder include(String... globs) {
            includes.addAll(List.of(globs));
            return this;
        }

        /**
         * Leave out files matching any of these globs.
         *
         * @param globs the globs to exclude
         * @return this builder
         */
        public Builder exclude(String... globs) {
            excludes.addAll(List.of(globs));
            return this;
        }

        /**
         * Whether sub-folders are walked (default true).
         *
         * @param value true to walk sub-folders
         * @return this builder
         */
        public Builder recursive(boolean value) {
            this.recursive = value;
            return this;
        }

        /**
         * Whether files are read in parallel on the common pool (default false); order is kept.
         *
         * @param value true to read files in parallel
         * @return this builder
         */
        public Builder parallel(boolean value) {
            this.parallel = value;
            return this;
        }

        /**
         * Whether names starting with "." are loaded (default false, as LangChain).
         *
         * @param value true to load hidden files and folders
         * @return this builder
         */
        public Builder includeHidden(boolean value) {
            this.includeHidden = value;
            return this;
        }

        /**
         * How each file is loaded (default: {@link DirectoryLoader#loaderByExtension}).
         *
         * @param value the loader for each file
         * @return this builder
         */
        public Builder loader(Function<Path, DocumentLoader> value) {
            this.loaderForFile = Objects.requireNonNull(value, "loader");
            return this;
        }

        /**
         * Files larger than this many bytes are reported and not read (default 64 MiB).
         *
         * @param bytes the largest file size read, in bytes
         * @return this builder
         * @throws IllegalArgumentException if the limit is not positive
         */
        public Builder maxFileSize(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxFileSize must be positive, was " + bytes);
            }
            this.maxFileSize = bytes;
            return this;
        }

        /**
         * Whether symbolic links whose target lies outside the folder are followed (default false:
         * they are reported as skipped, so a link cannot make the loader read files elsewhere).
         *
         * @param value true to follow links that leave the folder
         * @return this builder
         */
        public Builder linksOutsideRoot(boolean value) {
            this.linksOutsideRoot = value;
            return this;
        }

        /**
         * Told about every file or folder passed over, with the reason; called from loading threads.
         *
         * @param listener the listener for skipped files
         * @return this builder
         */
        public Builder onSkipped(Consumer<SkippedFile> listener) {
            this.onSkipped = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Builds the loader.
         *
         * @return the configured loader
         */
        public DirectoryLoader build() {
            return new DirectoryLoader(this);
        }
    }
}
