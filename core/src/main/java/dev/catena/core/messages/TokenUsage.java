package dev.catena.core.messages;

/**
 * Tokens one model call used: prompt (input), completion (output) and their total.
 *
 * @param inputTokens tokens of the prompt
 * @param outputTokens tokens of the completion
 * @param totalTokens their total, as the provider reported it
 */
public record TokenUsage(int inputTokens, int outputTokens, int totalTokens) {

    /** Nothing used. */
    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0);

    /**
     * Rejects negative counts.
     *
     * @param inputTokens tokens of the prompt
     * @param outputTokens tokens of the completion
     * @param totalTokens their total, as the provider reported it
     */
    public TokenUsage {
        if (inputTokens < 0 || outputTokens < 0 || totalTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative: " + inputTokens + "/" + outputTokens + "/" + totalTokens);
        }
    }

    /**
     * Usage with the total computed from input and output.
     *
     * @param inputTokens tokens of the prompt
     * @param outputTokens tokens of the completion
     * @return the usage
     */
    public static TokenUsage of(int inputTokens, int outputTokens) {
        return new TokenUsage(inputTokens, outputTokens, inputTokens + outputTokens);
    }

    /**
     * {@return the sum of two usages (null counts as zero)}
     *
     * @param other the usage to add, or null
     */
    public TokenUsage plus(TokenUsage other) {
        if (other == null) {
            return this;
        }
        return new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens, totalTokens + other.totalTokens);
    }
}
