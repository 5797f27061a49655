package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestionExampleTest {

    private static final Pattern REPORT = Pattern.compile(
            " {2}60 documents, (\\d+) skipped, (\\d+) chunks stored, (\\d+) deleted; store holds (\\d+) chunks");

    @TempDir
    Path dir;

    @Test
    void secondRunSkipsEverythingThirdReplacesTheEditedArticleAndSearchFindsTheTopic() throws Exception {
        // Split at line ends only: String.lines() would also split at the progress bar's carriage returns.
        List<String> lines = List.of(ExampleRun.output(() -> IngestionExample.main(new String[] {dir.toString()}))
                .split("\\r?\\n"));

        assertThat(Files.list(dir).count()).isEqualTo(IngestionExample.ARTICLES);
        assertThat(lines.get(0)).isEqualTo("First run:");
        long[] first = report(lines.get(2));
        long[] second = report(lines.get(5));
        long[] third = report(lines.get(8));

        assertThat(first[0]).isZero();
        assertThat(first[1]).isGreaterThanOrEqualTo(IngestionExample.ARTICLES).isEqualTo(first[3]);
        assertThat(second).containsExactly(IngestionExample.ARTICLES, 0, 0, first[3]);
        assertThat(third[0]).isEqualTo(IngestionExample.ARTICLES - 1);
        assertThat(third[1]).isPositive();
        assertThat(third[2]).isPositive();
        assertThat(third[3]).isEqualTo(first[3] - third[2] + third[1]);
        assertThat(lines.get(6)).isEqualTo("Third run, " + IngestionExample.fileName(0) + " edited:");

        // The progress bar redraws one line with carriage returns; its last drawing is the final report.
        assertThat(lastDrawing(lines.get(1))).startsWith("[####################] 100%  60 docs  " + first[1] + " chunks")
                .contains(" done in ");
        assertThat(lastDrawing(lines.get(4))).contains("60 docs (60 skipped)  0 chunks  0 tokens");
        assertThat(lastDrawing(lines.get(7))).contains("60 docs (59 skipped)  " + third[1] + " chunks");

        assertThat(lines.get(9)).startsWith("Search: ");
        List<String> hits = lines.subList(10, lines.size());
        assertThat(hits).hasSize(3).allSatisfy(hit -> assertThat(hit).matches(" {2}0\\.\\d{3} {2}vector-search-\\d{2}\\.txt .*"));
        assertThat(hits).extracting(h -> Double.parseDouble(h.strip().split(" ")[0])).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    private static long[] report(String line) {
        Matcher m = REPORT.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
    }

    private static String lastDrawing(String line) {
        return line.substring(line.lastIndexOf('\r') + 1);
    }
}
