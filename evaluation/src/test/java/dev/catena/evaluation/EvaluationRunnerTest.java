package dev.catena.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.TokenUsage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EvaluationRunnerTest {

    /** Answers by upper-casing, reports 10 input and 5 output tokens per call, and fails on "boom". */
    private static final class Shouter implements Component<String, String> {
        @Override
        public String call(String input, RunConfig config) {
            config.reportUsage(TokenUsage.of(10, 5));
            if (input.equals("boom")) {
                throw new IllegalStateException("exploded on purpose");
            }
            return input.toUpperCase();
        }
    }

    @Test
    void aFailingExampleIsRecordedWhileTheOthersAreScored() {
        Dataset dataset = Dataset.of("shout",
                Example.of("1", "abc", "ABC"),
                Example.of("2", "boom", "BOOM"),
                Example.of("3", "xyz", "XYW"),
                Example.of("4", "hey", "HEY"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        EvaluationReport report = EvaluationRunner.builder()
                .evaluators(ExactMatchEvaluator.strict(), new StringDistanceEvaluator(StringDistance.LEVENSHTEIN, 0.5))
                .maxConcurrency(2)
                .progress(new PrintStream(console, true, StandardCharsets.UTF_8))
                .price(new TokenPrice(2.0, 8.0))
                .build()
                .run(new Shouter(), dataset);

        assertThat(report.rows()).extracting(ExampleResult::id).containsExactly("1", "2", "3", "4");
        ExampleResult failed = report.rows().get(1);
        assertThat(failed.error()).isEqualTo("IllegalStateException: exploded on purpose");
        assertThat(failed.output()).isNull();
        assertThat(failed.results()).isEmpty();
        assertThat(report.rows().get(2).output()).isEqualTo("XYZ");
        assertThat(report.errors()).isEqualTo(1);

        // exact match: 1, -, 0, 1 -> mean over the 3 scored 2/3, pass rate over all 4 rows 2/4
        EvaluatorSummary exact = report.summary("exact_match");
        assertThat(exact.scored()).isEqualTo(3);
        assertThat(exact.failures()).isEqualTo(1);
        assertThat(exact.mean()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(exact.passRate()).isEqualTo(0.5);
        // levenshtein: 1, -, 1 - 1/3, 1 -> mean (3 - 1/3) / 3
        assertThat(report.summary("levenshtein").mean()).isCloseTo((3 - 1.0 / 3) / 3, within(1e-9));
        assertThat(report.summary("levenshtein").passRate()).isEqualTo(0.75);

        // every call reported 10 + 5 tokens, the failed one too
        assertThat(report.totalUsage()).isEqualTo(TokenUsage.of(40, 20));
        assertThat(report.rows().get(1).usage()).isEqualTo(TokenUsage.of(10, 5));
        assertThat(report.cost().getAsDouble()).isCloseTo((40 * 2.0 + 20 * 8.0) / 1_000_000, within(1e-12));

        String progress = console.toString(StandardCharsets.UTF_8);
        assertThat(progress).contains("[####################] 4/4, 1 error").endsWith(System.lineSeparator());
    }

    @Test
    void noMoreThanMaxConcurrencyExamplesRunAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<CountDownLatch> meetings = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            meetings.add(new CountDownLatch(2));
        }
        // Example i waits (bounded) for its partner i^1, so two run together whenever the bound allows two.
        Component<String, String> slow = Component.of(input -> {
            int now = running.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            CountDownLatch meeting = meetings.get(Integer.parseInt(input) / 2);
            meeting.countDown();
            try {
                meeting.await(5, TimeUnit.SECONDS);
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return input;
        });
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            examples.add(Example.of(String.valueOf(i), String.valueOf(i), String.valueOf(i)));
        }
        EvaluationReport report = EvaluationRunner.builder().evaluators(ExactMatchEvaluator.strict()).maxConcurrency(2)
                .progress(null).build().run(slow, new Dataset("numbers", examples));
        assertThat(most.get()).isEqualTo(2);
        assertThat(report.summary("exact_match").passRate()).isEqualTo(1.0);
    }

    private static ExampleResult row(String id, double score, double latency, int in, int out) {
        return new ExampleResult(id, "in " + id, "out " + id, "ref " + id,
                List.of(EvaluationResult.of("judge", score, score >= 5)), latency, TokenUsage.of(in, out), null);
    }

    @Test
    void aggregatesMatchHandComputedNumbersAndRenderAsJsonLinesAndMarkdown() throws Exception {
        EvaluationReport report = new EvaluationReport("hand", List.of("judge"), List.of(
                row("a", 8, 40, 100, 10), row("b", 2, 10, 50, 5), row("c", 6, 100, 20, 2),
                row("d", 4, 20, 10, 1), row("e", 10, 30, 20, 2)), new TokenPrice(1.0, 4.0));
        EvaluatorSummary judge = report.summary("judge");
        assertThat(judge.mean()).isEqualTo(6.0);       // (8 + 2 + 6 + 4 + 10) / 5
        assertThat(judge.passRate()).isEqualTo(0.6);   // 8, 6, 10 pass
        assertThat(report.latencyPercentile(50)).isEqualTo(30);  // sorted 10 20 30 40 100, rank ceil(2.5) = 3
        assertThat(report.latencyPercentile(95)).isEqualTo(100); // rank ceil(4.75) = 5
        assertThat(report.totalUsage()).isEqualTo(TokenUsage.of(200, 20));
        assertThat(report.cost().getAsDouble()).isCloseTo((200 * 1.0 + 20 * 4.0) / 1_000_000, within(1e-12));

        List<String> lines = report.toJsonLines().lines().toList();
        assertThat(lines).hasSize(5);
        var first = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("a");
        assertThat(first.at("/results/judge/score").asDouble()).isEqualTo(8.0);
        assertThat(first.get("total_tokens").asInt()).isEqualTo(110);

        String markdown = report.toMarkdown();
        assertThat(markdown).contains("| judge | 6.00 | 60% | 5 | 0 |")
                .contains("latency p50: 30.00 ms, p95: 100.00 ms, tokens: 220 (200 in, 20 out), cost: 0.000280")
                .contains("| b | in b | out b | ref b | 2.00 ✗ | 10.00 | 55 |  |");
    }

    @Test
    void aDiffTellsWhatGotBetterAndWorse() {
        EvaluationReport before = new EvaluationReport("hand", List.of("judge"),
                List.of(row("a", 8, 1, 1, 1), row("b", 2, 1, 1, 1), row("c", 6, 1, 1, 1)), null);
        EvaluationReport after = new EvaluationReport("hand", List.of("judge"),
                List.of(row("a", 9, 1, 1, 1), row("b", 2, 1, 1, 1), row("c", 3, 1, 1, 1)), null);
        ReportDiff diff = after.diff(before);
        assertThat(diff.examples(ReportDiff.Direction.BETTER)).extracting(ReportDiff.ExampleChange::id).containsExactly("a");
        assertThat(diff.examples(ReportDiff.Direction.WORSE)).singleElement()
                .satisfies(c -> assertThat(c.before()).isEqualTo(6.0)).satisfies(c -> assertThat(c.after()).isEqualTo(3.0));
        ReportDiff.EvaluatorChange judge = diff.evaluators().get(0);
        assertThat(judge.meanBefore()).isCloseTo(16.0 / 3, within(1e-9));
        assertThat(judge.meanAfter()).isCloseTo(14.0 / 3, within(1e-9));
        assertThat(judge.passRateBefore()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(judge.passRateAfter()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(diff.toMarkdown()).contains("| a | judge | 8.00 | 9.00 | better |", "| c | judge | 6.00 | 3.00 | worse |");
    }
}
