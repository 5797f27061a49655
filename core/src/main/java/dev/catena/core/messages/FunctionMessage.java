package dev.catena.core.messages;

import java.util.Map;
import java.util.Objects;

/**
 * The result of a legacy OpenAI function call, as LangChain's {@code FunctionMessage}: role
 * {@code function}, with the function's {@code name}. Newer code answers tool calls with
 * {@link ToolMessage}; this kind is kept so that histories holding it stay readable and are written back.
 *
 * @param name             the function's name; not null
 * @param text             the function's output
 * @param id               the message's id (LangChain's {@code id}), or null
 * @param additionalKwargs LangChain's {@code additional_kwargs}, kept as read; empty when none
 * @param responseMetadata LangChain's {@code response_metadata}, kept as read; empty when none
 */
public record FunctionMessage(String name, String text, String id, Map<String, Object> additionalKwargs,
                              Map<String, Object> responseMetadata) implements ChatMessage {

    /**
     * Checks the name and text and copies the maps (null maps become empty).
     *
     * @param name             the function's name; not null
     * @param text             the function's output
     * @param id               the message's id (LangChain's {@code id}), or null
     * @param additionalKwargs LangChain's {@code additional_kwargs}, kept as read; empty when none
     * @param responseMetadata LangChain's {@code response_metadata}, kept as read; empty when none
     */
    public FunctionMessage {
        Objects.requireNonNull(name, "function message name");
        Objects.requireNonNull(text, "function message text");
        additionalKwargs = JsonFields.copy(additionalKwargs);
        responseMetadata = JsonFields.copy(responseMetadata);
    }

    /**
     * A function result with no id.
     *
     * @param name the function's name; not null
     * @param text the function's output; not null
     */
    public FunctionMessage(String name, String text) {
        this(name, text, null, null, null);
    }

    /** This message with another id. */
    @Override
    public FunctionMessage withId(String value) {
        return new FunctionMessage(name, text, value, additionalKwargs, responseMetadata);
    }

    @Override
    public Role role() {
        return Role.FUNCTION;
    }
}
