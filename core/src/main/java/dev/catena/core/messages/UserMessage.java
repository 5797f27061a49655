package dev.catena.core.messages;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the user says: text, optionally with images (multimodal), and an optional speaker name.
 *
 * @param content          the parts, in order; at least one
 * @param name             an optional participant name (OpenAI's {@code name}), or null
 * @param id               the message's id (LangChain's {@code id}), or null
 * @param additionalKwargs LangChain's {@code additional_kwargs}, kept as read; empty when none
 * @param responseMetadata LangChain's {@code response_metadata}, kept as read; empty when none
 */
public record UserMessage(List<ContentPart> content, String name, String id, Map<String, Object> additionalKwargs,
                          Map<String, Object> responseMetadata) implements ChatMessage {

    /**
     * Checks there is content and copies the maps (null maps become empty).
     *
     * @param content          the parts, in order; at least one
     * @param name             an optional participant name (OpenAI's {@code name}), or null
     * @param id               the message's id (LangChain's {@code id}), or null
     * @param additionalKwargs LangChain's {@code additional_kwargs}, kept as read; empty when none
     * @param responseMetadata LangChain's {@code response_metadata}, kept as read; empty when none
     * @throws IllegalArgumentException if {@code content} is empty
     */
    public UserMessage {
        content = List.copyOf(Objects.requireNonNull(content, "user message content"));
        if (content.isEmpty()) {
            throw new IllegalArgumentException("a user message needs at least one content part");
        }
        additionalKwargs = JsonFields.copy(additionalKwargs);
        responseMetadata = JsonFields.copy(responseMetadata);
    }

    /**
     * A message of parts with a name and no id.
     *
     * @param content the parts, at least one
     * @param name an optional participant name, or null
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

    /** This message with another id. */
    @Override
    public UserMessage withId(String value) {
        return new UserMessage(content, name, value, additionalKwargs, responseMetadata);
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
}
