package dev.catena.chains.documents;

import dev.catena.core.models.PromptValue;
import dev.catena.core.models.TokenCounter;
import java.util.Objects;

/**
 * How many tokens a prompt may take: the model's context window minus what is kept back for the
 * answer, counted with a {@link TokenCounter}. Take the window from the model's metadata, e.g.
 * {@code ModelCatalog.lookup("gpt-4o-mini").map(ModelInfo::contextWindow)} in catena-models.
 *
 * @param counter       counts prompt tokens (pick the model's encoding)
 * @param contextWindow the model's context window in tokens
 * @param answerReserve tokens kept free for the answer
 */
public record TokenBudget(TokenCounter counter, int contextWindow, int answerReserve) {

    /** A budget counting with cl100k_base: an 8,192-token window with 1,024 tokens kept for the answer. */
    public static final TokenBudget DEFAULT = of(8_192, 1_024);

    /**
     * Checks the bounds.
     *
     * @param counter       counts prompt tokens (pick the model's encoding)
     * @param contextWindow the model's context window in tokens
     * @param answerReserve tokens kept free for the answer
     * @throws IllegalArgumentException unless {@code 0 <= answerReserve < contextWindow}
     */
    public TokenBudget {
        Objects.requireNonNull(counter, "counter");
        if (contextWindow <= 0 || answerReserve < 0 || answerReserve >= contextWindow) {
            throw new IllegalArgumentException("need 0 <= answerReserve < contextWindow, got contextWindow "
                    + contextWindow + " and answerReserve " + answerReserve);
        }
    }

    /**
     * A budget counting with cl100k_base.
     *
     * @param contextWindow the model's context window in tokens; positive
     * @param answerReserve tokens kept free for the answer; zero or more and less than the window
     * @return the budget
     * @throws IllegalArgumentException if the numbers break those bounds
     */
    public static TokenBudget of(int contextWindow, int answerReserve) {
        return new TokenBudget(TokenCounter.of("cl100k_base"), contextWindow, answerReserve);
    }

    /**
     * The most tokens a prompt may take: the window minus the answer reserve.
     *
     * @return the prompt limit in tokens
     */
    public int promptLimit() {
        return contextWindow - answerReserve;
    }

    /**
     * The tokens this prompt takes, counted as the chat messages it is sent as.
     *
     * @param prompt the formatted prompt
     * @return its token count
     */
    public int tokens(PromptValue prompt) {
        return counter.count(prompt.toMessages());
    }

    /**
     * Whether this prompt fits under {@link #promptLimit()}.
     *
     * @param prompt the formatted prompt
     * @return true if it takes at most {@link #promptLimit()} tokens
     */
    public boolean fits(PromptValue prompt) {
        return tokens(prompt) <= promptLimit();
    }
}
