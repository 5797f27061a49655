package dev.catena.core.messages;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tokens one model call used: prompt (input), completion (output) and their total.
 *
 * @param inputTokens  prompt tokens
 * @param outputTokens completion tokens
 * @param totalTokens  their total as the provider reports it
 * @param details      what a usage report holds beyond the three counts, kept as read (LangChain's
 *                     {@code input_token_details} and {@code output_token_details}, e.g. cached or
 *                     reasoning tokens); empty when none
 */
public record TokenUsage(int inputTokens, int outputTokens, int totalTokens, Map<String, Object> details) {

    /** Nothing used. */
    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0);

    /**
     * Checks the counts are not negative and copies the details (null becomes empty).
     *
     * @param inputTokens  prompt tokens
     * @param outputTokens completion tokens
     * @param totalTokens  their total as the provider reports it
     * @param details      what a usage report holds beyond the three counts, kept as read (LangChain's
     *                     {@code input_token_details} and {@code output_token_details}, e.g. cached or
     *                     reasoning tokens); empty when none
     * @throws IllegalArgumentException if a count is negative
     */
    public TokenUsage {
        if (inputTokens < 0 || outputTokens < 0 || totalTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative: " + inputTokens + "/" + outputTokens + "/" + totalTokens);
        }
        details = JsonFields.copy(details);
    }

    /**
     * Usage of three counts and no details.
     *
     * @param inputTokens prompt tokens
     * @param outputTokens completion tokens
     * @param totalTokens their total as the provider reports it
     * @throws IllegalArgumentException if a count is negative
     */
    public TokenUsage(int inputTokens, int outputTokens, int totalTokens) {
        this(inputTokens, outputTokens, totalTokens, null);
    }

    /**
     * Usage with the total computed from input and output.
     *
     * @param inputTokens prompt tokens
     * @param outputTokens completion tokens
     * @return usage whose total is their sum
     * @throws IllegalArgumentException if a count is negative
     */
    public static TokenUsage of(int inputTokens, int outputTokens) {
        return new TokenUsage(inputTokens, outputTokens, inputTokens + outputTokens);
    }

    /**
     * The sum of two usages (null counts as zero); numbers in the details are summed too, as LangChain's {@code add_usage} does.
     *
     * @param other the usage to add, or null
     * @return the sum
     */
    public TokenUsage plus(TokenUsage other) {
        if (other == null) {
            return this;
        }
        return new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                totalTokens + other.totalTokens, sum(details, other.details));
    }

    /** The record's form, the details left out when there are none (as usage printed before they existed). */
    @Override
    public String toString() {
        return "TokenUsage[inputTokens=" + inputTokens + ", outputTokens=" + outputTokens + ", totalTokens=" + totalTokens
                + (details.isEmpty() ? "" : ", details=" + details) + "]";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sum(Map<String, Object> a, Map<String, Object> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        Map<String, Object> out = new LinkedHashMap<>(a);
        b.forEach((key, value) -> out.merge(key, value, (x, y) -> {
            if (x instanceof Number m && y instanceof Number n) {
                return m instanceof Integer && n instanceof Integer ? (Object) (m.intValue() + n.intValue())
                        : (Object) (m.longValue() + n.longValue());
            }
            if (x instanceof Map<?, ?> m && y instanceof Map<?, ?> n) {
                return sum((Map<String, Object>) m, (Map<String, Object>) n);
            }
            return y;
        }));
        return out;
    }
}
