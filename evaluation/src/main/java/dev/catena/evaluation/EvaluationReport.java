package dev.catena.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.messages.TokenUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What an evaluation run found: one row per example, in dataset order, and aggregates computed
 * from the rows. Written as JSON Lines (one row per line) or as a Markdown table, and compared with
 * another run by {@link #diff}.
 *
 * @param dataset the dataset's name
 * @param evaluators the evaluators' names, in the order they ran
 * @param rows one row per example, in dataset order
 * @param price what tokens cost, or {@code null} when unknown (no cost is reported then)
 */
public record EvaluationReport(String dataset, List<String> evaluators, List<ExampleResult> rows, TokenPrice price) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Checks the report.
     *
     * @param dataset the dataset's name
     * @param evaluators the evaluators' names
     * @param rows the rows
     * @param price the prices, or {@code null}
     */
    public EvaluationReport {
        Objects.requireNonNull(dataset, "dataset");
        evaluators = List.copyOf(evaluators);
        rows = List.copyOf(rows);
    }

    /** {@return one summary per evaluator, in order} */
    public List<EvaluatorSummary> summaries() {
        List<EvaluatorSummary> out = new ArrayList<>();
        for (String evaluator : evaluators) {
            int scored = 0;
            int passed = 0;
            double sum = 0;
            for (ExampleResult row : rows) {
                EvaluationResult result = row.result(evaluator).orElse(null);
                if (result != null && !result.isFailure()) {
                    scored++;
                    sum += result.score();
                    passed += result.passed() ? 1 : 0;
                }
            }
            out.add(new EvaluatorSummary(evaluator, scored, rows.size() - scored, scored == 0 ? Double.NaN : sum / scored,
                    rows.isEmpty() ? Double.NaN : (double) passed / rows.size()));
        }
        return out;
    }

    /**
     * {@return the summary of the named evaluator}
     *
     * @param evaluator an evaluator's name
     */
    public EvaluatorSummary summary(String evaluator) {
        return summaries().stream().filter(s -> s.evaluator().equals(evaluator)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no evaluator " + evaluator + " in this report; it has " + evaluators));
    }

    /**
     * {@return the nearest-rank percentile of the rows' latencies, in milliseconds}
     *
     * @param percent the percentile, in (0, 100]
     */
    public double latencyPercentile(double percent) {
        return Percentiles.of(rows.stream().mapToDouble(ExampleResult::latencyMillis).toArray(), percent);
    }

    /** {@return the tokens of every row added up} */
    public TokenUsage totalUsage() {
        return rows.stream().map(ExampleResult::usage).reduce(TokenUsage.ZERO, TokenUsage::plus);
    }

    /** {@return what the run's tokens cost, when prices were given} */
    public OptionalDouble cost() {
        return price == null ? OptionalDouble.empty() : OptionalDouble.of(price.cost(totalUsage()));
    }

    /** {@return how many rows the component failed on} */
    public long errors() {
        return rows.stream().filter(r -> r.error() != null).count();
    }

    /** {@return the rows as JSON Lines: one object per row, scores by evaluator name} */
    public String toJsonLines() {
        StringBuilder out = new StringBuilder();
        for (ExampleResult row : rows) {
            ObjectNode line = MAPPER.createObjectNode();
            line.put("id", row.id()).put("input", row.input()).put("output", row.output()).put("reference", row.reference());
            ObjectNode scores = line.putObject("results");
            for (EvaluationResult result : row.results()) {
                ObjectNode one = scores.putObject(result.evaluator());
                if (!result.isFailure()) {
                    one.put("score", result.score());
                }
                one.put("passed", result.passed()).put("reasoning", result.reasoning()).put("error", result.error());
            }
            line.put("latency_ms", row.latencyMillis())
                    .put("input_tokens", row.usage().inputTokens())
                    .put("output_tokens", row.usage().outputTokens())
                    .put("total_tokens", row.usage().totalTokens())
                    .put("error", row.error());
            try {
                out.append(MAPPER.writeValueAsString(line)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a tree of strings and numbers always serializes", e);
            }
        }
        return out.toString();
    }

    /**
     * Writes {@link #toJsonLines()} to a file, replacing it.
     *
     * @param file where to write
     */
    public void writeJsonLines(Path file) {
        try {
            Files.writeString(file, toJsonLines());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + file, e);
        }
    }

    /** {@return the report as Markdown: a summary table per evaluator, the run's totals, and a table of rows} */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder("## Evaluation of ").append(dataset).append("\n\n");
        out.append("| Evaluator | Mean | Pass rate | Scored | Failures |\n|---|---|---|---|---|\n");
        for (EvaluatorSummary s : summaries()) {
            out.append("| ").append(s.evaluator()).append(" | ").append(number(s.mean())).append(" | ")
                    .append(percent(s.passRate())).append(" | ").append(s.scored()).append(" | ").append(s.failures()).append(" |\n");
        }
        TokenUsage total = totalUsage();
        out.append("\nExamples: ").append(rows.size()).append(", errors: ").append(errors())
                .append(", latency p50: ").append(number(latencyPercentile(50))).append(" ms")
                .append(", p95: ").append(number(latencyPercentile(95))).append(" ms")
                .append(", tokens: ").append(total.totalTokens())
                .append(" (").append(total.inputTokens()).append(" in, ").append(total.outputTokens()).append(" out)");
        cost().ifPresent(c -> out.append(", cost: ").append(String.format(Locale.ROOT, "%.6f", c)));
        out.append("\n\n| Id | Input | Output | Reference |");
        evaluators.forEach(e -> out.append(' ').append(e).append(" |"));
        out.append(" Latency (ms) | Tokens | Error |\n|---|---|---|---|");
        evaluators.forEach(e -> out.append("---|"));
        out.append("---|---|---|\n");
        for (ExampleResult row : rows) {
            out.append("| ").append(cell(row.id())).append(" | ").append(cell(row.input())).append(" | ")
                    .append(cell(row.output())).append(" | ").append(cell(row.reference())).append(" |");
            for (String evaluator : evaluators) {
                out.append(' ').append(row.result(evaluator)
                        .map(r -> r.isFailure() ? "failed" : number(r.score()) + (r.passed() ? " ✓" : " ✗"))
                        .orElse("")).append(" |");
            }
            out.append(' ').append(number(row.latencyMillis())).append(" | ").append(row.usage().totalTokens())
                    .append(" | ").append(cell(row.error())).append(" |\n");
        }
        return out.toString();
    }

    /**
     * {@return how this run compares with an earlier one, row by row (matched by id) and per evaluator}
     *
     * @param baseline the earlier run
     */
    public ReportDiff diff(EvaluationReport baseline) {
        return ReportDiff.of(baseline, this);
    }

    static String number(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", value * 100);
    }

    private static String cell(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
        return flat.length() > 80 ? flat.substring(0, 77) + "..." : flat;
    }
}
