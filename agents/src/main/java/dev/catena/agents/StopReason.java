package dev.catena.agents;

/** Why an agent run ended. */
public enum StopReason {
    /** The agent gave a final answer. */
    FINISHED,
    /** A tool marked return-direct answered. */
    RETURN_DIRECT,
    /** The run reached its maximum number of iterations. */
    MAX_ITERATIONS,
    /** The run reached its maximum wall time. */
    MAX_TIME
}
