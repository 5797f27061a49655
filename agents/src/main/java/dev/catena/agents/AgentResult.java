package dev.catena.agents;

import java.util.List;
import java.util.Objects;

/**
 * How an agent run ended.
 *
 * @param output the final answer (or the stop message, or a return-direct tool's result)
 * @param intermediateSteps each action and observation, when the executor returns them; else empty
 * @param stopReason why the run ended
 */
public record AgentResult(String output, List<AgentStep> intermediateSteps, StopReason stopReason) {

    /**
     * Copies the steps.
     *
     * @param output the final answer
     * @param intermediateSteps the steps, or empty
     * @param stopReason why the run ended
     */
    public AgentResult {
        Objects.requireNonNull(output, "output");
        intermediateSteps = List.copyOf(intermediateSteps);
        Objects.requireNonNull(stopReason, "stopReason");
    }
}
