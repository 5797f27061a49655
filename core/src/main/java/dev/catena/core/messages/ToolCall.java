package dev.catena.core.messages;

/**
 * A model's request to run a tool.
 *
 * <p>In a streamed chunk a tool call may be a fragment: every fragment of one call carries the
 * same id, and merging chunks concatenates the fragments' arguments (see {@link AiMessage#merge}).
 *
 * @param id        the call's id, echoed in the {@link ToolMessage} that answers it; null only for
 *                  calls read from a LangChain history that had none (LangChain allows that)
 * @param name      the tool's name
 * @param arguments the arguments as a JSON object text ({@code "{}"} when there are none)
 */
public record ToolCall(String id, String name, String arguments) {

    /**
     * Replaces a null name or arguments with empty text.
     *
     * @param id        the call's id, echoed in the {@link ToolMessage} that answers it; null only for
     *                  calls read from a LangChain history that had none (LangChain allows that)
     * @param name      the tool's name
     * @param arguments the arguments as a JSON object text ({@code "{}"} when there are none)
     */
    public ToolCall {
        name = name == null ? "" : name;
        arguments = arguments == null ? "" : arguments;
    }
}
