package dev.catena.agents;

import dev.catena.core.components.RunConfig;
import java.util.function.Consumer;

/**
 * Decides the next step of an agent loop: which tools to call, or the final answer. The {@link
 * AgentExecutor} runs the loop, the tools and the limits; an agent only talks to its model.
 */
public interface Agent {

    /**
     * Asks the model what to do next.
     *
     * @param input the user's input, past turns, steps so far and tools
     * @param config the run's config; model calls made with it are child runs
     * @param answerTokens receives the text of a final answer as it streams, when the caller streams
     * @return the tools to call, or the final answer
     */
    AgentDecision plan(AgentInput input, RunConfig config, Consumer<String> answerTokens);

    /**
     * Asks the model once for a final answer from the steps so far, without tools (the executor's
     * {@link EarlyStopping#GENERATE} mode, when a limit is reached).
     *
     * @param input the user's input, past turns, steps so far and tools
     * @param config the run's config
     * @return the model's final answer
     */
    String finalAnswer(AgentInput input, RunConfig config);
}
