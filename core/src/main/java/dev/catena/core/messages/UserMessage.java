package dev.catena.core.messages;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the user says: text, optionally with images (multimodal), and an optional speaker name.
 * The optional {@link #name()} and {@link #id()} are empty when absent, never null (see the package
 * documentation).
 */
public final class UserMessage extends MessageFields implements ChatMessage {

    private final List<ContentPart> content;

    /**
     * A user message with every field; null stands for an absent name, id or map.
     *
     * @param content          the parts, in order; at least one
     * @param name             an optional participant name (OpenAI's {@code name}), or null for none
     * @param id               the message's id (LangChain's {@code id}), or null for none
     * @param additionalKwargs LangChain's {@code additional_kwargs}, kept as read; null for none
     * @param responseMetadata LangChain's {@code response_metadata}, kept as read; null for none
     * @throws NullPointerException if {@code content} is null
     * @throws IllegalArgumentException if {@code content} is empty
     */
    public UserMessage(List<ContentPart> content, String name, String id, Map<String, Object> additionalKwargs,
                       Map<String, Object> responseMetadata) {
        super(name, id, additionalKwargs, responseMetadata);
        this.content = List.copyOf(Objects.requireNonNull(content, "user message content"));
        if (this.content.isEmpty()) {
            throw new IllegalArgumentException("a user message needs at least one content part");
        }
    }

    /**
     * A message of parts with a name and no id.
     *
     * @param content the parts, at least one
     * @param name an optional participant name, or null for none
     */
    public UserMessage(List<ContentPart> content, String name) {
        this(content, name, null, null, null);
    }

    /**
     * A plain text message.
     *
     * @param text the text
     * @return a message with one text part
     */
    public static UserMessage of(String text) {
        return new UserMessage(List.of(new ContentPart.Text(text)), null);
    }

    /**
     * A message of several parts, for example text and images.
     *
     * @param parts the parts, at least one
     * @return a message of these parts, in order
     */
    public static UserMessage of(ContentPart... parts) {
        return new UserMessage(List.of(parts), null);
    }

    /**
     * The parts, in order.
     *
     * @return an unmodifiable list of at least one part
     */
    public List<ContentPart> content() {
        return content;
    }

    @Override
    public UserMessage withId(String value) {
        Objects.requireNonNull(value, "id must not be null; use withoutId() to clear it");
        return new UserMessage(content, name, value, additionalKwargs, responseMetadata);
    }

    @Override
    public UserMessage withoutId() {
        return id == null ? this : new UserMessage(content, name, null, additionalKwargs, responseMetadata);
    }

    /**
     * Whether this message is a single text part (and so travels as a plain string).
     *
     * @return true when the content is one text part
     */
    public boolean isTextOnly() {
        return content.size() == 1 && content.get(0) instanceof ContentPart.Text;
    }

    @Override
    public String text() {
        if (isTextOnly()) {
            return ((ContentPart.Text) content.get(0)).text();
        }
        return content.stream()
                .filter(p -> p instanceof ContentPart.Text)
                .map(p -> ((ContentPart.Text) p).text())
                .collect(Collectors.joining("\n"));
    }

    @Override
    public Role role() {
        return Role.USER;
    }

    /** Equal when every field is equal, absent fields included. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof UserMessage m && content.equals(m.content) && sameFields(m);
    }

    @Override
    public int hashCode() {
        return Objects.hash(content, name, id, additionalKwargs, responseMetadata);
    }

    /** The fields in a record's form, absent ones left out. */
    @Override
    public String toString() {
        return RecordForm.of("UserMessage").field("content", content).optional("name", name).optional("id", id)
                .map("additionalKwargs", additionalKwargs).map("responseMetadata", responseMetadata).toString();
    }
}
