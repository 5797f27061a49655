package dev.catena.agents;

import dev.catena.core.messages.ChatMessage;
import dev.catena.core.tools.ToolSpec;
import java.util.List;
import java.util.Objects;

/**
 * What an agent plans from: the user's input, the session's past turns, the steps taken so far in
 * this run, and the tools it may call.
 *
 * @param input what the user asked
 * @param history earlier turns of this session, oldest first
 * @param steps actions taken in this run and what they returned, oldest first
 * @param tools the tools the agent may call
 */
public record AgentInput(String input, List<ChatMessage> history, List<AgentStep> steps, List<ToolSpec> tools) {

    /**
     * Copies the lists.
     *
     * @param input what the user asked
     * @param history earlier turns
     * @param steps steps taken in this run
     * @param tools the tools the agent may call
     */
    public AgentInput {
        Objects.requireNonNull(input, "input");
        history = List.copyOf(history);
        steps = List.copyOf(steps);
        tools = List.copyOf(tools);
    }
}
