package dev.catena.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {

    @Test
    void readsJsonLines(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("qa.jsonl"), """
                {"id": "capital", "input": "Capital of France?", "reference": "Paris", "metadata": {"topic": "geo"}}

                {"input": "2 + 2?"}
                """);
        Dataset dataset = Dataset.fromJsonLines(file);
        assertThat(dataset.name()).isEqualTo("qa.jsonl");
        assertThat(dataset.examples()).containsExactly(
                new Example("capital", "Capital of France?", "Paris", Map.of("topic", "geo")),
                new Example("2", "2 + 2?", null, Map.of()));
    }

    @Test
    void jsonLinesWithoutInputSaysWhichLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.jsonl"), "{\"input\": \"ok\"}\n{\"question\": \"no\"}\n");
        assertThatThrownBy(() -> Dataset.fromJsonLines(file)).isInstanceOf(EvaluationException.class)
                .hasMessage("bad.jsonl line 2 has no text \"input\" field");
    }

    @Test
    void readsCsvWithQuotesAndExtraColumnsAsMetadata(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("qa.csv"), """
                input,reference,topic
                "Capital of France, please?",Paris,geo
                "He said ""hi""
                twice",,talk
                """);
        Dataset dataset = Dataset.fromCsv(file);
        assertThat(dataset.examples()).containsExactly(
                new Example("1", "Capital of France, please?", "Paris", Map.of("topic", "geo")),
                new Example("2", "He said \"hi\"\ntwice", null, Map.of("topic", "talk")));
    }

    @Test
    void duplicateIdsAreRefused() {
        assertThatThrownBy(() -> Dataset.of("d", Example.of("x", "a", null), Example.of("x", "b", null)))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("two examples with id \"x\"");
    }
}
