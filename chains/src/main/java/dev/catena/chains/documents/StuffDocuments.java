package dev.catena.chains.documents;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.models.PromptValue;
import dev.catena.core.models.TokenCounter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The "stuff" strategy: documents go into one prompt's {@value CombineDocuments#CONTEXT} in rank
 * order, as many as fit the {@link TokenBudget} (the context window minus the prompt, the question
 * and the answer reserve). The first document that does not fit and every lower-ranked one are
 * dropped and listed in the {@link Combination}; nothing is cut silently.
 */
public final class StuffDocuments implements CombineDocuments {

    private final Component<Map<String, Object>, PromptValue> prompt;
    private final TokenBudget budget;

    /**
     * With this prompt (it must use {@code {context}}) and budget.
     *
     * @param prompt the prompt the documents go into
     * @param budget the token budget the prompt with its documents must fit
     */
    public StuffDocuments(Component<Map<String, Object>, PromptValue> prompt, TokenBudget budget) {
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    @Override
    public Combination combine(Component<PromptValue, ?> model, Map<String, Object> variables, List<Document> documents,
                               RunConfig config) {
        int kept = fitting(variables, documents, config);
        List<Document> sources = documents.subList(0, kept);
        PromptValue full = prompt.invoke(PromptInputs.with(variables, CONTEXT, PromptInputs.join(sources)), config);
        return Combination.pending(full, sources, documents.subList(kept, documents.size()), List.of());
    }

    /**
     * How many of the documents, from the first, fit the budget. Adds up each document's count (each
     * counted once) against the room the bare prompt leaves, then checks the whole formatted prompt,
     * since tokens at the joins may merge differently, and drops from the end until it fits.
     */
    int fitting(Map<String, Object> variables, List<Document> documents, RunConfig config) {
        // Measuring only: formatted without a traced run of its own; the prompt actually sent is traced.
        PromptValue bare = prompt.call(PromptInputs.with(variables, CONTEXT, ""), config);
        int bareTokens = budget.tokens(bare);
        if (bareTokens > budget.promptLimit()) {
            throw new ContextWindowExceededException("the prompt and question alone take " + bareTokens
                    + " tokens, more than the " + budget.promptLimit() + " a prompt may take (context window "
                    + budget.contextWindow() + " minus " + budget.answerReserve() + " kept for the answer)");
        }
        TokenCounter counter = budget.counter();
        int room = budget.promptLimit() - bareTokens;
        int separator = counter.count(PromptInputs.SEPARATOR);
        int used = 0;
        int kept = 0;
        for (Document document : documents) {
            int cost = counter.countUpTo(document.text(), room + 1) + (kept == 0 ? 0 : separator);
            if (used + cost > room) {
                break;
            }
            used += cost;
            kept++;
        }
        while (kept > 0 && !budget.fits(prompt.call(
                PromptInputs.with(variables, CONTEXT, PromptInputs.join(documents.subList(0, kept))), config))) {
            kept--;
        }
        return kept;
    }

    @Override
    public Map<String, Component<Map<String, Object>, PromptValue>> prompts() {
        return Map.of(STUFF_PROMPT, prompt);
    }

    @Override
    public String name() {
        return "stuff";
    }
}
