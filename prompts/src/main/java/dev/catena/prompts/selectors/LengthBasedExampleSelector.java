package dev.catena.prompts.selectors;

import dev.catena.prompts.ExampleSelector;
import dev.catena.prompts.PromptTemplate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Shows as many examples, in order, as fit in a length budget together with the input, as
 * LangChain's {@code LengthBasedExampleSelector}: the input's length is taken from the budget,
 * then examples (formatted with the example prompt) are added until the next one would not fit.
 * Length is counted in words by default; plug in a token counter for tokens:
 *
 * <pre>{@code
 * new LengthBasedExampleSelector(examples, examplePrompt, 200, text -> counter.count(text));
 * }</pre>
 */
public final class LengthBasedExampleSelector implements ExampleSelector {

    /** LangChain's default length: the number of pieces when splitting on every space and newline. */
    public static final ToIntFunction<String> WORD_COUNT = LengthBasedExampleSelector::wordCount;

    /** LangChain's default budget. */
    public static final int DEFAULT_MAX_LENGTH = 2048;

    private volatile List<Map<String, Object>> examples;
    private volatile int[] lengths;
    private final PromptTemplate examplePrompt;
    private final int maxLength;
    private final ToIntFunction<String> lengthFunction;

    /**
     * Fits examples into {@code maxLength} words.
     *
     * @param examples the examples, in the order to show them
     * @param examplePrompt formats one example
     * @param maxLength the budget in words, input included
     */
    public LengthBasedExampleSelector(List<? extends Map<String, ?>> examples, PromptTemplate examplePrompt, int maxLength) {
        this(examples, examplePrompt, maxLength, WORD_COUNT);
    }

    /**
     * Fits examples into {@code maxLength} units of {@code lengthFunction} (words, tokens, characters…).
     *
     * @param examples the examples, in the order to show them
     * @param examplePrompt formats one example
     * @param maxLength the budget, input included
     * @param lengthFunction measures a text
     */
    public LengthBasedExampleSelector(List<? extends Map<String, ?>> examples, PromptTemplate examplePrompt, int maxLength,
                                      ToIntFunction<String> lengthFunction) {
        this.examplePrompt = Objects.requireNonNull(examplePrompt, "examplePrompt");
        this.lengthFunction = Objects.requireNonNull(lengthFunction, "lengthFunction");
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must not be negative, was " + maxLength);
        }
        this.maxLength = maxLength;
        List<Map<String, Object>> copy = new ArrayList<>();
        examples.forEach(e -> copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(e))));
        this.examples = List.copyOf(copy);
        // Example lengths are computed once, not on every selection.
        this.lengths = new int[copy.size()];
        for (int i = 0; i < copy.size(); i++) {
            lengths[i] = lengthFunction.applyAsInt(examplePrompt.format(copy.get(i)));
        }
    }

    static int wordCount(String text) {
        int pieces = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n') {
                pieces++;
            }
        }
        return pieces;
    }

    /** Adds an example at the end, as LangChain's {@code add_example}; its length is computed now. */
    @Override
    public synchronized void addExample(Map<String, ?> example) {
        Map<String, Object> copy = Collections.unmodifiableMap(new LinkedHashMap<>(example));
        int length = lengthFunction.applyAsInt(examplePrompt.format(copy));
        List<Map<String, Object>> more = new ArrayList<>(examples);
        more.add(copy);
        int[] moreLengths = Arrays.copyOf(lengths, lengths.length + 1);
        moreLengths[lengths.length] = length;
        // Lengths first: a reader takes the examples list, then lengths at least as long.
        lengths = moreLengths;
        examples = List.copyOf(more);
    }

    @Override
    public List<Map<String, Object>> select(Map<String, ?> inputVariables) {
        List<Map<String, Object>> examples = this.examples;
        int[] lengths = this.lengths;
        StringBuilder input = new StringBuilder();
        for (Object v : inputVariables.values()) {
            if (input.length() > 0) {
                input.append(' ');
            }
            input.append(v);
        }
        int remaining = maxLength - lengthFunction.applyAsInt(input.toString());
        List<Map<String, Object>> chosen = new ArrayList<>();
        for (int i = 0; i < examples.size() && remaining > 0; i++) {
            int left = remaining - lengths[i];
            if (left < 0) {
                break;
            }
            chosen.add(examples.get(i));
            remaining = left;
        }
        return chosen;
    }

    /** {@return the budget, in units of the length function} */
    public int maxLength() {
        return maxLength;
    }
}
