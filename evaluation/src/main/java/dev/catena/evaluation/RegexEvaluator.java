package dev.catena.evaluation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Passes (score 1) when the pattern is found in the output (or, with {@code fullMatch}, matches
 * all of it), else scores 0.
 *
 * @param pattern the pattern
 * @param fullMatch whether the whole output must match rather than a part of it
 */
public record RegexEvaluator(Pattern pattern, boolean fullMatch) implements Evaluator {

    /**
     * Checks the evaluator.
     *
     * @param pattern the pattern
     * @param fullMatch whether the whole output must match
     */
    public RegexEvaluator {
        Objects.requireNonNull(pattern, "pattern");
    }

    /**
     * {@return an evaluator passing when the regular expression is found in the output}
     *
     * @param regex a regular expression
     */
    public static RegexEvaluator find(String regex) {
        return new RegexEvaluator(Pattern.compile(regex), false);
    }

    @Override
    public String name() {
        return "regex";
    }

    @Override
    public EvaluationResult evaluate(Sample sample) {
        var matcher = pattern.matcher(sample.output());
        return EvaluationResult.ofPass(name(), fullMatch ? matcher.matches() : matcher.find());
    }
}
