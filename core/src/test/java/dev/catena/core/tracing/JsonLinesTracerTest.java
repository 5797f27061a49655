package dev.catena.core.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.core.CatenaException;
import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTracerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<JsonNode> read(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> {
            try {
                return MAPPER.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static JsonNode named(List<JsonNode> lines, String name) {
        return lines.stream().filter(l -> l.get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void writesOneObjectPerFinishedRunWithTheTreeIdsAndValues() throws IOException {
        Path file = dir.resolve("runs.jsonl");
        try (JsonLinesTracer tracer = new JsonLinesTracer(file)) {
            TracedChains.chain().invoke(Map.of("word", "hello"),
                    RunConfig.builder().callbacks(tracer).tags("demo").metadata("user", "ana").build());
        }

        List<JsonNode> lines = read(file);
        assertThat(lines).extracting(l -> l.get("name").asText()).containsExactly("prompt", "ReverseModel", "parser", "Sequence");
        JsonNode root = named(lines, "Sequence");
        JsonNode model = named(lines, "ReverseModel");
        assertThat(root.get("parent_run_id").isNull()).isTrue();
        assertThat(model.get("parent_run_id").asText()).isEqualTo(root.get("run_id").asText());
        assertThat(model.get("kind").asText()).isEqualTo("chat_model");
        assertThat(model.get("tags")).hasSize(1);
        assertThat(model.get("tags").get(0).asText()).isEqualTo("demo");
        assertThat(model.get("metadata").get("user").asText()).isEqualTo("ana");
        assertThat(Instant.parse(model.get("start").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(model.get("duration_ms").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(model.get("inputs").get(0).get("role").asText()).isEqualTo("user");
        assertThat(model.get("inputs").get(0).get("content").asText()).isEqualTo("Say hello");
        assertThat(model.get("outputs").get("content").asText()).isEqualTo("olleh yaS");
        assertThat(model.get("outputs").get("finish_reason").asText()).isEqualTo("stop");
        assertThat(model.get("usage").get("total_tokens").asInt()).isEqualTo(15);
        assertThat(model.get("error").isNull()).isTrue();
        assertThat(root.get("inputs").get("word").asText()).isEqualTo("hello");
        assertThat(root.get("outputs").asText()).isEqualTo("olleh yaS");
        assertThat(root.get("usage").isNull()).isTrue();
    }

    @Test
    void usageIsTheSumOfWhatTheRunItselfReported() throws IOException {
        Path file = dir.resolve("runs.jsonl");
        Component<String, String> twoRequests = new Component<>() {
            @Override
            public String call(String input, RunConfig config) {
                config.reportUsage(dev.catena.core.messages.TokenUsage.of(100, 0)); // e.g. an embedding run sent in two batches
                config.reportUsage(dev.catena.core.messages.TokenUsage.of(40, 0));
                return input;
            }

            @Override
            public String name() {
                return "embedder";
            }
        };
        try (JsonLinesTracer tracer = new JsonLinesTracer(file)) {
            Component.<String, String>of("outer", s -> s).pipe(twoRequests).invoke("x", RunConfig.builder().callbacks(tracer).build());
        }

        List<JsonNode> lines = read(file);
        JsonNode usage = named(lines, "embedder").get("usage");
        assertThat(usage.get("input_tokens").asInt()).isEqualTo(140);
        assertThat(usage.get("output_tokens").asInt()).isZero();
        assertThat(usage.get("total_tokens").asInt()).isEqualTo(140);
        assertThat(named(lines, "outer").get("usage").isNull()).isTrue();
        assertThat(named(lines, "Sequence").get("usage").isNull()).isTrue();
    }

    @Test
    void recordsErrorsAndAppendsToAnExistingFile() throws IOException {
        Path file = dir.resolve("runs.jsonl");
        Files.writeString(file, "{\"earlier\": true}\n");
        try (JsonLinesTracer tracer = new JsonLinesTracer(file)) {
            Component<String, String> broken = Component.of("broken", s -> {
                throw new IllegalArgumentException("bad " + s);
            });
            assertThatThrownBy(() -> broken.invoke("input", RunConfig.builder().callbacks(tracer).build()));
        }
        List<JsonNode> lines = read(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("earlier").asBoolean()).isTrue();
        JsonNode error = lines.get(1).get("error");
        assertThat(error.get("type").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(error.get("message").asText()).isEqualTo("bad input");
        assertThat(error.get("cancelled").asBoolean()).isFalse();
        assertThat(lines.get(1).get("outputs").isNull()).isTrue();
    }

    record Request(String model, String apiKey, Map<String, String> headers, String prompt) {
    }

    @Test
    void secretsNeverReachTheFile() throws IOException {
        Path file = dir.resolve("runs.jsonl");
        try (JsonLinesTracer tracer = new JsonLinesTracer(file)) {
            Component<Request, String> call = Component.of("call", r -> "sent with header Authorization: " + TracedChains.BEARER);
            Request request = new Request("gpt-4o", TracedChains.API_KEY,
                    Map.of("Authorization", TracedChains.BEARER, "x-api-key", "anthropic-key-value-123"),
                    "my key is " + TracedChains.API_KEY);
            call.invoke(request, RunConfig.builder().callbacks(tracer).metadata("openai_api_key", TracedChains.API_KEY).build());
            Component<String, String> failing = Component.of("failing", s -> {
                throw new IllegalStateException("401: Incorrect API key provided: " + s);
            });
            assertThatThrownBy(() -> failing.invoke(TracedChains.API_KEY, RunConfig.builder().callbacks(tracer).build()));
        }
        String text = Files.readString(file);
        assertThat(text).contains("gpt-4o", "***", "Incorrect API key provided")
                .doesNotContain(TracedChains.API_KEY, "Abc123Def456", "eyJhbGciOiJIUzI1NiJ9", "secretpayload",
                        "anthropic-key-value-123");
    }

    @Test
    void concurrentRunsWriteWholeLines() throws IOException {
        Path file = dir.resolve("runs.jsonl");
        try (JsonLinesTracer tracer = new JsonLinesTracer(file)) {
            Component<Integer, String> chain = Component.<Integer, String>of("a", i -> "x".repeat(i * 100))
                    .pipe(Component.of("b", String::length)).pipe(String::valueOf);
            chain.batch(IntStream.range(0, 60).boxed().toList(), RunConfig.builder().callbacks(tracer).maxConcurrency(8).build());
        }
        List<JsonNode> lines = read(file); // every line parses
        assertThat(lines).hasSize(60 * 4);
        assertThat(lines).filteredOn(l -> l.get("parent_run_id").isNull()).hasSize(60);
    }

    @Test
    void aMissingDirectoryIsAClearError() {
        assertThatThrownBy(() -> new JsonLinesTracer(dir.resolve("no/such/dir/runs.jsonl")))
                .isInstanceOf(CatenaException.class)
                .hasMessageContaining("cannot open trace file")
                .hasMessageContaining("check that its directory exists");
    }
}
