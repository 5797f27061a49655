package dev.catena.core.messages;

import java.util.Map;
import java.util.Objects;

/**
 * The result of a legacy OpenAI function call, as LangChain's {@code FunctionMessage}: role
 * {@code function}, with the function's {@code name}. Newer code answers tool calls with
 * {@link ToolMessage}; this kind is kept so that histories holding it stay readable and are written back.
 * The function's name is always there ({@link #functionName()}); the optional {@link #id()} is empty
 * when absent, never null.
 */
public final class FunctionMessage extends MessageFields implements ChatMessage {

    private final String text;

    /**
     * A function message with every field; null stands for an absent id or map.
     *
     * @param name             the function's name; not null
     * @param text             the function's output; not null
     * @param id               the message's id (LangChain's {@code id}), or null for none
     * @param additionalKwargs LangChain's {@code additional_kwargs}, kept as read; null for none
     * @param responseMetadata LangChain's {@code response_metadata}, kept as read; null for none
     * @throws NullPointerException if {@code name} or {@code text} is null
     */
    public FunctionMessage(String name, String text, String id, Map<String, Object> additionalKwargs,
                           Map<String, Object> responseMetadata) {
        super(Objects.requireNonNull(name, "function message name"), id, additionalKwargs, responseMetadata);
        this.text = Objects.requireNonNull(text, "function message text");
    }

    /**
     * A function message with no id.
     *
     * @param name the function's name; not null
     * @param text the function's output; not null
     */
    public FunctionMessage(String name, String text) {
        this(name, text, null, null, null);
    }

    /**
     * The function's name.
     *
     * @return the name, never null
     */
    public String functionName() {
        return name;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public FunctionMessage withId(String value) {
        Objects.requireNonNull(value, "id must not be null; use withoutId() to clear it");
        return new FunctionMessage(name, text, value, additionalKwargs, responseMetadata);
    }

    @Override
    public FunctionMessage withoutId() {
        return id == null ? this : new FunctionMessage(name, text, null, additionalKwargs, responseMetadata);
    }

    @Override
    public Role role() {
        return Role.FUNCTION;
    }

    /** Equal when every field is equal, absent fields included. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof FunctionMessage m && sameFields(m) && text.equals(m.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, text, id, additionalKwargs, responseMetadata);
    }

    /** The fields in a record's form, absent ones left out. */
    @Override
    public String toString() {
        return RecordForm.of("FunctionMessage").field("name", name).field("text", text).optional("id", id)
                .map("additionalKwargs", additionalKwargs).map("responseMetadata", responseMetadata).toString();
    }
}
