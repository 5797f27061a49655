package dev.catena.evaluation;

import dev.catena.agents.AgentStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Deterministic checks of an agent's intermediate steps (the sample's
 * {@link Prediction#STEPS}, as an {@code AgentExecutor}'s result carries them): every expected tool
 * was called, in the expected order when {@code inOrder} (other calls may come between), within at
 * most {@code maxSteps} steps. Scores 1 when every check holds, else 0 with the broken checks as
 * reasoning.
 *
 * @param expectedTools the tools that must be called
 * @param inOrder whether they must be called in this order
 * @param maxSteps the most steps allowed; 0 for no limit
 */
public record TrajectoryEvaluator(List<String> expectedTools, boolean inOrder, int maxSteps) implements Evaluator {

    /**
     * Checks the evaluator.
     *
     * @param expectedTools the tools
     * @param inOrder whether order counts
     * @param maxSteps the limit, 0 for none
     */
    public TrajectoryEvaluator {
        expectedTools = List.copyOf(expectedTools);
        if (maxSteps < 0) {
            throw new IllegalArgumentException("maxSteps cannot be negative, got " + maxSteps);
        }
    }

    @Override
    public String name() {
        return "trajectory_checks";
    }

    @Override
    public EvaluationResult evaluate(Sample sample) {
        if (!(sample.context().get(Prediction.STEPS) instanceof List<?> steps)) {
            throw new EvaluationException(name() + " reads the agent's " + Prediction.STEPS
                    + " but the sample has none; evaluate an AgentExecutor's AgentResult");
        }
        List<String> called = steps.stream().map(s -> ((AgentStep) s).action().tool()).toList();
        List<String> problems = new ArrayList<>();
        List<String> missing = expectedTools.stream().filter(t -> !called.contains(t)).toList();
        if (!missing.isEmpty()) {
            problems.add("never called " + missing);
        } else if (inOrder && !inSequence(called)) {
            problems.add("called " + called + ", not " + expectedTools + " in that order");
        }
        if (maxSteps > 0 && called.size() > maxSteps) {
            problems.add("took " + called.size() + " steps, more than " + maxSteps);
        }
        return new EvaluationResult(name(), problems.isEmpty() ? 1 : 0, problems.isEmpty(),
                problems.isEmpty() ? "called " + called : String.join("; ", problems), null);
    }

    private boolean inSequence(List<String> called) {
        int next = 0;
        for (String tool : called) {
            if (next < expectedTools.size() && Objects.equals(tool, expectedTools.get(next))) {
                next++;
            }
        }
        return next == expectedTools.size();
    }
}
