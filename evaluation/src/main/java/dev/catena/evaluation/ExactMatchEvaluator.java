package dev.catena.evaluation;

import java.util.Locale;

/**
 * Passes (score 1) when the output equals the reference, else scores 0; optionally ignoring case
 * and collapsing runs of whitespace (and trimming) on both sides first.
 *
 * @param ignoreCase compare case-insensitively
 * @param normalizeWhitespace trim and collapse whitespace runs to one space before comparing
 */
public record ExactMatchEvaluator(boolean ignoreCase, boolean normalizeWhitespace) implements Evaluator {

    /** {@return a strict evaluator: character for character} */
    public static ExactMatchEvaluator strict() {
        return new ExactMatchEvaluator(false, false);
    }

    /** {@return an evaluator ignoring case and whitespace differences} */
    public static ExactMatchEvaluator lenient() {
        return new ExactMatchEvaluator(true, true);
    }

    @Override
    public String name() {
        return "exact_match";
    }

    @Override
    public EvaluationResult evaluate(Sample sample) {
        String reference = sample.requireReference(name());
        return EvaluationResult.ofPass(name(), normalize(sample.output()).equals(normalize(reference)));
    }

    private String normalize(String text) {
        String out = normalizeWhitespace ? text.strip().replaceAll("\\s+", " ") : text;
        return ignoreCase ? out.toLowerCase(Locale.ROOT) : out;
    }
}
