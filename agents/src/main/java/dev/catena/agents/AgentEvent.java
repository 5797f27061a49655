package dev.catena.agents;

/** What an agent run reports while it streams (see {@link AgentExecutor#streamEvents}). */
public sealed interface AgentEvent {

    /**
     * The agent is about to call a tool.
     *
     * @param action the call, after any approver's edit
     */
    record Action(AgentAction action) implements AgentEvent {
    }

    /**
     * A tool call returned (or failed, or was denied), and this is what the model is shown.
     *
     * @param step the action and its observation
     */
    record Observation(AgentStep step) implements AgentEvent {
    }

    /**
     * A piece of the final answer, as the model streams it. A {@link ToolCallingAgent} streams every
     * text the model writes, so text a model writes next to its tool calls arrives here too; a
     * {@link ReActAgent} sends the parsed final answer in one piece.
     *
     * @param text the piece
     */
    record AnswerToken(String text) implements AgentEvent {
    }

    /**
     * The run ended; the last event.
     *
     * @param result the final answer, steps and stop reason
     */
    record Finished(AgentResult result) implements AgentEvent {
    }
}
