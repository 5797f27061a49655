package dev.catena.retrieval.loaders;

import dev.catena.core.documents.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Loads a PDF as one document per page (PDFBox), as LangChain's {@code PyPDFLoader}: metadata
 * {@code source}, {@code page} (0-based, as LangChain), {@code page_label} (1-based, for
 * people) and {@code total_pages}. Pages are extracted as the stream is consumed; closing the
 * stream closes the file.
 *
 * <p>A file that is not a readable PDF (damaged, truncated, encrypted without password) fails
 * with a {@link DocumentLoadException} naming the file.
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
        // Open on first use, not when the stream is built, so building a stream never touches the file.
        PDDocument[] holder = new PDDocument[1];
        return Stream.of(path).flatMap(p -> {
            PDDocument pdf = open();
            holder[0] = pdf;
            int total = pdf.getNumberOfPages();
            PDFTextStripper stripper = newStripper();
            return IntStream.range(0, total).mapToObj(i -> page(pdf, stripper, i, total));
        }).onClose(() -> close(holder[0]));
    }

    private PDDocument open() {
        try {
            return Loader.loadPDF(path.toFile());
        } catch (IOException e) {
            throw new DocumentLoadException("could not read PDF " + path + ": " + e.getMessage()
                    + "; check it is a complete, unencrypted PDF", e);
        }
    }

    private static PDFTextStripper newStripper() {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper;
    }

    private Document page(PDDocument pdf, PDFTextStripper stripper, int index, int total) {
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        String text;
        try {
            text = stripper.getText(pdf);
        } catch (IOException e) {
            throw new DocumentLoadException("could not extract page " + (index + 1) + " of " + path + ": "
                    + e.getMessage(), e);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(SOURCE, path.toString());
        metadata.put("page", index);
        metadata.put("page_label", String.valueOf(index + 1));
        metadata.put("total_pages", total);
        return Document.of(text.strip(), metadata);
    }

    private static void close(PDDocument pdf) {
        if (pdf == null) {
            return;
        }
        try {
            pdf.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
