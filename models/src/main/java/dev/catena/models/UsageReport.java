package dev.catena.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.messages.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * What a {@link UsageTracker} counted, as a report: tokens and cost per model and per run, and the
 * total, printed as a console table ({@link #table()}) or written as JSON ({@link #json()}). A model
 * without a price in the tracker's table has an unknown cost, shown as {@code unknown} (JSON
 * {@code null}), never as zero; and a total over it is unknown too, since a partial sum would read as
 * the whole bill.
 *
 * <pre>{@code
 * UsageTracker usage = new UsageTracker(Map.of("gpt-4o-mini", new ModelPrice(0.15, 0.60)));
 * chain.invoke(input, RunConfig.builder().callbacks(usage).build());
 * System.out.println(UsageReport.of(usage).table());
 * }</pre>
 */
public final class UsageReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One model's line: requests that reported usage, tokens, and cost if the model has a price. */
    public record ModelLine(String model, int calls, TokenUsage usage, OptionalDouble cost) {
    }

    /** One run's line: the run and its cost if its model has a price. */
    public record RunLine(RunUsage run, OptionalDouble cost) {
    }

    private final List<ModelLine> models;
    private final List<RunLine> runs;
    private final TokenUsage total;
    private final OptionalDouble totalCost;

    private UsageReport(List<ModelLine> models, List<RunLine> runs) {
        this.models = List.copyOf(models);
        this.runs = List.copyOf(runs);
        TokenUsage sum = TokenUsage.ZERO;
        double cost = 0;
        boolean known = true;
        for (ModelLine line : models) {
            sum = sum.plus(line.usage());
            known &= line.cost().isPresent();
            cost += line.cost().orElse(0);
        }
        this.total = sum;
        this.totalCost = known ? OptionalDouble.of(cost) : OptionalDouble.empty();
    }

    /**
     * A report of everything the tracker has counted so far, priced with the tracker's prices.
     *
     * @param tracker the tracker to report on
     * @return a snapshot; later usage does not change it
     */
    public static UsageReport of(UsageTracker tracker) {
        List<ModelLine> models = new ArrayList<>();
        Map<String, Integer> calls = tracker.calls();
        tracker.byModel().forEach((model, usage) ->
                models.add(new ModelLine(model, calls.getOrDefault(model, 0), usage, cost(tracker.priceOf(model), usage))));
        List<RunLine> runs = tracker.byRun().stream()
                .map(run -> new RunLine(run, cost(tracker.priceOf(run.model()), run.usage()))).toList();
        return new UsageReport(models, runs);
    }

    private static OptionalDouble cost(ModelPrice price, TokenUsage usage) {
        return price == null ? OptionalDouble.empty() : OptionalDouble.of(price.cost(usage.inputTokens(), usage.outputTokens()));
    }

    /**
     * Lines per model, sorted by model name.
     *
     * @return one line per model, sorted by name
     */
    public List<ModelLine> models() {
        return models;
    }

    /**
     * Lines per run, oldest first.
     *
     * @return one line per run, oldest first
     */
    public List<RunLine> runs() {
        return runs;
    }

    /**
     * All tokens added up.
     *
     * @return the sum of every model's usage
     */
    public TokenUsage total() {
        return total;
    }

    /**
     * The total cost, or empty when any model that used tokens has no price.
     *
     * @return the total cost, or empty when a model with usage has no price
     */
    public OptionalDouble totalCost() {
        return totalCost;
    }

    /**
     * The report as a console table: one line per model and a total, then one line per run.
     *
     * @return the table as text, lines separated by newlines
     */
    public String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"model", "calls", "input", "output", "total", "cost"});
        for (ModelLine m : models) {
            rows.add(new String[] {m.model(), Integer.toString(m.calls()), Integer.toString(m.usage().inputTokens()),
                    Integer.toString(m.usage().outputTokens()), Integer.toString(m.usage().totalTokens()), money(m.cost())});
        }
        rows.add(new String[] {"total", Integer.toString(models.stream().mapToInt(ModelLine::calls).sum()),
                Integer.toString(total.inputTokens()), Integer.toString(total.outputTokens()),
                Integer.toString(total.totalTokens()), money(totalCost)});
        StringBuilder out = new StringBuilder(format(rows, 1, 1));
        if (!runs.isEmpty()) {
            List<String[]> runRows = new ArrayList<>();
            runRows.add(new String[] {"run", "name", "model", "input", "output", "total", "cost"});
            for (RunLine r : runs) {
                TokenUsage u = r.run().usage();
                runRows.add(new String[] {r.run().runId().toString(), r.run().name(), r.run().model(),
                        Integer.toString(u.inputTokens()), Integer.toString(u.outputTokens()),
                        Integer.toString(u.totalTokens()), money(r.cost())});
            }
            out.append('\n').append(format(runRows, 0, 3));
        }
        return out.toString();
    }

    /**
     * The report as JSON: {@code models} and {@code runs} arrays and a {@code total}, each with
     * {@code input_tokens}, {@code output_tokens}, {@code total_tokens} and {@code cost} (null when unknown).
     *
     * @return the report as a JSON object
     */
    public String json() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        ArrayNode modelArray = root.putArray("models");
        for (ModelLine m : models) {
            ObjectNode node = modelArray.addObject();
            node.put("model", m.model());
            node.put("calls", m.calls());
            usage(node, m.usage(), m.cost());
        }
        ArrayNode runArray = root.putArray("runs");
        for (RunLine r : runs) {
            ObjectNode node = runArray.addObject();
            node.put("run_id", r.run().runId().toString());
            node.put("parent_run_id", r.run().parentRunId().map(UUID::toString).orElse(null));
            node.put("name", r.run().name());
            node.put("model", r.run().model());
            node.put("calls", r.run().calls());
            usage(node, r.run().usage(), r.cost());
        }
        usage(root.putObject("total"), total, totalCost);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static void usage(ObjectNode node, TokenUsage usage, OptionalDouble cost) {
        node.put("input_tokens", usage.inputTokens());
        node.put("output_tokens", usage.outputTokens());
        node.put("total_tokens", usage.totalTokens());
        if (cost.isPresent()) {
            node.put("cost", cost.getAsDouble());
        } else {
            node.putNull("cost");
        }
    }

    private static String money(OptionalDouble cost) {
        return cost.isPresent() ? String.format(Locale.ROOT, "%.6f", cost.getAsDouble()) : "unknown";
    }

    /** Columns padded to their widest cell, numbers right-aligned; a rule under the header and above the last {@code footer} rows. */
    private static String format(List<String[]> rows, int footer, int firstNumber) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            if (r == 1 || (footer > 0 && r == rows.size() - footer)) {
                for (int i = 0; i < width.length; i++) {
                    out.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
                }
                out.append('\n');
            }
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                String cell = i >= firstNumber ? " ".repeat(width[i] - row[i].length()) + row[i]
                        : row[i] + " ".repeat(width[i] - row[i].length());
                out.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append('\n');
        }
        return out.toString().lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("") + "\n";
    }
}
