package dev.catena.chains.documents;

import dev.catena.core.components.Component;
import dev.catena.core.models.PromptValue;
import dev.catena.chains.ChainValidationException;
import dev.catena.prompts.PromptTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The document-combining settings the builders of question-answering and summarisation chains
 * share: strategy, prompt language, replaced prompts, token budget and concurrency.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class CombineSettings<B extends CombineSettings<B>> {

    private CombineStrategy strategy = CombineStrategy.STUFF;
    private PromptLanguage language = PromptLanguage.ENGLISH;
    private TokenBudget budget = TokenBudget.DEFAULT;
    private int maxConcurrency = 4;
    private final Map<String, Component<Map<String, Object>, PromptValue>> replaced = new LinkedHashMap<>();
    private final BiFunction<CombineStrategy, PromptLanguage, Map<String, PromptTemplate>> defaults;

    /**
     * Settings whose default prompts come from {@code defaults} (strategy and language → prompts by name).
     *
     * @param defaults gives the default prompts by name for a strategy and a language
     */
    protected CombineSettings(BiFunction<CombineStrategy, PromptLanguage, Map<String, PromptTemplate>> defaults) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * How documents are combined (default {@link CombineStrategy#STUFF}).
     *
     * @param value the strategy
     * @return this builder
     */
    public B strategy(CombineStrategy value) {
        this.strategy = Objects.requireNonNull(value, "strategy");
        return self();
    }

    /**
     * The language of the default prompts (default {@link PromptLanguage#ENGLISH}).
     *
     * @param value the language
     * @return this builder
     */
    public B language(PromptLanguage value) {
        this.language = Objects.requireNonNull(value, "language");
        return self();
    }

    /**
     * Replaces a default prompt by name ("stuff", "map", "collapse", "reduce", "refine_initial",
     * "refine", "map_rerank", and a chain's own such as "condense"); an unknown name fails when the
     * chain is built, listing the names the chosen strategy has.
     *
     * @param name the prompt's name
     * @param prompt the prompt to use instead
     * @return this builder
     */
    public B prompt(String name, Component<Map<String, Object>, PromptValue> prompt) {
        replaced.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(prompt, "prompt"));
        return self();
    }

    /**
     * The token budget: the model's context window, the answer reserve and the counter (default {@link TokenBudget#DEFAULT}).
     *
     * @param value the budget the prompts must fit
     * @return this builder
     */
    public B budget(TokenBudget value) {
        this.budget = Objects.requireNonNull(value, "budget");
        return self();
    }

    /**
     * At most this many map or rerank calls at once (default 4).
     *
     * @param value the most concurrent model calls; at least 1, checked when the chain is built
     * @return this builder
     */
    public B maxConcurrency(int value) {
        this.maxConcurrency = value;
        return self();
    }

    /**
     * The language chosen for the default prompts.
     *
     * @return the language
     */
    public PromptLanguage language() {
        return language;
    }

    /**
     * The prompt replaced under {@code name}, or null (for a chain's own prompts, such as "condense").
     *
     * @param name the prompt's name
     * @return the replacing prompt, or null if none was set under that name
     */
    public Component<Map<String, Object>, PromptValue> replacedPrompt(String name) {
        return replaced.get(name);
    }

    /**
     * Builds the strategy from the defaults of its language with the replaced prompts, leaving out
     * {@code ownPrompts} (those the chain itself sends). Chains call it when they are built.
     *
     * @throws ChainValidationException for an unknown prompt name or a prompt missing a variable
     * @param ownPrompts the names of prompts the chain sends itself, not the strategy
     * @return the strategy
     */
    public CombineDocuments combine(String... ownPrompts) {
        CombineDocuments.Builder builder = CombineDocuments.builder(strategy, defaults.apply(strategy, language))
                .budget(budget).maxConcurrency(maxConcurrency);
        replaced.forEach((name, prompt) -> {
            if (!List.of(ownPrompts).contains(name)) {
                builder.prompt(name, prompt);
            }
        });
        return builder.build();
    }
}
