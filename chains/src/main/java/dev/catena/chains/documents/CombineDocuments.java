package dev.catena.chains.documents;

import dev.catena.chains.ChainInputs;
import dev.catena.chains.ChainValidationException;
import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.models.PromptValue;
import dev.catena.prompts.ChatPromptTemplate;
import dev.catena.prompts.PromptTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A way to turn documents and the caller's variables (a question, say) into one model answer. The
 * strategies are {@link StuffDocuments}, {@link MapReduceDocuments}, {@link RefineDocuments} and
 * {@link MapRerankDocuments}; chains build one with {@link #builder}, from default prompts the user
 * may replace by name.
 *
 * <p>Prompt variables: {@value #CONTEXT} (documents), {@value #SUMMARIES} (mapped answers, for
 * collapse and reduce prompts), {@value #EXISTING_ANSWER} (refine prompts), plus the caller's own.
 */
public interface CombineDocuments {

    /** The prompt variable that receives document text. */
    String CONTEXT = "context";
    /** The prompt variable that receives mapped answers joined together. */
    String SUMMARIES = "summaries";
    /** The prompt variable that receives the answer so far in a refine step. */
    String EXISTING_ANSWER = "existing_answer";

    /** Prompt name of the stuff strategy's prompt. */
    String STUFF_PROMPT = "stuff";
    /** Prompt name of map-reduce's per-document prompt. */
    String MAP_PROMPT = "map";
    /** Prompt name of map-reduce's collapse prompt (used when mapped answers do not fit). */
    String COLLAPSE_PROMPT = "collapse";
    /** Prompt name of map-reduce's final prompt. */
    String REDUCE_PROMPT = "reduce";
    /** Prompt name of refine's first-document prompt. */
    String REFINE_INITIAL_PROMPT = "refine_initial";
    /** Prompt name of refine's next-document prompt. */
    String REFINE_PROMPT = "refine";
    /** Prompt name of map-rerank's answer-and-score prompt. */
    String MAP_RERANK_PROMPT = "map_rerank";

    /**
     * Does the intermediate work (formatting, map calls, collapses, refine steps) and returns the final
     * prompt still to send, or the chosen answer. Called through {@link #run}, which traces it.
     *
     * @param model the chat or text model for the intermediate calls
     * @param variables the caller's own prompt variables (the question, say)
     * @param documents the documents to combine, in rank order
     * @param config the run's callbacks, tags and limits
     * @return the final prompt still to send, or the chosen answer, with the documents used and dropped
     * @throws ContextWindowExceededException if a prompt does not fit the budget even with the fewest documents
     *     the strategy can send, or map-reduce's answers still do not fit after its collapse rounds
     */
    Combination combine(Component<PromptValue, ?> model, Map<String, Object> variables, List<Document> documents,
                        RunConfig config);

    /**
     * The prompts this strategy sends, by name.
     *
     * @return the prompts by name, as {@link Builder#prompt} names them
     */
    Map<String, Component<Map<String, Object>, PromptValue>> prompts();

    /**
     * The strategy's name in traces: "stuff", "map_reduce", "refine" or "map_rerank".
     *
     * @return the strategy's name
     */
    String name();

    /**
     * Runs {@link #combine} as a traced run of its own, a child of the run {@code config} belongs to.
     *
     * @param model the chat or text model for the intermediate calls
     * @param variables the caller's own prompt variables (the question, say)
     * @param documents the documents to combine, in rank order
     * @param config the run's callbacks, tags and limits; the combine run becomes a child of its run
     * @return what {@link #combine} returned
     */
    default Combination run(Component<PromptValue, ?> model, Map<String, Object> variables, List<Document> documents,
                            RunConfig config) {
        return new CombineRun(this, model, variables).invoke(documents, config);
    }

    /**
     * A builder for {@code strategy} starting from {@code defaults} (prompt name → prompt).
     *
     * @param strategy how the documents are combined
     * @param defaults the strategy's default prompts by name
     * @return a builder with the default token budget and at most 4 concurrent calls
     */
    static Builder builder(CombineStrategy strategy,
                           Map<String, ? extends Component<Map<String, Object>, PromptValue>> defaults) {
        return new Builder(strategy, defaults);
    }

    /** Builds a strategy; each prompt can be replaced by name, and is checked for the variables it must take. */
    final class Builder {
        private final CombineStrategy strategy;
        private final Map<String, Component<Map<String, Object>, PromptValue>> prompts = new LinkedHashMap<>();
        private TokenBudget budget = TokenBudget.DEFAULT;
        private int maxConcurrency = 4;

        private Builder(CombineStrategy strategy, Map<String, ? extends Component<Map<String, Object>, PromptValue>> defaults) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            prompts.putAll(defaults);
        }

        /**
         * Replaces the prompt called {@code name}; see {@link #prompts()} for the names.
         *
         * @param name the prompt's name, one of the strategy's
         * @param prompt the prompt to use instead
         * @return this builder
         * @throws ChainValidationException if the strategy has no prompt of that name
         */
        public Builder prompt(String name, Component<Map<String, Object>, PromptValue> prompt) {
            if (!prompts.containsKey(name)) {
                throw new ChainValidationException("the " + strategy + " strategy has no prompt named '" + name
                        + "'; its prompts are " + prompts.keySet());
            }
            prompts.put(name, Objects.requireNonNull(prompt, "prompt"));
            return this;
        }

        /**
         * The prompts as they are now, by name.
         *
         * @return an unmodifiable copy of the prompts by name
         */
        public Map<String, Component<Map<String, Object>, PromptValue>> prompts() {
            return Map.copyOf(prompts);
        }

        /**
         * The token budget (default {@link TokenBudget#DEFAULT}).
         *
         * @param value the budget the prompts must fit
         * @return this builder
         */
        public Builder budget(TokenBudget value) {
            this.budget = Objects.requireNonNull(value, "budget");
            return this;
        }

        /**
         * At most this many map or rerank calls at once (default 4).
         *
         * @param value the most concurrent model calls; at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is below 1
         */
        public Builder maxConcurrency(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + value);
            }
            this.maxConcurrency = value;
            return this;
        }

        /**
         * Builds the strategy.
         *
         * @return the strategy
         * @throws ChainValidationException if a prompt the strategy needs is missing, or a template lacks a
         *     variable it must use ({@value #CONTEXT}, {@value #SUMMARIES} or {@value #EXISTING_ANSWER})
         */
        public CombineDocuments build() {
            return switch (strategy) {
                case STUFF -> new StuffDocuments(need(STUFF_PROMPT, CONTEXT), budget);
                case MAP_REDUCE -> new MapReduceDocuments(need(MAP_PROMPT, CONTEXT), need(COLLAPSE_PROMPT, SUMMARIES),
                        need(REDUCE_PROMPT, SUMMARIES), budget, maxConcurrency);
                case REFINE -> new RefineDocuments(need(REFINE_INITIAL_PROMPT, CONTEXT),
                        need(REFINE_PROMPT, CONTEXT, EXISTING_ANSWER), budget);
                case MAP_RERANK -> new MapRerankDocuments(need(MAP_RERANK_PROMPT, CONTEXT), budget, maxConcurrency);
            };
        }

        private Component<Map<String, Object>, PromptValue> need(String name, String... variables) {
            Component<Map<String, Object>, PromptValue> prompt = prompts.get(name);
            if (prompt == null) {
                throw new ChainValidationException("the " + strategy + " strategy needs a prompt named '" + name + "'");
            }
            List<String> has = ChainInputs.variablesOf(prompt);
            for (String v : variables) {
                // Only templates declare their variables; another prompt component gets the whole map.
                if ((prompt instanceof PromptTemplate || prompt instanceof ChatPromptTemplate)
                        && !has.contains(v)) {
                    throw new ChainValidationException("the '" + name + "' prompt must use the variable {" + v
                            + "}; it uses " + has);
                }
            }
            return prompt;
        }
    }
}
