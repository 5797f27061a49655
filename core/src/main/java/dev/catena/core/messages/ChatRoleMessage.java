package dev.catena.core.messages;

import java.util.Map;
import java.util.Objects;

/**
 * A message whose role is none of Catena's own, as LangChain's {@code ChatMessage} (stored as type
 * {@code chat} by Python, {@code generic} by LangChain.js): the role is a free name such as
 * {@code "critic"}. Sent as that role to OpenAI-compatible servers; providers with a fixed set of
 * roles refuse it. The optional {@link #name()} and {@link #id()} are empty when absent, never null.
 */
public final class ChatRoleMessage extends MessageFields implements ChatMessage {

    private final String speaker;
    private final String text;

    /**
     * A chat-role message with every field; null stands for an absent name, id or map.
     *
     * @param speaker          the role's name, as written (LangChain's {@code role}); not blank
     * @param text             the message text; not null
     * @param name             an optional participant name, or null for none
     * @param id               the message's id (LangChain's {@code id}), or null for none
     * @param additionalKwargs LangChain's {@code additional_kwargs}, kept as read; null for none
     * @param responseMetadata LangChain's {@code response_metadata}, kept as read; null for none
     * @throws NullPointerException if {@code speaker} or {@code text} is null
     * @throws IllegalArgumentException if {@code speaker} is blank
     */
    public ChatRoleMessage(String speaker, String text, String name, String id, Map<String, Object> additionalKwargs,
                           Map<String, Object> responseMetadata) {
        super(name, id, additionalKwargs, responseMetadata);
        Objects.requireNonNull(speaker, "chat message role");
        Objects.requireNonNull(text, "chat message text");
        if (speaker.isBlank()) {
            throw new IllegalArgumentException("a chat message needs a role name, got a blank one");
        }
        this.speaker = speaker;
        this.text = text;
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

    /**
     * The role's name, as written (LangChain's {@code role}).
     *
     * @return the role's name, not blank
     */
    public String speaker() {
        return speaker;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public ChatRoleMessage withId(String value) {
        Objects.requireNonNull(value, "id must not be null; use withoutId() to clear it");
        return new ChatRoleMessage(speaker, text, name, value, additionalKwargs, responseMetadata);
    }

    @Override
    public ChatRoleMessage withoutId() {
        return id == null ? this : new ChatRoleMessage(speaker, text, name, null, additionalKwargs, responseMetadata);
    }

    @Override
    public Role role() {
        return Role.CHAT;
    }

    /** Equal when every field is equal, absent fields included. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ChatRoleMessage m && speaker.equals(m.speaker) && text.equals(m.text)
                && sameFields(m);
    }

    @Override
    public int hashCode() {
        return Objects.hash(speaker, text, name, id, additionalKwargs, responseMetadata);
    }

    /** The fields in a record's form, absent ones left out. */
    @Override
    public String toString() {
        return RecordForm.of("ChatRoleMessage").field("speaker", speaker).field("text", text).optional("name", name)
                .optional("id", id).map("additionalKwargs", additionalKwargs)
                .map("responseMetadata", responseMetadata).toString();
    }
}
