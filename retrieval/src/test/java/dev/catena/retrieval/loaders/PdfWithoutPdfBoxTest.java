package dev.catena.retrieval.loaders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PDFBox is optional: in a JVM whose classpath lacks it, a PDF fails with an error naming the
 * artifact to add, a folder load reports the PDF as skipped and loads the rest.
 */
class PdfWithoutPdfBoxTest {

    @Test
    void withoutPdfBoxAPdfNamesTheArtifactToAddAndTheRestOfTheFolderLoads(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("manual.pdf"), "%PDF-1.4 not read anyway");
        Files.writeString(dir.resolve("notes.txt"), "plain text still loads");
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().matches("(pdfbox|fontbox|pdfbox-io).*"))
                .collect(Collectors.joining(File.pathSeparator));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, Child.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(out).as(out).contains("PDFBox absent: true")
                .contains("loaded: plain text still loads")
                .contains("skipped manual.pdf: ")
                .contains("direct: cannot read PDF " + dir.resolve("manual.pdf")
                        + ": PDFBox is not on the classpath; add the dependency org.apache.pdfbox:pdfbox:3.0.8");
        assertThat(child.exitValue()).as(out).isZero();
    }

    /** Runs in the child JVM without PDFBox. */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] args) {
            Path dir = Path.of(args[0]);
            boolean absent;
            try {
                Class.forName("org.apache.pdfbox.Loader");
                absent = false;
            } catch (ClassNotFoundException e) {
                absent = true;
            }
            System.out.println("PDFBox absent: " + absent);
            DirectoryLoader.builder(dir)
                    .onSkipped(s -> System.out.println("skipped " + s.path().getFileName() + ": " + s.reason()))
                    .build().load()
                    .forEach(d -> System.out.println("loaded: " + d.text()));
            try {
                List<?> pages = PdfLoader.of(dir.resolve("manual.pdf")).load();
                System.out.println("direct: loaded " + pages.size());
            } catch (DocumentLoadException e) {
                System.out.println("direct: " + e.getMessage());
            }
        }
    }
}
