package dev.catena.prompts;

import dev.catena.core.messages.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A slot in a chat prompt filled with a list of messages at format time, typically the chat
 * history. A required placeholder is an input variable; an optional one, when not given, adds
 * nothing (as LangChain's {@code MessagesPlaceholder(optional=True)}).
 *
 * @param name     the variable holding a {@code List<ChatMessage>}
 * @param optional whether it may be left out
 */
public record MessagesPlaceholder(String name, boolean optional) implements MessagePart {

    /**
     * Requires a non-blank variable name.
     *
     * @param name the variable holding a {@code List<ChatMessage>}
     * @param optional whether it may be left out
     */
    public MessagesPlaceholder {
        Objects.requireNonNull(name, "placeholder name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a messages placeholder needs a variable name");
        }
    }

    /**
     * {@return a required placeholder}
     *
     * @param name the variable holding the messages
     */
    public static MessagesPlaceholder of(String name) {
        return new MessagesPlaceholder(name, false);
    }

    /**
     * {@return an optional placeholder}
     *
     * @param name the variable holding the messages
     */
    public static MessagesPlaceholder optional(String name) {
        return new MessagesPlaceholder(name, true);
    }

    @Override
    public List<String> inputVariables() {
        return optional ? List.of() : List.of(name);
    }

    @Override
    public List<ChatMessage> formatMessages(Map<String, ?> variables) {
        Object value = variables.get(name);
        if (value == null) {
            if (optional) {
                return List.of();
            }
            throw PromptFormatException.missing(List.of(name), List.of(name), variables.keySet());
        }
        if (!(value instanceof List<?> list)) {
            throw new PromptFormatException("variable '" + name + "' should be a list of chat messages, got "
                    + value.getClass().getSimpleName() + "; pass a List<ChatMessage>", -1);
        }
        List<ChatMessage> messages = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof ChatMessage m)) {
                throw new PromptFormatException("variable '" + name + "' should be a list of chat messages, but holds a "
                        + (item == null ? "null" : item.getClass().getSimpleName()), -1);
            }
            messages.add(m);
        }
        return messages;
    }
}
