package dev.catena.models;

import java.util.Objects;

/**
 * What a model can take and do, for budgeting context and picking features: its context window
 * and output limit in tokens, the tokenizer encoding to count with (an approximation for
 * non-OpenAI models), and whether it supports tools, JSON-schema output and images.
 */
public record ModelInfo(String name, int contextWindow, int maxOutputTokens, String encoding,
                        boolean supportsTools, boolean supportsJsonSchema, boolean supportsVision) {

    public ModelInfo {
        Objects.requireNonNull(name, "model name");
        Objects.requireNonNull(encoding, "encoding");
        if (contextWindow < 1 || maxOutputTokens < 1) {
            throw new IllegalArgumentException("token limits of " + name + " must be positive");
        }
    }
}
