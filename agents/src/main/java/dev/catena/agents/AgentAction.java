package dev.catena.agents;

import dev.catena.core.messages.AiMessage;
import java.util.Objects;

/**
 * One tool call an agent decided on.
 *
 * @param tool the tool's name
 * @param arguments the arguments, a JSON object as text
 * @param callId the model's id of the call (native tool calls), or a made-up one (ReAct)
 * @param log what the model wrote when deciding (its thought), for the record
 * @param message the model's reply the call came from, so a tool-calling agent can replay it; null for ReAct
 */
public record AgentAction(String tool, String arguments, String callId, String log, AiMessage message) {

    /** The tool name of a step recording a malformed reply (LangChain's {@code _Exception}). */
    public static final String MALFORMED = "_Exception";

    /**
     * Checks the tool, arguments and id are present; a null log becomes empty.
     *
     * @param tool the tool's name
     * @param arguments the arguments, a JSON object as text
     * @param callId the call's id
     * @param log the model's thought
     * @param message the reply the call came from, or null
     */
    public AgentAction {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(callId, "callId");
        log = log == null ? "" : log;
    }

    /**
     * {@return this action with other arguments (an approver edited them)}
     *
     * @param value the new arguments
     */
    public AgentAction withArguments(String value) {
        return new AgentAction(tool, value, callId, log, message);
    }
}
