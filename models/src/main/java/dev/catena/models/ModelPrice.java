package dev.catena.models;

/**
 * What a model costs, in your currency per million tokens, for input (prompt) and output
 * (completion) tokens. Prices change: take them from your provider's price page.
 *
 * @param inputPerMillion the price of a million input (prompt) tokens
 * @param outputPerMillion the price of a million output (completion) tokens
 */
public record ModelPrice(double inputPerMillion, double outputPerMillion) {

    /**
     * Rejects negative prices.
     *
     * @param inputPerMillion the price of a million input (prompt) tokens
     * @param outputPerMillion the price of a million output (completion) tokens
     */
    public ModelPrice {
        if (inputPerMillion < 0 || outputPerMillion < 0) {
            throw new IllegalArgumentException("prices must not be negative");
        }
    }

    /**
     * {@return the cost of this many input and output tokens}
     *
     * @param inputTokens the input tokens
     * @param outputTokens the output tokens
     */
    public double cost(long inputTokens, long outputTokens) {
        return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1_000_000.0;
    }
}
