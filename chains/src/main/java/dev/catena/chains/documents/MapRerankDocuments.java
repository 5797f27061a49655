package dev.catena.chains.documents;

import dev.catena.chains.ChainInputException;
import dev.catena.core.OutputParserException;
import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.models.PromptValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "map_rerank" strategy: one call per document (at most {@code maxConcurrency} at once), each
 * answering and scoring itself; the highest score wins and a tie goes to the higher-ranked document.
 * Each answer must end with a line {@code Score: <0-100>}; anything else is an
 * {@link OutputParserException} carrying the model's text, never a silent zero.
 */
public final class MapRerankDocuments implements CombineDocuments {

    private static final Pattern SCORED = Pattern.compile("(?s)(.*\\S)\\s*\\n\\s*Score:\\s*(\\d{1,3})\\s*");

    private final Component<Map<String, Object>, PromptValue> prompt;
    private final TokenBudget budget;
    private final int maxConcurrency;

    /**
     * With this prompt (it must use {@code {context}} and ask for the score line), budget and concurrency.
     *
     * @param prompt the per-document answer-and-score prompt
     * @param budget the token budget every prompt must fit
     * @param maxConcurrency the most calls at once; at least 1
     * @throws IllegalArgumentException if {@code maxConcurrency} is below 1
     */
    public MapRerankDocuments(Component<Map<String, Object>, PromptValue> prompt, TokenBudget budget, int maxConcurrency) {
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.budget = Objects.requireNonNull(budget, "budget");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
        }
        this.maxConcurrency = maxConcurrency;
    }

    /**
     * An answer and its score, parsed from one model reply.
     *
     * @param answer the answer text, without the score line
     * @param score the model's score for it, 0 to 100
     */
    public record ScoredAnswer(String answer, int score) {
    }

    /**
     * Parses {@code "<answer>\nScore: <0-100>"} strictly: the answer must not be blank, the score line
     * must be the last, and the score a whole number from 0 to 100.
     *
     * @param reply the model's text
     * @return the answer, stripped, and its score
     * @throws OutputParserException if the reply has no final score line, the answer is blank or the score is above 100
     */
    public static ScoredAnswer parse(String reply) {
        Matcher m = SCORED.matcher(reply);
        String expected = "an answer followed by a last line 'Score: <whole number from 0 to 100>'";
        if (!m.matches()) {
            throw new OutputParserException("the answer does not end with a score line", reply, expected);
        }
        int score = Integer.parseInt(m.group(2));
        if (score > 100) {
            throw new OutputParserException("the score " + score + " is above 100", reply, expected);
        }
        return new ScoredAnswer(m.group(1).strip(), score);
    }

    @Override
    public Combination combine(Component<PromptValue, ?> model, Map<String, Object> variables, List<Document> documents,
                               RunConfig config) {
        if (documents.isEmpty()) {
            throw new ChainInputException("map_rerank has no documents to answer from; "
                    + "the retriever returned none");
        }
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (Document document : documents) {
            Map<String, Object> input = PromptInputs.with(variables, CONTEXT, document.text());
            int tokens = budget.tokens(prompt.call(input, config)); // measuring only
            if (tokens > budget.promptLimit()) {
                throw new ContextWindowExceededException("document " + PromptInputs.describe(document) + " takes "
                        + tokens + " tokens in the map_rerank prompt, more than the " + budget.promptLimit()
                        + " a prompt may take; split the documents smaller");
            }
            inputs.add(input);
        }
        RunConfig bounded = config.toBuilder().maxConcurrency(Math.min(maxConcurrency, config.maxConcurrency())).build();
        List<String> replies = new PromptedCall(MAP_RERANK_PROMPT, prompt, model).batch(inputs, bounded);
        int best = -1;
        ScoredAnswer winner = null;
        for (int i = 0; i < replies.size(); i++) {
            ScoredAnswer scored = parse(replies.get(i));
            if (winner == null || scored.score() > winner.score()) { // strictly greater: a tie keeps the higher rank
                winner = scored;
                best = i;
            }
        }
        return Combination.answered(winner.answer(), List.of(documents.get(best)), replies);
    }

    @Override
    public Map<String, Component<Map<String, Object>, PromptValue>> prompts() {
        return Map.of(MAP_RERANK_PROMPT, prompt);
    }

    @Override
    public String name() {
        return "map_rerank";
    }
}
