package dev.catena.retrieval.loaders;

import dev.catena.core.documents.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The PDFBox side of {@link PdfLoader}, in a class of its own so that {@code PdfLoader} loads, and
 * can say what is missing, when PDFBox (an optional dependency) is not on the classpath.
 */
final class PdfPages {

    private final Path path;

    PdfPages(Path path) {
        this.path = path;
    }

    Stream<Document> stream() {
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
        metadata.put(DocumentLoader.SOURCE, path.toString());
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
