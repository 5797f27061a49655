package dev.catena.core.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.components.Component;
import dev.catena.core.components.RetryPolicy;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.models.PromptValue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConsoleTracerTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ConsoleTracer tracer = new ConsoleTracer(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void printsTheRunTreeWithKindsDurationsTokensAndOutputs() {
        String answer = TracedChains.chain().invoke(Map.of("word", "hello"), RunConfig.builder().callbacks(tracer).build());

        assertThat(answer).isEqualTo("olleh yaS");
        List<String> lines = lines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("chain Sequence \\[\\d+\\.\\d ms] tokens: 12 in, 3 out, 15 total => \"olleh yaS\"");
        assertThat(lines.get(1)).matches("  function prompt \\[\\d+\\.\\d ms] => .*Say hello.*");
        assertThat(lines.get(2)).matches("  chat_model ReverseModel \\[\\d+\\.\\d ms] tokens: 12 in, 3 out, 15 total => \"olleh yaS\"");
        assertThat(lines.get(3)).matches("  function parser \\[\\d+\\.\\d ms] => \"olleh yaS\"");
    }

    @Test
    void usageIsShownOnTheRunThatReportedItAndSummedOnceOnTheRoot() {
        AtomicInteger attempts = new AtomicInteger();
        Component<PromptValue, AiMessage> flaky = Component.<PromptValue, PromptValue>of("outage", prompt -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("HTTP 503");
            }
            return prompt;
        }).pipe(new TracedChains.ReverseModel()); // the failed attempt never reached the model, so it reported nothing
        RetryPolicy quick = RetryPolicy.builder().maxAttempts(2)
                .initialDelay(Duration.ZERO).build();
        Component<Map<String, Object>, String> chain = Component.<Map<String, Object>, PromptValue>of(
                        "prompt", vars -> PromptValue.of("Say " + vars.get("word")))
                .pipe(flaky.withRetry(quick))
                .pipe(Component.of("again", (AiMessage ai) -> PromptValue.of(ai.text())))
                .pipe(new TracedChains.ReverseModel())
                .pipe(Component.of("parser", AiMessage::text));

        assertThat(chain.invoke(Map.of("word", "hi"), RunConfig.builder().callbacks(tracer).build())).isEqualTo("Say hi");

        List<String> lines = lines();
        assertThat(lines.get(0)).startsWith("chain Sequence [").contains("tokens: 24 in, 6 out, 30 total");
        assertThat(lines).filteredOn(l -> l.contains("tokens:")).extracting(l -> l.replaceAll(" \\[.*?]", ""))
                .containsExactly(
                        "chain Sequence tokens: 24 in, 6 out, 30 total => \"Say hi\"",
                        "      chat_model ReverseModel tokens: 12 in, 3 out, 15 total => \"ih yaS\"",
                        "  chat_model ReverseModel tokens: 12 in, 3 out, 15 total => \"Say hi\"");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  chain Retry(Sequence) [").doesNotContain("tokens"));
    }

    @Test
    void printsNothingUntilTheRootRunEnds() {
        Component<String, String> inner = Component.of("inner", s -> {
            assertThat(bytes.size()).as("nothing printed while the root runs").isZero();
            return s;
        });
        Component.<String, String>of("outer", s -> s).pipe(inner).invoke("x", RunConfig.builder().callbacks(tracer).build());
        assertThat(lines()).hasSize(3);
    }

    @Test
    void showsErrorsOnTheFailingRunAndItsParents() {
        Component<String, String> chain = Component.<String, String>of("ok", s -> s)
                .pipe(Component.of("broken", s -> {
                    throw new IllegalStateException("cannot parse '" + s + "'");
                }));
        assertThatThrownBy(() -> chain.invoke("x", RunConfig.builder().callbacks(tracer).build()));
        List<String> lines = lines();
        assertThat(lines.get(0)).startsWith("chain Sequence [").endsWith("ERROR IllegalStateException: cannot parse 'x'");
        assertThat(lines.get(1)).startsWith("  function ok [");
        assertThat(lines.get(2)).startsWith("  function broken [").endsWith("ERROR IllegalStateException: cannot parse 'x'");
    }

    @Test
    void nestedChainsAreIndentedDeeper() {
        Component<String, Map<String, Object>> parallel = Component.parallel(Map.of(
                "a", Component.<String, String>of("a1", s -> s).pipe(Component.of("a2", s -> s))));
        parallel.invoke("x", RunConfig.builder().callbacks(tracer).build());
        assertThat(lines()).extracting(l -> l.replaceAll(" \\[.*", ""))
                .containsExactly("chain Parallel[a]", "  chain Sequence", "    function a1", "    function a2");
    }

    @Test
    void neverPrintsSecrets() {
        Component<String, String> leaky = Component.of("leaky", s -> "Authorization: " + TracedChains.BEARER + " key=" + s);
        Component<String, String> failing = Component.of("failing", s -> {
            throw new IllegalStateException("HTTP 401 for x-api-key: " + s);
        });
        RunConfig config = RunConfig.builder().callbacks(tracer).metadata("api_key", TracedChains.API_KEY).build();
        leaky.invoke(TracedChains.API_KEY, config);
        assertThatThrownBy(() -> failing.invoke(TracedChains.API_KEY, config));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("leaky", "failing", "***")
                .doesNotContain(TracedChains.API_KEY, "Abc123Def456", "eyJhbGciOiJIUzI1NiJ9", "secretpayload");
    }

    @Test
    void concurrentRootsPrintWholeTreesWithoutInterleaving() {
        Component<Integer, Integer> chain = Component.<Integer, Integer>of("first", i -> i).pipe(Component.of("second", i -> i));
        chain.batch(IntStream.range(0, 40).boxed().toList(), RunConfig.builder().callbacks(tracer).maxConcurrency(8).build());
        List<String> lines = lines();
        assertThat(lines).hasSize(120);
        for (int i = 0; i < lines.size(); i += 3) {
            assertThat(lines.get(i)).startsWith("chain Sequence");
            assertThat(lines.get(i + 1)).startsWith("  function first");
            assertThat(lines.get(i + 2)).startsWith("  function second");
        }
    }
}
