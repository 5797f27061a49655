package dev.catena.agents;

import java.util.Objects;

/**
 * One action the agent took and what it observed (LangChain's intermediate step).
 *
 * @param action the tool call, with the arguments it ran with
 * @param observation the tool's result, or the error or refusal the model was shown instead
 */
public record AgentStep(AgentAction action, String observation) {

    /**
     * Checks both are present.
     *
     * @param action the tool call
     * @param observation what the model was shown
     */
    public AgentStep {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(observation, "observation");
    }
}
