package dev.catena.benchmarks.chains;

import dev.catena.chains.LlmChain;
import dev.catena.chains.SequentialChain;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatRequest;
import dev.catena.prompts.PromptTemplate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a chain costs around its model: a {@link SequentialChain} of three {@link LlmChain} steps
 * (prompt → model, output fed to the next step) against doing the same by hand (format each
 * template, call the model's {@code generate}, put the text in the map). The model answers at once
 * with a fixed message, so the difference is the chains' own work: validation, maps, and a traced
 * run for each chain, prompt and model call. Per-step overhead = (chain − byHand) / 3.
 * Target: under 5 µs per step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChainOverheadBenchmark {

    private static final AiMessage REPLY = AiMessage.of("a short answer");

    private final ChatModel model = (request, config) -> REPLY;
    private final PromptTemplate first = PromptTemplate.fromTemplate("Write a synopsis of {title}.");
    private final PromptTemplate second = PromptTemplate.fromTemplate("Review this synopsis: {synopsis}");
    private final PromptTemplate third = PromptTemplate.fromTemplate("Summarise this review: {review}");
    private SequentialChain chain;
    private Map<String, Object> input;

    @Setup
    public void setUp() {
        chain = SequentialChain.builder().inputKeys("title")
                .step(LlmChain.builder(first, model).outputKey("synopsis").build())
                .step(LlmChain.builder(second, model).outputKey("review").build())
                .step(LlmChain.builder(third, model).outputKey("summary").build())
                .build();
        input = Map.of("title", "Tragedy at sunset on the beach");
    }

    @Benchmark
    public Map<String, Object> chain() {
        return chain.invoke(input);
    }

    @Benchmark
    public Map<String, Object> byHand() {
        Map<String, Object> values = new HashMap<>(input);
        RunConfig config = RunConfig.defaults();
        values.put("synopsis", model.generate(ChatRequest.of(ChatMessage.user(first.format(values))), config).text());
        values.put("review", model.generate(ChatRequest.of(ChatMessage.user(second.format(values))), config).text());
        values.put("summary", model.generate(ChatRequest.of(ChatMessage.user(third.format(values))), config).text());
        return values;
    }
}
