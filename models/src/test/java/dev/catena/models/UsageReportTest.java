package dev.catena.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.core.components.RunInfo;
import dev.catena.core.messages.TokenUsage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageReportTest {

    private static final UUID CHAIN = UUID.randomUUID();

    private static RunInfo run(String name, String model) {
        return new RunInfo(UUID.randomUUID(), CHAIN, name, "chat_model", List.of(),
                model == null ? Map.of() : Map.of(RunInfo.MODEL_NAME, model), Instant.now());
    }

    private static UsageTracker tracked() {
        UsageTracker tracker = new UsageTracker(Map.of("gpt-4o-mini", new ModelPrice(0.15, 0.60)));
        RunInfo first = run("OpenAiChatModel", "gpt-4o-mini-2024-07-18");
        tracker.onUsage(first, TokenUsage.of(1000, 200));
        tracker.onUsage(first, TokenUsage.of(500, 100));
        tracker.onUsage(run("OpenAiChatModel", "gpt-4o-mini"), TokenUsage.of(2000, 400));
        tracker.onUsage(run("LocalModel", "llama3.2"), TokenUsage.of(300, 50));
        return tracker;
    }

    @Test
    void pricesKnownModelsAndReportsUnpricedOnesAsUnknownNeverZero() {
        UsageReport report = UsageReport.of(tracked());

        assertThat(report.models()).extracting(UsageReport.ModelLine::model)
                .containsExactly("gpt-4o-mini", "gpt-4o-mini-2024-07-18", "llama3.2");
        UsageReport.ModelLine dated = report.models().get(1);
        assertThat(dated.calls()).isEqualTo(2);
        assertThat(dated.usage()).isEqualTo(TokenUsage.of(1500, 300));
        assertThat(dated.cost().getAsDouble()).isEqualTo((1500 * 0.15 + 300 * 0.60) / 1e6);
        assertThat(report.models().get(2).cost()).isEmpty();
        assertThat(report.total()).isEqualTo(TokenUsage.of(3800, 750));
        assertThat(report.totalCost()).as("a total over an unpriced model is unknown").isEmpty();

        assertThat(report.runs()).hasSize(3);
        assertThat(report.runs().get(0).run().calls()).isEqualTo(2);
        assertThat(report.runs().get(0).run().parentRunId()).contains(CHAIN);
        assertThat(report.runs().get(2).cost()).isEmpty();
    }

    @Test
    void theTableShowsUnknownWhereThereIsNoPrice() {
        String table = UsageReport.of(tracked()).table();
        System.out.print(table);
        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).startsWith("model").contains("calls", "input", "output", "total", "cost");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("gpt-4o-mini ").endsWith("0.000540"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("llama3.2").endsWith("unknown"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("total").contains("3800", "750", "4550").endsWith("unknown"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("LocalModel", "llama3.2").endsWith("unknown"));
        assertThat(table).doesNotContain("0.000000");
    }

    @Test
    void theJsonHasNullForUnknownCostsAndNumbersForKnownOnes() throws Exception {
        JsonNode json = new ObjectMapper().readTree(UsageReport.of(tracked()).json());
        assertThat(json.get("models").get(0).get("cost").asDouble()).isEqualTo((2000 * 0.15 + 400 * 0.60) / 1e6);
        assertThat(json.get("models").get(2).get("cost").isNull()).isTrue();
        assertThat(json.get("total").get("total_tokens").asInt()).isEqualTo(4550);
        assertThat(json.get("total").get("cost").isNull()).isTrue();
        assertThat(json.get("runs")).hasSize(3);
        assertThat(json.get("runs").get(1).get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(json.get("runs").get(1).get("parent_run_id").asText()).isEqualTo(CHAIN.toString());

        UsageTracker priced = new UsageTracker(Map.of("gpt-4o-mini", new ModelPrice(0.15, 0.60)));
        priced.onUsage(run("m", "gpt-4o-mini"), TokenUsage.of(1_000_000, 0));
        assertThat(new ObjectMapper().readTree(UsageReport.of(priced).json()).get("total").get("cost").asDouble()).isEqualTo(0.15);
    }

    @Test
    void aRootRunHasNoParentAndTheJsonSaysNull() throws Exception {
        UsageTracker tracker = new UsageTracker();
        tracker.onUsage(new RunInfo(UUID.randomUUID(), null, "OpenAiChatModel", "chat_model", List.of(),
                Map.of(RunInfo.MODEL_NAME, "gpt-4o-mini"), Instant.now()), TokenUsage.of(10, 2));

        assertThat(tracker.byRun()).singleElement().satisfies(r -> assertThat(r.parentRunId()).isEmpty());
        JsonNode json = new ObjectMapper().readTree(UsageReport.of(tracker).json());
        assertThat(json.get("runs").get(0).get("parent_run_id").isNull()).isTrue();
    }

    @Test
    void theTrackerKeepsTheLatestRunsAndResetForgetsThem() {
        UsageTracker tracker = new UsageTracker();
        for (int i = 0; i < UsageTracker.MAX_RUNS + 5; i++) {
            tracker.onUsage(run("r" + i, "m"), TokenUsage.of(1, 1));
        }
        assertThat(tracker.byRun()).hasSize(UsageTracker.MAX_RUNS);
        assertThat(tracker.byRun().get(0).name()).isEqualTo("r5");
        assertThat(tracker.total().inputTokens()).isEqualTo(UsageTracker.MAX_RUNS + 5);
        tracker.reset();
        assertThat(tracker.byRun()).isEmpty();
    }
}
