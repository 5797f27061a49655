package dev.catena.prompts;

import dev.catena.core.messages.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A slot in a chat prompt filled with a list of messages at format time, typically the chat
 * history. A required placeholder is an input variable; an optional one, when not given, adds
 * nothing (as LangChain's {@code MessagesPlaceholder(optional=True)}). It can keep only the last
 * {@code n} messages of the list (LangChain's {@code n_messages}):
 *
 * <pre>{@code
 * MessagesPlaceholder.optional("history").lastMessages(10)
 * }</pre>
 *
 * @param name         the variable holding a {@code List<ChatMessage>}
 * @param optional     whether it may be left out
 * @param lastMessages how many messages to keep from the end of the list; 0 keeps them all
 */
public record MessagesPlaceholder(String name, boolean optional, int lastMessages) implements MessagePart {

    /**
     * Checks the name and the count.
     *
     * @param name         the variable holding a {@code List<ChatMessage>}
     * @param optional     whether it may be left out
     * @param lastMessages how many messages to keep from the end of the list; 0 keeps them all
     * @throws IllegalArgumentException if the name is missing or {@code lastMessages} is negative
     */
    public MessagesPlaceholder {
        Objects.requireNonNull(name, "placeholder name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a messages placeholder needs a variable name");
        }
        if (lastMessages < 0) {
            throw new IllegalArgumentException("lastMessages must be positive, or 0 for all messages; was " + lastMessages);
        }
    }

    /**
     * A placeholder that keeps every message.
     *
     * @param name the variable holding a {@code List<ChatMessage>}
     * @param optional whether it may be left out
     */
    public MessagesPlaceholder(String name, boolean optional) {
        this(name, optional, 0);
    }

    /**
     * This placeholder keeping only the last {@code n} messages (n at least 1).
     *
     * @param n how many messages to keep from the end
     * @return a new placeholder
     * @throws IllegalArgumentException if {@code n} is less than 1
     */
    public MessagesPlaceholder lastMessages(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("lastMessages(n) needs n >= 1, was " + n);
        }
        return new MessagesPlaceholder(name, optional, n);
    }

    /**
     * A required placeholder.
     *
     * @param name the variable holding a {@code List<ChatMessage>}
     * @return a placeholder that keeps every message
     */
    public static MessagesPlaceholder of(String name) {
        return new MessagesPlaceholder(name, false);
    }

    /**
     * An optional placeholder.
     *
     * @param name the variable holding a {@code List<ChatMessage>}
     * @return a placeholder that keeps every message and formats to none when the variable is missing
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
        return lastMessages > 0 && messages.size() > lastMessages
                ? List.copyOf(messages.subList(messages.size() - lastMessages, messages.size()))
                : messages;
    }
}
