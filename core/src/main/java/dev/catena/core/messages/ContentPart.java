package dev.catena.core.messages;

import java.util.Base64;
import java.util.Objects;

/** A part of a user message: text, or an image given by URL or inline base64 data. */
public sealed interface ContentPart permits ContentPart.Text, ContentPart.Image {

    /** A piece of text. */
    record Text(String text) implements ContentPart {
        public Text {
            Objects.requireNonNull(text, "text part");
        }
    }

    /**
     * An image: an {@code https:} URL or a {@code data:<mime>;base64,<data>} URL, with the
     * optional OpenAI {@code detail} hint ("low", "high", "auto"; null to leave it out).
     */
    record Image(String url, String detail) implements ContentPart {
        public Image {
            Objects.requireNonNull(url, "image url");
        }

        /** An image the model fetches from a URL. */
        public static Image ofUrl(String url) {
            return new Image(url, null);
        }

        /** An inline image from bytes, sent as a base64 data URL. */
        public static Image ofBytes(byte[] bytes, String mimeType) {
            return new Image("data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(bytes), null);
        }

        /** Whether the image travels inline as base64 rather than by URL. */
        public boolean isInline() {
            return url.startsWith("data:");
        }
    }

    static Text text(String text) {
        return new Text(text);
    }
}
