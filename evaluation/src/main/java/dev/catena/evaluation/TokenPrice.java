package dev.catena.evaluation;

import dev.catena.core.messages.TokenUsage;

/**
 * What a model's tokens cost, per million, in whatever currency the report should show.
 *
 * @param inputPerMillion the price of a million input tokens
 * @param outputPerMillion the price of a million output tokens
 */
public record TokenPrice(double inputPerMillion, double outputPerMillion) {

    /**
     * Checks the prices.
     *
     * @param inputPerMillion the input price
     * @param outputPerMillion the output price
     */
    public TokenPrice {
        if (inputPerMillion < 0 || outputPerMillion < 0) {
            throw new IllegalArgumentException("prices cannot be negative: " + inputPerMillion + ", " + outputPerMillion);
        }
    }

    /**
     * {@return what this usage costs}
     *
     * @param usage the tokens spent
     */
    public double cost(TokenUsage usage) {
        return (usage.inputTokens() * inputPerMillion + usage.outputTokens() * outputPerMillion) / 1_000_000;
    }
}
