package dev.catena.retrieval.loaders;

import dev.catena.core.documents.Document;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Loads a text file as one document (LangChain's {@code TextLoader}), with metadata
 * {@code source} (the path) and {@code charset}.
 *
 * <p>Without an explicit charset it is detected: a byte-order mark wins, otherwise UTF-8 if the
 * bytes are valid UTF-8, otherwise GB18030, otherwise windows-1252. With an explicit charset,
 * bytes that are not valid in it fail the load instead of becoming replacement characters.
 */
public final class TextFileLoader implements DocumentLoader {

    private final Path path;
    private final Charset charset;

    private TextFileLoader(Path path, Charset charset) {
        this.path = Objects.requireNonNull(path, "path");
        this.charset = charset;
    }

    /**
     * {@return a loader that detects the charset}
     *
     * @param path the file
     */
    public static TextFileLoader of(Path path) {
        return new TextFileLoader(path, null);
    }

    /**
     * {@return a loader that decodes with this charset}
     *
     * @param path the file
     * @param charset the file's charset
     */
    public static TextFileLoader of(Path path, Charset charset) {
        return new TextFileLoader(path, Objects.requireNonNull(charset, "charset"));
    }

    @Override
    public Stream<Document> lazyLoad() {
        return Stream.of(path).map(p -> read());
    }

    private Document read() {
        byte[] bytes = readBytes(path);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(SOURCE, path.toString());
        String text;
        if (charset == null) {
            TextDecoding.Decoded decoded = TextDecoding.detect(bytes);
            text = decoded.text();
            metadata.put("charset", decoded.charset().name());
        } else {
            try {
                text = TextDecoding.strict(bytes, charset);
            } catch (CharacterCodingException e) {
                throw new DocumentLoadException(path + " is not valid " + charset.name()
                        + "; pass the file's real charset or let the loader detect it", e);
            }
            metadata.put("charset", charset.name());
        }
        return Document.of(text, metadata);
    }

    static byte[] readBytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new DocumentLoadException("could not read " + path + ": " + e + "; check it exists and is readable", e);
        }
    }

    /** Reads a file's text with charset detection (for the format loaders). */
    static String readText(Path path) {
        return TextDecoding.detect(readBytes(path)).text();
    }
}
