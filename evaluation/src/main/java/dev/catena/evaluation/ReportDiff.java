package dev.catena.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a candidate run compares with a baseline: per evaluator, the change of mean and pass rate;
 * per example present in both (matched by id) and per evaluator, whether it got better or worse.
 *
 * @param evaluators one change per evaluator the two runs share
 * @param examples one change per example and shared evaluator whose verdict moved
 */
public record ReportDiff(List<EvaluatorChange> evaluators, List<ExampleChange> examples) {

    /** Which way a verdict moved. */
    public enum Direction {
        /** A higher score, or a pass where there was a failure. */
        BETTER,
        /** A lower score, or a failure where there was a pass. */
        WORSE
    }

    /**
     * The change of one evaluator's aggregates.
     *
     * @param evaluator the evaluator's name
     * @param meanBefore the baseline's mean
     * @param meanAfter the candidate's mean
     * @param passRateBefore the baseline's pass rate
     * @param passRateAfter the candidate's pass rate
     */
    public record EvaluatorChange(String evaluator, double meanBefore, double meanAfter, double passRateBefore,
                                  double passRateAfter) {
    }

    /**
     * One example's verdict that moved.
     *
     * @param id the example's id
     * @param evaluator the evaluator's name
     * @param before the baseline's score ({@code NaN} when it could not be scored)
     * @param after the candidate's score ({@code NaN} when it could not be scored)
     * @param direction better or worse
     */
    public record ExampleChange(String id, String evaluator, double before, double after, Direction direction) {
    }

    /**
     * Checks the diff.
     *
     * @param evaluators the per-evaluator changes
     * @param examples the per-example changes
     */
    public ReportDiff {
        evaluators = List.copyOf(evaluators);
        examples = List.copyOf(examples);
    }

    /**
     * {@return the diff of two reports}
     *
     * @param baseline the earlier run
     * @param candidate the later run
     */
    public static ReportDiff of(EvaluationReport baseline, EvaluationReport candidate) {
        List<String> shared = candidate.evaluators().stream().filter(baseline.evaluators()::contains).toList();
        List<EvaluatorChange> evaluators = new ArrayList<>();
        for (String name : shared) {
            EvaluatorSummary before = baseline.summary(name);
            EvaluatorSummary after = candidate.summary(name);
            evaluators.add(new EvaluatorChange(name, before.mean(), after.mean(), before.passRate(), after.passRate()));
        }
        Map<String, ExampleResult> earlier = new HashMap<>();
        baseline.rows().forEach(r -> earlier.put(r.id(), r));
        List<ExampleChange> examples = new ArrayList<>();
        for (ExampleResult row : candidate.rows()) {
            ExampleResult old = earlier.get(row.id());
            if (old == null) {
                continue;
            }
            for (String name : shared) {
                double before = score(old, name);
                double after = score(row, name);
                Direction direction = direction(before, after);
                if (direction != null) {
                    examples.add(new ExampleChange(row.id(), name, before, after, direction));
                }
            }
        }
        return new ReportDiff(evaluators, examples);
    }

    /**
     * {@return the examples that moved in one direction}
     *
     * @param direction better or worse
     */
    public List<ExampleChange> examples(Direction direction) {
        return examples.stream().filter(c -> c.direction() == direction).toList();
    }

    /** {@return the diff as Markdown: a table per evaluator, then the examples that moved} */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder("| Evaluator | Mean before | Mean after | Pass rate before | Pass rate after |\n"
                + "|---|---|---|---|---|\n");
        for (EvaluatorChange c : evaluators) {
            out.append("| ").append(c.evaluator()).append(" | ").append(EvaluationReport.number(c.meanBefore()))
                    .append(" | ").append(EvaluationReport.number(c.meanAfter())).append(" | ")
                    .append(EvaluationReport.number(c.passRateBefore())).append(" | ")
                    .append(EvaluationReport.number(c.passRateAfter())).append(" |\n");
        }
        out.append("\n| Example | Evaluator | Before | After | Change |\n|---|---|---|---|---|\n");
        for (ExampleChange c : examples) {
            out.append("| ").append(c.id()).append(" | ").append(c.evaluator()).append(" | ")
                    .append(EvaluationReport.number(c.before())).append(" | ").append(EvaluationReport.number(c.after()))
                    .append(" | ").append(c.direction() == Direction.BETTER ? "better" : "worse").append(" |\n");
        }
        return out.toString();
    }

    private static double score(ExampleResult row, String evaluator) {
        return row.result(evaluator).filter(r -> !r.isFailure()).map(EvaluationResult::score).orElse(Double.NaN);
    }

    private static Direction direction(double before, double after) {
        if (Double.isNaN(before) && Double.isNaN(after)) {
            return null;
        }
        if (Double.isNaN(before)) {
            return Direction.BETTER; // could not be scored before, can now
        }
        if (Double.isNaN(after)) {
            return Direction.WORSE;
        }
        return after > before ? Direction.BETTER : after < before ? Direction.WORSE : null;
    }
}
