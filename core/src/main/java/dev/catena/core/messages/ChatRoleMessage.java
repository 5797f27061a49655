package dev.catena.core.messages;

import java.util.Map;
import java.util.Objects;

/**
 * A message whose role is none of Catena's own, as LangChain's {@code ChatMessage} (stored as type
 * {@code chat} by Python, {@code generic} by LangChain.js): the role is a free name such as
 * {@code "critic"}. Sent as that role to OpenAI-compatible servers; providers with a fixed set of
 * roles refuse it.
 *
 * @param speaker          the role's name, as written (LangChain's {@code role}); not blank
 * @param text             the message text
 * @param name             an optional participant name, or null
 * @param id               the message's id (LangChain's {@code id}), or null
 * @param additionalKwargs LangChain's {@code additional_kwargs}, kept as read; empty when none
 * @param responseMetadata LangChain's {@code response_metadata}, kept as read; empty when none
 */
public record ChatRoleMessage(String speaker, String text, String name, String id, Map<String, Object> additionalKwargs,
                              Map<String, Object> responseMetadata) implements ChatMessage {

    /**
     * Checks the role and text and copies the maps (null maps become empty).
     *
     * @param speaker          the role's name, as written (LangChain's {@code role}); not blank
     * @param text             the message text
     * @param name             an optional participant name, or null
     * @param id               the message's id (LangChain's {@code id}), or null
     * @param additionalKwargs LangChain's {@code additional_kwargs}, kept as read; empty when none
     * @param responseMetadata LangChain's {@code response_metadata}, kept as read; empty when none
     * @throws IllegalArgumentException if {@code speaker} is blank
     */
    public ChatRoleMessage {
        Objects.requireNonNull(speaker, "chat message role");
        Objects.requireNonNull(text, "chat message text");
        if (speaker.isBlank()) {
            throw new IllegalArgumentException("a chat message needs a role name, got a blank one");
        }
        additionalKwargs = JsonFields.copy(additionalKwargs);
        responseMetadata = JsonFields.copy(responseMetadata);
    }

    /**
     * A chat-role message with no name or id.
     *
     * @param speaker the role's name; not blank
     * @param text    the message text; not null
     */
    public ChatRoleMessage(String speaker, String text) {
        this(speaker, text, null, null, null, null);
    }

    /** This message with another id. */
    @Override
    public ChatRoleMessage withId(String value) {
        return new ChatRoleMessage(speaker, text, name, value, additionalKwargs, responseMetadata);
    }

    @Override
    public Role role() {
        return Role.CHAT;
    }
}
