package dev.catena.models;

import java.util.Objects;

/**
 * What a model can take and do, for budgeting context and picking features: its context window
 * and output limit in tokens, the tokenizer encoding to count with (an approximation for
 * non-OpenAI models), and whether it supports tools, JSON-schema output and images.
 *
 * @param name the model's name
 * @param contextWindow the most tokens of prompt and answer together
 * @param maxOutputTokens the most tokens of one answer
 * @param encoding the tiktoken encoding to count with, e.g. "o200k_base"
 * @param supportsTools whether the model can call tools
 * @param supportsJsonSchema whether the model can answer in a given JSON schema
 * @param supportsVision whether the model takes images
 */
public record ModelInfo(String name, int contextWindow, int maxOutputTokens, String encoding,
                        boolean supportsTools, boolean supportsJsonSchema, boolean supportsVision) {

    /**
     * Requires the name and encoding and positive token limits.
     *
     * @param name the model's name
     * @param contextWindow the most tokens of prompt and answer together
     * @param maxOutputTokens the most tokens of one answer
     * @param encoding the tiktoken encoding to count with, e.g. "o200k_base"
     * @param supportsTools whether the model can call tools
     * @param supportsJsonSchema whether the model can answer in a given JSON schema
     * @param supportsVision whether the model takes images
     */
    public ModelInfo {
        Objects.requireNonNull(name, "model name");
        Objects.requireNonNull(encoding, "encoding");
        if (contextWindow < 1 || maxOutputTokens < 1) {
            throw new IllegalArgumentException("token limits of " + name + " must be positive");
        }
    }
}
