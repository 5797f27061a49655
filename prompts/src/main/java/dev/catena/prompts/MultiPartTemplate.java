package dev.catena.prompts;

import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ContentPart;
import dev.catena.core.messages.UserMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A user message of several parts, text and images, each with placeholders: LangChain's
 * {@code HumanMessagePromptTemplate} made from a list of {@code {"type": "text"}} and
 * {@code {"type": "image_url"}} parts. It formats to a {@link UserMessage} with one
 * {@link ContentPart} per part.
 *
 * <pre>{@code
 * ChatPromptTemplate prompt = ChatPromptTemplate.fromMessages(
 *         MessageTemplate.system("Describe images in {language}."),
 *         MultiPartTemplate.user(
 *                 MultiPartTemplate.text("What is in this picture?"),
 *                 MultiPartTemplate.imageUrl("data:image/png;base64,{image_data}")));
 * }</pre>
 *
 * @param parts the parts, in order (at least one)
 */
public record MultiPartTemplate(List<Part> parts) implements MessagePart {

    /** One part of the message: {@link TextPart} or {@link ImagePart}. */
    public sealed interface Part permits TextPart, ImagePart {
    }

    /**
     * A text part.
     *
     * @param template the text, with placeholders
     */
    public record TextPart(PromptTemplate template) implements Part {
        /**
         * Checks the template is given.
         *
         * @param template the text, with placeholders
         */
        public TextPart {
            Objects.requireNonNull(template, "text template");
        }
    }

    /**
     * An image part given by URL ({@code https:} or a {@code data:} URL).
     *
     * @param url    the URL, with placeholders
     * @param detail the OpenAI {@code detail} hint ("low", "high", "auto"), or null
     */
    public record ImagePart(PromptTemplate url, String detail) implements Part {
        /**
         * Checks the URL template is given.
         *
         * @param url    the URL, with placeholders
         * @param detail the OpenAI {@code detail} hint ("low", "high", "auto"), or null
         */
        public ImagePart {
            Objects.requireNonNull(url, "image url template");
        }
    }

    /**
     * Copies the parts; there must be at least one.
     *
     * @param parts the parts, in order (at least one)
     * @throws IllegalArgumentException if {@code parts} is empty
     */
    public MultiPartTemplate {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a multi-part message template needs at least one part");
        }
    }

    /**
     * A user message of these parts.
     *
     * @param parts the parts, at least one
     * @return the template
     */
    public static MultiPartTemplate user(Part... parts) {
        return new MultiPartTemplate(List.of(parts));
    }

    /**
     * A text part, an f-string template.
     *
     * @param template the text, with placeholders
     * @return the part
     */
    public static Part text(String template) {
        return new TextPart(PromptTemplate.fromTemplate(template));
    }

    /**
     * An image part whose URL is an f-string template, such as {@code "data:image/jpeg;base64,{image_data}"}.
     *
     * @param urlTemplate the URL, with placeholders
     * @return the part
     */
    public static Part imageUrl(String urlTemplate) {
        return new ImagePart(PromptTemplate.fromTemplate(urlTemplate), null);
    }

    /**
     * An image part with OpenAI's {@code detail} hint.
     *
     * @param urlTemplate the URL, with placeholders
     * @param detail {@code "low"}, {@code "high"} or {@code "auto"}, or null for none
     * @return the part
     */
    public static Part imageUrl(String urlTemplate, String detail) {
        return new ImagePart(PromptTemplate.fromTemplate(urlTemplate), detail);
    }

    @Override
    public List<String> inputVariables() {
        Set<String> names = new LinkedHashSet<>();
        for (Part p : parts) {
            names.addAll(p instanceof TextPart t ? t.template().inputVariables() : ((ImagePart) p).url().inputVariables());
        }
        return FStringTemplate.sorted(names);
    }

    @Override
    public List<ChatMessage> formatMessages(Map<String, ?> variables) {
        List<ContentPart> content = new ArrayList<>(parts.size());
        for (Part p : parts) {
            if (p instanceof TextPart t) {
                content.add(new ContentPart.Text(t.template().format(variables)));
            } else {
                ImagePart image = (ImagePart) p;
                content.add(new ContentPart.Image(image.url().format(variables), image.detail()));
            }
        }
        return List.of(UserMessage.of(content.toArray(new ContentPart[0])));
    }
}
