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
 * {@code source} (the path), {@code charset} and, when the charset was detected,
 * {@code charset_confidence} (0 to 1).
 *
 * <p>Without an explicit charset it is detected: a byte-order mark wins, then ASCII and valid
 * UTF-8, then juniversalchardet's probers (Shift_JIS, EUC-JP, GB18030, Big5, EUC-KR, Cyrillic
 * and other code pages). When detection cannot decide, the load fails with a
 * {@link DocumentLoadException}, or uses the default charset you chose with
 * {@link #detecting(Path, Charset)} (its confidence is then 0). With an explicit charset, bytes
 * that are not valid in it fail the load instead of becoming replacement characters.
 */
public final class TextFileLoader implements DocumentLoader {

    /** The metadata key of the charset the text was decoded with. */
    public static final String CHARSET = "charset";
    /** The metadata key of the detector's confidence in the charset, 0 to 1 (absent for an explicit charset). */
    public static final String CHARSET_CONFIDENCE = "charset_confidence";

    private final Path path;
    private final Charset charset;
    private final Charset whenUndecided;

    private TextFileLoader(Path path, Charset charset, Charset whenUndecided) {
        this.path = Objects.requireNonNull(path, "path");
        this.charset = charset;
        this.whenUndecided = whenUndecided;
    }

    /**
     * A loader that detects the charset and fails on a file whose charset cannot be told.
     *
     * @param path the file to load
     * @return the loader
     */
    public static TextFileLoader of(Path path) {
        return new TextFileLoader(path, null, null);
    }

    /**
     * A loader that decodes with this charset.
     *
     * @param path    the file to load
     * @param charset the charset to decode with
     * @return the loader
     */
    public static TextFileLoader of(Path path, Charset charset) {
        return new TextFileLoader(path, Objects.requireNonNull(charset, "charset"), null);
    }

    /**
     * A loader that detects the charset and uses {@code whenUndecided} when detection cannot decide.
     *
     * @param path          the file to load
     * @param whenUndecided the charset used when detection cannot decide
     * @return the loader
     */
    public static TextFileLoader detecting(Path path, Charset whenUndecided) {
        return new TextFileLoader(path, null, Objects.requireNonNull(whenUndecided, "whenUndecided"));
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
            TextDecoding.Decoded decoded = TextDecoding.detect(bytes, path, whenUndecided);
            text = decoded.text();
            metadata.put(CHARSET, decoded.charset().name());
            metadata.put(CHARSET_CONFIDENCE, Math.round(decoded.confidence() * 1000) / 1000.0);
        } else {
            try {
                text = TextDecoding.strict(bytes, charset);
            } catch (CharacterCodingException e) {
                throw new DocumentLoadException(path + " is not valid " + charset.name()
                        + "; pass the file's real charset or let the loader detect it", e);
            }
            metadata.put(CHARSET, charset.name());
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
        return TextDecoding.detect(readBytes(path), path, null).text();
    }
}
