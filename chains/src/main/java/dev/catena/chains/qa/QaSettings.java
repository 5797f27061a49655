package dev.catena.chains.qa;

import dev.catena.chains.documents.CombineDocuments;
import dev.catena.chains.documents.CombineStrategy;
import dev.catena.chains.documents.PromptLanguage;
import dev.catena.chains.documents.TokenBudget;
import dev.catena.core.components.Component;
import dev.catena.core.models.PromptValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The combine settings both QA chains' builders share: strategy, prompt language, replaced prompts,
 * token budget and concurrency.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class QaSettings<B extends QaSettings<B>> {

    private CombineStrategy strategy = CombineStrategy.STUFF;
    private PromptLanguage language = PromptLanguage.ENGLISH;
    private TokenBudget budget = TokenBudget.DEFAULT;
    private int maxConcurrency = 4;
    final Map<String, Component<Map<String, Object>, PromptValue>> replaced = new LinkedHashMap<>();

    QaSettings() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** How documents are combined (default {@link CombineStrategy#STUFF}). */
    public B strategy(CombineStrategy value) {
        this.strategy = Objects.requireNonNull(value, "strategy");
        return self();
    }

    /** The language of the default prompts (default {@link PromptLanguage#ENGLISH}). */
    public B language(PromptLanguage value) {
        this.language = Objects.requireNonNull(value, "language");
        return self();
    }

    /**
     * Replaces a default prompt by name ("stuff", "map", "collapse", "reduce", "refine_initial",
     * "refine", "map_rerank", and "condense" for the conversational chain); an unknown name fails
     * when the chain is built, listing the names the chosen strategy has.
     */
    public B prompt(String name, Component<Map<String, Object>, PromptValue> prompt) {
        replaced.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(prompt, "prompt"));
        return self();
    }

    /** The token budget: the model's context window, the answer reserve and the counter (default {@link TokenBudget#DEFAULT}). */
    public B budget(TokenBudget value) {
        this.budget = Objects.requireNonNull(value, "budget");
        return self();
    }

    /** At most this many map or rerank calls at once (default 4). */
    public B maxConcurrency(int value) {
        this.maxConcurrency = value;
        return self();
    }

    PromptLanguage language() {
        return language;
    }

    /** The strategy with the defaults of its language and the replaced prompts, except {@code ownPrompts}. */
    CombineDocuments combine(String... ownPrompts) {
        CombineDocuments.Builder builder = CombineDocuments.builder(strategy, QaPrompts.defaults(strategy, language))
                .budget(budget).maxConcurrency(maxConcurrency);
        replaced.forEach((name, prompt) -> {
            if (!java.util.List.of(ownPrompts).contains(name)) {
                builder.prompt(name, prompt);
            }
        });
        return builder.build();
    }
}
