package dev.catena.core.messages;

import java.util.Base64;
import java.util.Objects;

/** A part of a user message: text, or an image given by URL or inline base64 data. */
public sealed interface ContentPart permits ContentPart.Text, ContentPart.Image {

    /**
     * A piece of text.
     *
     * @param text the text
     */
    record Text(String text) implements ContentPart {
        /**
         * Requires the text.
         *
         * @param text the text
         */
        public Text {
            Objects.requireNonNull(text, "text part");
        }
    }

    /**
     * An image: an {@code https:} URL or a {@code data:<mime>;base64,<data>} URL, with the
     * optional OpenAI {@code detail} hint ("low", "high", "auto"; null to leave it out).
     *
     * @param url an {@code https:} URL or a {@code data:} URL with base64 data
     * @param detail OpenAI's detail hint ("low", "high", "auto"), or null
     */
    record Image(String url, String detail) implements ContentPart {
        /**
         * Requires the URL.
         *
         * @param url an {@code https:} URL or a {@code data:} URL with base64 data
         * @param detail OpenAI's detail hint ("low", "high", "auto"), or null
         */
        public Image {
            Objects.requireNonNull(url, "image url");
        }

        /**
         * {@return an image the model fetches from a URL}
         *
         * @param url an {@code https:} URL the provider can fetch
         */
        public static Image ofUrl(String url) {
            return new Image(url, null);
        }

        /**
         * {@return an inline image from bytes, sent as a base64 data URL}
         *
         * @param bytes the image's bytes
         * @param mimeType its type, e.g. "image/png"
         */
        public static Image ofBytes(byte[] bytes, String mimeType) {
            return new Image("data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(bytes), null);
        }

        /** {@return whether the image travels inline as base64 rather than by URL} */
        public boolean isInline() {
            return url.startsWith("data:");
        }
    }

    /**
     * {@return a text part}
     *
     * @param text the text
     */
    static Text text(String text) {
        return new Text(text);
    }
}
