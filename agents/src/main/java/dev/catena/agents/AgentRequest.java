package dev.catena.agents;

import java.util.Objects;

/**
 * One turn for an {@link AgentExecutor}: what the user asks, in which session.
 *
 * @param input what the user asks
 * @param sessionId the conversation whose past turns the executor's history keeps; null for none
 */
public record AgentRequest(String input, String sessionId) {

    /**
     * Checks the input is present.
     *
     * @param input what the user asks
     * @param sessionId the conversation, or null
     */
    public AgentRequest {
        Objects.requireNonNull(input, "input");
    }

    /**
     * {@return a turn outside any session}
     *
     * @param input what the user asks
     */
    public static AgentRequest of(String input) {
        return new AgentRequest(input, null);
    }
}
