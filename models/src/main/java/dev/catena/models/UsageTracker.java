package dev.catena.models;

import dev.catena.core.components.CallbackHandler;
import dev.catena.core.components.RunInfo;
import dev.catena.core.messages.TokenUsage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A callback that adds up the tokens every model call reports, per model, and estimates the cost
 * from a price table you supply (LangChain's {@code get_openai_callback}). It counts what runs
 * report through {@link dev.catena.core.components.RunConfig#reportUsage}: chat, completion and embedding
 * calls, streamed or not (Catena's clients ask for usage in streams). Only the run that made a
 * request reports it, so a call wrapped in retries, fallbacks or chains is counted once; a cached
 * answer reports nothing. Thread-safe; share one across a whole batch.
 *
 * <p>The model is the one the run's metadata names ({@link RunInfo#modelName()}: Catena's clients
 * report it, and so can your own model through {@code runMetadata()}); a run that names none is
 * counted under its run name.
 *
 * <pre>{@code
 * UsageTracker usage = new UsageTracker(Map.of("gpt-4o-mini", new ModelPrice(0.15, 0.60)));
 * model.chat(request, RunConfig.builder().callbacks(usage).build());
 * System.out.println(usage.total() + " cost " + usage.totalCost());
 * }</pre>
 */
public final class UsageTracker implements CallbackHandler {

    /** How many runs {@link #byRun()} remembers; older ones are dropped (the totals keep counting them). */
    public static final int MAX_RUNS = 10_000;

    private final Map<String, ModelPrice> prices;
    private final Map<String, TokenUsage> byModel = new ConcurrentHashMap<>();
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    // Insertion-ordered and bounded, so a long-running application keeps the latest runs, not all of them.
    private final Map<UUID, RunUsage> byRun = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, RunUsage> eldest) {
            return size() > MAX_RUNS;
        }
    });

    /** A tracker with no prices (costs are zero). */
    public UsageTracker() {
        this(Map.of());
    }

    /**
     * A tracker that prices models by name (exact name, else the longest matching prefix).
     *
     * @param prices the price of each model, by name or name prefix
     */
    public UsageTracker(Map<String, ModelPrice> prices) {
        this.prices = Map.copyOf(Objects.requireNonNull(prices, "prices"));
    }

    @Override
    public void onUsage(RunInfo run, TokenUsage usage) {
        String model = run.modelName().orElse(run.name());
        byModel.merge(model, usage, TokenUsage::plus);
        calls.merge(model, 1, Integer::sum);
        byRun.merge(run.runId(), new RunUsage(run.runId(), run.parentRunId().orElse(null), run.name(), model, 1, usage), RunUsage::plus);
    }

    /**
     * Usage per run that reported it, oldest first (the latest {@value #MAX_RUNS} runs).
     *
     * @return usage per run, oldest first, at most {@value #MAX_RUNS} entries
     */
    public List<RunUsage> byRun() {
        synchronized (byRun) {
            return List.copyOf(byRun.values());
        }
    }

    /**
     * Usage per model, sorted by model name.
     *
     * @return the usage so far, by model name
     */
    public Map<String, TokenUsage> byModel() {
        return new TreeMap<>(byModel);
    }

    /**
     * Requests that reported usage, per model (an embedding run sent in several batches counts each).
     *
     * @return the number of such requests so far, by model name
     */
    public Map<String, Integer> calls() {
        return new TreeMap<>(calls);
    }

    /** {@return all usage added up} */
    public TokenUsage total() {
        TokenUsage sum = TokenUsage.ZERO;
        for (TokenUsage u : byModel.values()) {
            sum = sum.plus(u);
        }
        return sum;
    }

    /**
     * {@return the estimated cost of one model's usage (zero if it has no price)}
     *
     * @param model the model's name
     */
    public double cost(String model) {
        TokenUsage u = byModel.get(model);
        ModelPrice price = priceOf(model);
        return u == null || price == null ? 0 : price.cost(u.inputTokens(), u.outputTokens());
    }

    /** {@return the estimated cost of everything} */
    public double totalCost() {
        return byModel.keySet().stream().mapToDouble(this::cost).sum();
    }

    /** Forgets everything counted so far. */
    public void reset() {
        byModel.clear();
        calls.clear();
        byRun.clear();
    }

    /** The price this tracker was given for a model (exact name, else longest prefix), or null. */
    ModelPrice priceOf(String model) {
        ModelPrice exact = prices.get(model);
        if (exact != null) {
            return exact;
        }
        String best = null;
        for (String key : prices.keySet()) {
            if (model.startsWith(key) && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        return best == null ? null : prices.get(best);
    }

    @Override
    public String toString() {
        return "UsageTracker" + byModel() + " cost=" + totalCost();
    }
}
