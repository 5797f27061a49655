package dev.catena.core.messages;

import java.util.Objects;
import java.util.Optional;

/**
 * A model's request to run a tool.
 *
 * <p>In a streamed chunk a tool call may be a fragment: every fragment of one call carries the
 * same id, and merging chunks concatenates the fragments' arguments (see {@link AiMessage#merge}).
 * The id is read through {@link Optional}, as every optional value of a message is: it is absent
 * only for calls read from a LangChain history that had none (LangChain allows that).
 */
public final class ToolCall {

    private final String id;
    private final String name;
    private final String arguments;

    /**
     * A call as the model sent it; a null name or arguments becomes empty text.
     *
     * @param id        the call's id, echoed in the {@link ToolMessage} that answers it; null when
     *                  the call has none (as the wire and LangChain histories write it)
     * @param name      the tool's name
     * @param arguments the arguments as a JSON object text ({@code "{}"} when there are none)
     */
    public ToolCall(String id, String name, String arguments) {
        this.id = id;
        this.name = name == null ? "" : name;
        this.arguments = arguments == null ? "" : arguments;
    }

    /**
     * The call's id, echoed in the {@link ToolMessage} that answers it.
     *
     * @return the id, or empty for a call read from a LangChain history that had none
     */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /**
     * The tool's name.
     *
     * @return the name; empty text in a streamed fragment that did not carry it
     */
    public String name() {
        return name;
    }

    /**
     * The arguments.
     *
     * @return the arguments as a JSON object text ({@code "{}"} when there are none)
     */
    public String arguments() {
        return arguments;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolCall other && Objects.equals(id, other.id) && name.equals(other.name)
                && arguments.equals(other.arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, arguments);
    }

    @Override
    public String toString() {
        return "ToolCall[" + (id == null ? "" : "id=" + id + ", ") + "name=" + name + ", arguments=" + arguments + "]";
    }
}
