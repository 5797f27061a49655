package dev.catena.retrieval.loaders;

import dev.catena.core.documents.Document;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Loads a Markdown file as one document, keeping the Markdown as it is (so a
 * {@code MarkdownHeaderTextSplitter} or the Markdown separator preset can use its structure), with
 * metadata {@code source} and, when the file has a leading YAML front matter block, without it.
 * The first level-one heading becomes {@code title}.
 */
public final class MarkdownLoader implements DocumentLoader {

    private final Path path;

    private MarkdownLoader(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * {@return a loader for a Markdown file}
     *
     * @param path the file
     */
    public static MarkdownLoader of(Path path) {
        return new MarkdownLoader(path);
    }

    @Override
    public Stream<Document> lazyLoad() {
        return Stream.of(path).map(p -> read());
    }

    private Document read() {
        String text = TextFileLoader.readText(path);
        text = withoutFrontMatter(text);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(SOURCE, path.toString());
        String title = firstHeading(text);
        if (title != null) {
            metadata.put("title", title);
        }
        return Document.of(text, metadata);
    }

    static String withoutFrontMatter(String text) {
        if (!text.startsWith("---\n") && !text.startsWith("---\r\n")) {
            return text;
        }
        int end = text.indexOf("\n---", 3);
        if (end < 0) {
            return text;
        }
        int after = text.indexOf('\n', end + 4);
        return after < 0 ? "" : text.substring(after + 1);
    }

    private static String firstHeading(String text) {
        boolean inFence = false;
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                inFence = !inFence;
            } else if (!inFence && trimmed.startsWith("# ")) {
                return trimmed.substring(2).strip();
            }
        }
        return null;
    }
}
