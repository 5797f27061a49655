package dev.catena.models;

/**
 * What a model costs, in your currency per million tokens, for input (prompt) and output
 * (completion) tokens. Prices change: take them from your provider's price page.
 */
public record ModelPrice(double inputPerMillion, double outputPerMillion) {

    public ModelPrice {
        if (inputPerMillion < 0 || outputPerMillion < 0) {
            throw new IllegalArgumentException("prices must not be negative");
        }
    }

    /** The cost of this many input and output tokens. */
    public double cost(long inputTokens, long outputTokens) {
        return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1_000_000.0;
    }
}
