package dev.catena.agents;

/** What an {@link AgentExecutor} answers when it reaches its iteration or time limit. */
public enum EarlyStopping {
    /** Return a fixed message saying the agent stopped (LangChain's {@code "force"}). */
    FORCE,
    /** Ask the model once more, without tools, for a final answer from the steps so far (LangChain's {@code "generate"}). */
    GENERATE
}
