package dev.catena.retrieval.loaders;

import dev.catena.core.documents.Document;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Loads a PDF as one document per page (PDFBox), as LangChain's {@code PyPDFLoader}: metadata
 * {@code source}, {@code page} (0-based, as LangChain), {@code page_label} (1-based, for
 * people) and {@code total_pages}. Pages are extracted as the stream is consumed; closing the
 * stream closes the file.
 *
 * <p>A file that is not a readable PDF (damaged, truncated, encrypted without password) fails
 * with a {@link DocumentLoadException} naming the file. PDFBox is an optional dependency of
 * catena-retrieval: add {@code org.apache.pdfbox:pdfbox} to read PDFs; without it, loading fails
 * with a {@link DocumentLoadException} that names it (a folder load reports such files as skipped).
 */
public final class PdfLoader implements DocumentLoader {

    private final Path path;

    private PdfLoader(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * {@return a loader for a PDF file}
     *
     * @param path the file
     */
    public static PdfLoader of(Path path) {
        return new PdfLoader(path);
    }

    @Override
    public Stream<Document> lazyLoad() {
        try {
            Class.forName("org.apache.pdfbox.Loader", false, PdfLoader.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new DocumentLoadException("cannot read PDF " + path + ": PDFBox is not on the classpath; add the "
                    + "dependency org.apache.pdfbox:pdfbox:3.0.8 (catena-retrieval declares it optional)", e);
        }
        return new PdfPages(path).stream();
    }
}
