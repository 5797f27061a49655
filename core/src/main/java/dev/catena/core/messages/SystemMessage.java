package dev.catena.core.messages;

import java.util.Map;
import java.util.Objects;

/**
 * Instructions for the model, usually first in the conversation.
 *
 * @param text             the instructions
 * @param name             an optional participant name (OpenAI's {@code name}, used for example turns
 *                         in few-shot prompts), or null
 * @param id               the message's id (LangChain's {@code id}), or null
 * @param additionalKwargs LangChain's {@code additional_kwargs}, kept as read; empty when none
 * @param responseMetadata LangChain's {@code response_metadata}, kept as read; empty when none
 */
public record SystemMessage(String text, String name, String id, Map<String, Object> additionalKwargs,
                            Map<String, Object> responseMetadata) implements ChatMessage {

    /**
     * Checks the text and copies the maps (null maps become empty).
     *
     * @param text             the instructions
     * @param name             an optional participant name (OpenAI's {@code name}, used for example turns
     *                         in few-shot prompts), or null
     * @param id               the message's id (LangChain's {@code id}), or null
     * @param additionalKwargs LangChain's {@code additional_kwargs}, kept as read; empty when none
     * @param responseMetadata LangChain's {@code response_metadata}, kept as read; empty when none
     */
    public SystemMessage {
        Objects.requireNonNull(text, "system message text");
        additionalKwargs = JsonFields.copy(additionalKwargs);
        responseMetadata = JsonFields.copy(responseMetadata);
    }

    /**
     * A system message with a name and no id.
     *
     * @param text the instructions; not null
     * @param name an optional participant name, or null
     */
    public SystemMessage(String text, String name) {
        this(text, name, null, null, null);
    }

    /**
     * A system message with no name.
     *
     * @param text the instructions; not null
     */
    public SystemMessage(String text) {
        this(text, null);
    }

    /** This message with another id. */
    @Override
    public SystemMessage withId(String value) {
        return new SystemMessage(text, name, value, additionalKwargs, responseMetadata);
    }

    @Override
    public Role role() {
        return Role.SYSTEM;
    }
}
