package dev.catena.examples;

import dev.catena.core.documents.Document;
import dev.catena.retrieval.loaders.CsvLoader;
import dev.catena.retrieval.loaders.DirectoryLoader;
import dev.catena.retrieval.loaders.DocumentLoader;
import dev.catena.retrieval.loaders.JsonLoader;
import dev.catena.retrieval.loaders.SkippedFile;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Document loaders, offline: writes a small folder of real files (a GB18030 text file, Markdown
 * with front matter, HTML, CSV, JSON, a two-page PDF made with PDFBox, and a broken PDF), loads it
 * with one {@link DirectoryLoader}, and prints every document's source, metadata and the start of
 * its text, then the file that was skipped and why. The broken file does not stop the load.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.DocumentLoaderExample
 * }</pre>
 * Add {@code -Dexec.args=<folder>} to write the files there; by default a temporary folder is used.
 */
public final class DocumentLoaderExample {

    private DocumentLoaderExample() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = args.length > 0 ? Files.createDirectories(Path.of(args[0])) : Files.createTempDirectory("catena-files");
        writeSampleFiles(folder);

        List<SkippedFile> skipped = new CopyOnWriteArrayList<>();
        DirectoryLoader loader = DirectoryLoader.builder(folder)
                .exclude("**/*.tmp")
                // CSV and JSON need to know which fields are text and which are metadata; the rest by extension.
                .loader(DocumentLoaderExample::loaderFor)
                .onSkipped(skipped::add)
                .build();

        List<Document> documents;
        try (Stream<Document> stream = loader.lazyLoad()) { // files are read one by one as the stream is consumed
            documents = stream.toList();
        }
        System.out.println("Loaded " + documents.size() + " documents from " + folder.getFileName() + "/:");
        for (Document doc : documents) {
            System.out.printf("  %-18s %-52s %s%n", relative(folder, doc), summary(doc.metadata()), preview(doc.text()));
        }
        System.out.println("Skipped " + skipped.size() + " file(s):");
        for (SkippedFile file : skipped) {
            System.out.println("  " + folder.relativize(file.path()) + ": " + file.reason().replace(folder + File.separator, ""));
        }
    }

    static DocumentLoader loaderFor(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".csv")) {
            return CsvLoader.builder(file).metadataColumns("name").build();
        }
        if (name.endsWith(".json")) {
            return JsonLoader.builder(file).records("/messages").text("/content").metadata("author", "/sender/name").build();
        }
        return DirectoryLoader.loaderByExtension(file);
    }

    /** Writes the sample files: one of each kind the loaders read, plus one that cannot be read. */
    static void writeSampleFiles(Path folder) throws IOException {
        // Chinese text in GB18030, as many Chinese Windows tools save it; the loader detects the charset.
        Files.write(folder.resolve("proverb.txt"), "天道酬勤。勤奋的人终会得到回报。\n".getBytes(Charset.forName("GB18030")));
        Files.writeString(folder.resolve("plants.csv"), """
                name,light,water
                Basil,full sun,"often, keep moist"
                Fern,shade,weekly
                """);
        Files.writeString(folder.resolve("chat.json"), """
                {"messages": [
                  {"sender": {"name": "Ada"}, "content": "Can the loader read JSON?"},
                  {"sender": {"name": "Lin"}, "content": "Yes, a pointer picks the text."}
                ]}
                """);
        writePdf(folder.resolve("manual.pdf"), "Unplug the router and wait ten seconds.", "Plug it back in and wait for the green light.");
        Files.writeString(folder.resolve("broken.pdf"), "%PDF-1.7\nthis file was cut off in the middle of a");
        Files.writeString(folder.resolve("draft.tmp"), "excluded by the glob");

        Path notes = Files.createDirectories(folder.resolve("notes"));
        Files.writeString(notes.resolve("readme.md"), """
                ---
                author: Ada
                ---
                # Loading files

                Every document carries **source** metadata.
                """);
        Files.writeString(notes.resolve("page.html"), """
                <html lang="en"><head><title>BM25 in one page</title><style>p { color: red }</style></head>
                <body><h1>Keyword search</h1><p>BM25 ranks documents by
                   <a href="https://en.wikipedia.org/wiki/Okapi_BM25">term statistics</a>.</p>
                <script>console.log("not visible")</script></body></html>
                """);
    }

    private static void writePdf(Path file, String... pages) throws IOException {
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
    }

    private static String relative(Path folder, Document doc) {
        return folder.relativize(Path.of(doc.metadata().get(DocumentLoader.SOURCE).toString())).toString();
    }

    /** The metadata other than {@code source}, as {@code key=value} pairs. */
    private static String summary(Map<String, Object> metadata) {
        StringJoiner pairs = new StringJoiner(" ");
        metadata.forEach((key, value) -> {
            if (!key.equals(DocumentLoader.SOURCE)) {
                pairs.add(key + "=" + value);
            }
        });
        return pairs.toString();
    }

    /** The first 40 characters of the text, on one line. */
    private static String preview(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.codePointCount(0, line.length()) <= 40 ? line : line.substring(0, line.offsetByCodePoints(0, 40)) + "…";
    }
}
