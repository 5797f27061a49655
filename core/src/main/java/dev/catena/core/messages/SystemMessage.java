package dev.catena.core.messages;

import java.util.Map;
import java.util.Objects;

/**
 * Instructions for the model, usually first in the conversation. The optional {@link #name()} and
 * {@link #id()} are empty when absent, never null (see the package documentation).
 */
public final class SystemMessage extends MessageFields implements ChatMessage {

    private final String text;

    /**
     * A system message with every field; null stands for an absent name, id or map.
     *
     * @param text             the instructions; not null
     * @param name             an optional participant name (OpenAI's {@code name}, used for example turns
     *                         in few-shot prompts), or null for none
     * @param id               the message's id (LangChain's {@code id}), or null for none
     * @param additionalKwargs LangChain's {@code additional_kwargs}, kept as read; null for none
     * @param responseMetadata LangChain's {@code response_metadata}, kept as read; null for none
     * @throws NullPointerException if {@code text} is null
     */
    public SystemMessage(String text, String name, String id, Map<String, Object> additionalKwargs,
                         Map<String, Object> responseMetadata) {
        super(name, id, additionalKwargs, responseMetadata);
        this.text = Objects.requireNonNull(text, "system message text");
    }

    /**
     * A system message with a name and no id.
     *
     * @param text the instructions; not null
     * @param name an optional participant name, or null for none
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

    @Override
    public String text() {
        return text;
    }

    @Override
    public SystemMessage withId(String value) {
        Objects.requireNonNull(value, "id must not be null; use withoutId() to clear it");
        return new SystemMessage(text, name, value, additionalKwargs, responseMetadata);
    }

    @Override
    public SystemMessage withoutId() {
        return id == null ? this : new SystemMessage(text, name, null, additionalKwargs, responseMetadata);
    }

    @Override
    public Role role() {
        return Role.SYSTEM;
    }

    /** Equal when every field is equal, absent fields included. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SystemMessage m && text.equals(m.text) && sameFields(m);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, name, id, additionalKwargs, responseMetadata);
    }

    /** The fields in a record's form, absent ones left out. */
    @Override
    public String toString() {
        return RecordForm.of("SystemMessage").field("text", text).optional("name", name).optional("id", id)
                .map("additionalKwargs", additionalKwargs).map("responseMetadata", responseMetadata).toString();
    }
}
