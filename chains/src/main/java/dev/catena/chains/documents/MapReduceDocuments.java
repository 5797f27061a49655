package dev.catena.chains.documents;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.models.PromptValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The "map_reduce" strategy: one "map" call per document, at most {@code maxConcurrency} at once;
 * when the mapped answers together do not fit the reduce prompt's budget they are grouped into
 * "collapse" calls that each fit, again and again until they do; then one "reduce" call. Every map
 * and collapse call is a traced run named after its step.
 */
public final class MapReduceDocuments implements CombineDocuments {

    /** Collapsing stops with an error after this many rounds rather than calling the model forever. */
    static final int MAX_COLLAPSE_ROUNDS = 8;

    private final Component<Map<String, Object>, PromptValue> mapPrompt;
    private final Component<Map<String, Object>, PromptValue> collapsePrompt;
    private final Component<Map<String, Object>, PromptValue> reducePrompt;
    private final TokenBudget budget;
    private final int maxConcurrency;

    /**
     * With these prompts (map uses {@code {context}}, collapse and reduce {@code {summaries}}), budget and concurrency.
     *
     * @param mapPrompt the per-document prompt
     * @param collapsePrompt the prompt that shortens a group of mapped answers
     * @param reducePrompt the final prompt over all mapped answers
     * @param budget the token budget every prompt must fit
     * @param maxConcurrency the most map or collapse calls at once; at least 1
     * @throws IllegalArgumentException if {@code maxConcurrency} is below 1
     */
    public MapReduceDocuments(Component<Map<String, Object>, PromptValue> mapPrompt,
                              Component<Map<String, Object>, PromptValue> collapsePrompt,
                              Component<Map<String, Object>, PromptValue> reducePrompt,
                              TokenBudget budget, int maxConcurrency) {
        this.mapPrompt = Objects.requireNonNull(mapPrompt, "mapPrompt");
        this.collapsePrompt = Objects.requireNonNull(collapsePrompt, "collapsePrompt");
        this.reducePrompt = Objects.requireNonNull(reducePrompt, "reducePrompt");
        this.budget = Objects.requireNonNull(budget, "budget");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
        }
        this.maxConcurrency = maxConcurrency;
    }

    @Override
    public Combination combine(Component<PromptValue, ?> model, Map<String, Object> variables, List<Document> documents,
                               RunConfig config) {
        List<Map<String, Object>> mapInputs = new ArrayList<>();
        for (Document document : documents) {
            Map<String, Object> input = PromptInputs.with(variables, CONTEXT, document.text());
            int tokens = budget.tokens(mapPrompt.call(input, config)); // measuring only
            if (tokens > budget.promptLimit()) {
                throw new ContextWindowExceededException("document " + PromptInputs.describe(document) + " takes "
                        + tokens + " tokens in the map prompt, more than the " + budget.promptLimit()
                        + " a prompt may take; split the documents smaller");
            }
            mapInputs.add(input);
        }
        RunConfig bounded = config.toBuilder().maxConcurrency(Math.min(maxConcurrency, config.maxConcurrency())).build();
        List<String> answers = new PromptedCall("map", mapPrompt, model).batch(mapInputs, bounded);
        List<String> intermediate = new ArrayList<>(answers);
        PromptedCall collapse = new PromptedCall("collapse", collapsePrompt, model);
        for (int round = 1; !fits(reducePrompt, variables, answers, config); round++) {
            if (round > MAX_COLLAPSE_ROUNDS) {
                throw new ContextWindowExceededException("the mapped answers still do not fit the reduce prompt after "
                        + MAX_COLLAPSE_ROUNDS + " collapse rounds; use a collapse prompt that shortens more, or a larger window");
            }
            List<Map<String, Object>> groups = groups(variables, answers, config).stream()
                    .map(group -> PromptInputs.with(variables, SUMMARIES, String.join(PromptInputs.SEPARATOR, group)))
                    .toList();
            answers = collapse.batch(groups, bounded);
            intermediate.addAll(answers);
        }
        PromptValue reduce = reducePrompt.invoke(
                PromptInputs.with(variables, SUMMARIES, String.join(PromptInputs.SEPARATOR, answers)), config);
        return Combination.pending(reduce, documents, List.of(), intermediate);
    }

    /** Packs the answers, in order, into groups whose collapse prompt each fits the budget. */
    private List<List<String>> groups(Map<String, Object> variables, List<String> answers, RunConfig config) {
        List<List<String>> groups = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String answer : answers) {
            current.add(answer);
            if (!fits(collapsePrompt, variables, current, config)) {
                current.remove(current.size() - 1);
                if (current.isEmpty()) {
                    throw new ContextWindowExceededException("one mapped answer alone does not fit the collapse prompt's budget of "
                            + budget.promptLimit() + " tokens; use a map prompt that answers more briefly");
                }
                groups.add(current);
                current = new ArrayList<>(List.of(answer));
                if (!fits(collapsePrompt, variables, current, config)) {
                    throw new ContextWindowExceededException("one mapped answer alone does not fit the collapse prompt's budget of "
                            + budget.promptLimit() + " tokens; use a map prompt that answers more briefly");
                }
            }
        }
        groups.add(current);
        return groups;
    }

    private boolean fits(Component<Map<String, Object>, PromptValue> prompt, Map<String, Object> variables,
                         List<String> answers, RunConfig config) {
        return budget.fits(prompt.call(PromptInputs.with(variables, SUMMARIES, String.join(PromptInputs.SEPARATOR, answers)), config));
    }

    @Override
    public Map<String, Component<Map<String, Object>, PromptValue>> prompts() {
        return Map.of(MAP_PROMPT, mapPrompt, COLLAPSE_PROMPT, collapsePrompt, REDUCE_PROMPT, reducePrompt);
    }

    @Override
    public String name() {
        return "map_reduce";
    }
}
