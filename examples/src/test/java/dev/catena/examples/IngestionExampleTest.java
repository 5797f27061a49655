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
        String output = ExampleRun.output(() -> IngestionExample.main(new String[] {dir.toString()}));
        // Captured output is not a terminal, so the progress bar prints plain lines, not carriage returns.
        assertThat(output).doesNotContain("\r");
        List<String> lines = output.lines().toList();

        assertThat(Files.list(dir).count()).isEqualTo(IngestionExample.ARTICLES);
        assertThat(lines.get(0)).isEqualTo("First run:");
        int secondRun = lines.indexOf("Second run, nothing changed:");
        int thirdRun = lines.indexOf("Third run, " + IngestionExample.fileName(0) + " edited:");
        int search = thirdRun + 1;
        while (search < lines.size() && !lines.get(search).startsWith("Search: ")) {
            search++;
        }
        long[] first = report(lines.get(secondRun - 1));
        long[] second = report(lines.get(thirdRun - 1));
        long[] third = report(lines.get(search - 1));

        assertThat(first[0]).isZero();
        assertThat(first[1]).isGreaterThanOrEqualTo(IngestionExample.ARTICLES).isEqualTo(first[3]);
        assertThat(second).containsExactly(IngestionExample.ARTICLES, 0, 0, first[3]);
        assertThat(third[0]).isEqualTo(IngestionExample.ARTICLES - 1);
        assertThat(third[1]).isPositive();
        assertThat(third[2]).isPositive();
        assertThat(third[3]).isEqualTo(first[3] - third[2] + third[1]);

        // Each run's last progress line, just above its report, is the final report.
        assertThat(lines.get(secondRun - 2)).startsWith("[####################] 100%  60 docs  " + first[1] + " chunks")
                .contains(" done in ");
        assertThat(lines.get(thirdRun - 2)).contains("60 docs (60 skipped)  0 chunks  0 tokens");
        assertThat(lines.get(search - 2)).contains("60 docs (59 skipped)  " + third[1] + " chunks");

        List<String> hits = lines.subList(search + 1, lines.size());
        assertThat(hits).hasSize(3).allSatisfy(hit -> assertThat(hit).matches(" {2}0\\.\\d{3} {2}vector-search-\\d{2}\\.txt .*"));
        assertThat(hits).extracting(h -> Double.parseDouble(h.strip().split(" ")[0])).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    private static long[] report(String line) {
        Matcher m = REPORT.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
    }
}
