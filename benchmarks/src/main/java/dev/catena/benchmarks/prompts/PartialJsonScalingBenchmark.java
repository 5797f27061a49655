package dev.catena.benchmarks.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.components.RunConfig;
import dev.catena.prompts.parsers.JsonOutputParser;
import dev.catena.prompts.parsers.PartialJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How partial-JSON reading scales: an unfinished key of 10,000 × scale characters, and a string
 * value of 25,000 × scale characters streamed through {@link JsonOutputParser} in 10-character
 * chunks, at scale 1 and 4. Linear work takes 4× as long at scale 4. See docs/benchmarks/prompts.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PartialJsonScalingBenchmark {

    @Param({"1", "4"})
    public int scale;

    private String unfinishedKey;
    private List<Object> stringChunks;
    private final JsonOutputParser parser = new JsonOutputParser();

    @Setup
    public void setUp() {
        unfinishedKey = "{\"a\": 1, \"" + "k".repeat(10_000 * scale);
        stringChunks = new ArrayList<>();
        stringChunks.add("{\"text\": \"");
        for (int i = 0; i < 2_500 * scale; i++) {
            stringChunks.add("0123456789");
        }
    }

    @Benchmark
    public JsonNode unfinishedKey() {
        return PartialJson.parsePartial(unfinishedKey);
    }

    /** Streams the whole value and returns the length of the last answer. */
    @Benchmark
    public int streamedStringIn10CharChunks() {
        JsonNode last = parser.transform(stringChunks.stream(), RunConfig.defaults()).reduce((a, b) -> b).orElseThrow();
        return last.get("text").asText().length();
    }
}
