package dev.catena.retrieval.loaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.documents.Document;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfLoaderTest {

    @TempDir
    Path dir;

    static Path writePdf(Path file, String... pages) throws Exception {
        try (PDDocument pdf = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pages) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(text);
                    content.endText();
                }
            }
            pdf.save(file.toFile());
        }
        return file;
    }

    @Test
    void oneDocumentPerPageWithPageNumbers() throws Exception {
        Path file = writePdf(dir.resolve("report.pdf"), "Hard work pays off.", "Second page text.");
        List<Document> pages = PdfLoader.of(file).load();
        assertThat(pages).containsExactly(
                Document.of("Hard work pays off.", Map.of("source", file.toString(), "page", 0, "page_label", "1",
                        "total_pages", 2)),
                Document.of("Second page text.", Map.of("source", file.toString(), "page", 1, "page_label", "2",
                        "total_pages", 2)));
    }

    @Test
    void pagesAreExtractedAsTheStreamIsConsumed() throws Exception {
        Path file = writePdf(dir.resolve("long.pdf"), "one", "two", "three");
        try (Stream<Document> pages = PdfLoader.of(file).lazyLoad()) {
            assertThat(pages.findFirst()).map(Document::text).hasValue("one");
        }
    }

    @Test
    void malformedPdfFailsWithTheFileName() throws Exception {
        Path garbage = Files.writeString(dir.resolve("broken.pdf"), "%PDF-1.7\nthis is not really a pdf");
        assertThatThrownBy(() -> PdfLoader.of(garbage).load()).isInstanceOf(DocumentLoadException.class)
                .hasMessageContaining("broken.pdf").hasMessageContaining("complete, unencrypted PDF");
        byte[] real = Files.readAllBytes(writePdf(dir.resolve("ok.pdf"), "text"));
        Path truncated = Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(real, 40));
        assertThatThrownBy(() -> PdfLoader.of(truncated).load()).isInstanceOf(DocumentLoadException.class)
                .hasMessageContaining("truncated.pdf");
    }
}
