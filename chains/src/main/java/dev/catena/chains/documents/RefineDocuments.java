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
 * The "refine" strategy: an answer from the first document ("refine_initial"), then refined with
 * each next document in rank order ("refine", with the answer so far in
 * {@value CombineDocuments#EXISTING_ANSWER}). The last refine call is the final answer, so it streams.
 */
public final class RefineDocuments implements CombineDocuments {

    private final Component<Map<String, Object>, PromptValue> initialPrompt;
    private final Component<Map<String, Object>, PromptValue> refinePrompt;
    private final TokenBudget budget;

    /**
     * With these prompts (both use {@code {context}}, the refine prompt also {@code {existing_answer}}) and budget.
     *
     * @param initialPrompt the prompt for the first document
     * @param refinePrompt the prompt for each next document
     * @param budget the token budget every prompt must fit
     */
    public RefineDocuments(Component<Map<String, Object>, PromptValue> initialPrompt,
                           Component<Map<String, Object>, PromptValue> refinePrompt, TokenBudget budget) {
        this.initialPrompt = Objects.requireNonNull(initialPrompt, "initialPrompt");
        this.refinePrompt = Objects.requireNonNull(refinePrompt, "refinePrompt");
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    @Override
    public Combination combine(Component<PromptValue, ?> model, Map<String, Object> variables, List<Document> documents,
                               RunConfig config) {
        List<String> intermediate = new ArrayList<>();
        String answer = null;
        int last = Math.max(documents.size() - 1, 0);
        for (int i = 0; i <= last; i++) {
            String context = documents.isEmpty() ? "" : documents.get(i).text();
            Component<Map<String, Object>, PromptValue> prompt = i == 0 ? initialPrompt : refinePrompt;
            Map<String, Object> input = i == 0 ? PromptInputs.with(variables, CONTEXT, context)
                    : PromptInputs.with(variables, CONTEXT, context, EXISTING_ANSWER, answer);
            int tokens = budget.tokens(prompt.call(input, config)); // measuring only
            if (tokens > budget.promptLimit()) {
                throw new ContextWindowExceededException("refine step " + (i + 1) + " (document "
                        + PromptInputs.describe(documents.get(i)) + ") takes " + tokens + " tokens, more than the "
                        + budget.promptLimit() + " a prompt may take; split the documents smaller");
            }
            if (i == last) {
                return Combination.pending(prompt.invoke(input, config), documents, List.of(), intermediate);
            }
            answer = new PromptedCall(i == 0 ? REFINE_INITIAL_PROMPT : REFINE_PROMPT, prompt, model).invoke(input, config);
            intermediate.add(answer);
        }
        throw new IllegalStateException("unreachable: the loop returns at the last document");
    }

    @Override
    public Map<String, Component<Map<String, Object>, PromptValue>> prompts() {
        return Map.of(REFINE_INITIAL_PROMPT, initialPrompt, REFINE_PROMPT, refinePrompt);
    }

    @Override
    public String name() {
        return "refine";
    }
}
