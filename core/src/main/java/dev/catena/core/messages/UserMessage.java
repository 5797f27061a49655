package dev.catena.core.messages;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the user says: text, optionally with images (multimodal), and an optional speaker name.
 *
 * @param content the parts, in order; at least one
 * @param name    an optional participant name (OpenAI's {@code name}), or null
 */
public record UserMessage(List<ContentPart> content, String name) implements ChatMessage {

    /**
     * Keeps an immutable copy of the parts and rejects a message with none.
     *
     * @param content the parts, in order; at least one
     * @param name an optional participant name (OpenAI's {@code name}), or null
     */
    public UserMessage {
        content = List.copyOf(Objects.requireNonNull(content, "user message content"));
        if (content.isEmpty()) {
            throw new IllegalArgumentException("a user message needs at least one content part");
        }
    }

    /**
     * {@return a plain text message}
     *
     * @param text what the user says
     */
    public static UserMessage of(String text) {
        return new UserMessage(List.of(new ContentPart.Text(text)), null);
    }

    /**
     * {@return a message of several parts, for example text and images}
     *
     * @param parts the parts, in order; at least one
     */
    public static UserMessage of(ContentPart... parts) {
        return new UserMessage(List.of(parts), null);
    }

    /** {@return whether this message is a single text part (and so travels as a plain string)} */
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
