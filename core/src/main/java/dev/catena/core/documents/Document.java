package dev.catena.core.documents;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A piece of text with metadata: what loaders produce, splitters cut and retrievers return.
 *
 * @param id       an identifier, or null until a store assigns one
 * @param text     the content (LangChain's {@code page_content})
 * @param metadata where it came from and anything else worth filtering on ({@code source},
 *                 {@code page}, …); values are strings, numbers, booleans or lists of them
 */
public record Document(String id, String text, Map<String, Object> metadata) {

    /**
     * Requires the text and keeps an immutable copy of the metadata, in its order.
     *
     * @param id an identifier, or null until a store assigns one
     * @param text the content (LangChain's {@code page_content})
     * @param metadata where it came from and anything else worth filtering on ({@code source}, {@code page},
     *     …); values are strings, numbers, booleans or lists of them
     */
    public Document {
        Objects.requireNonNull(text, "document text");
        metadata = metadata == null || metadata.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * {@return a document with no id and no metadata}
     *
     * @param text the content
     */
    public static Document of(String text) {
        return new Document(null, text, Map.of());
    }

    /**
     * {@return a document with metadata and no id}
     *
     * @param text the content
     * @param metadata where it came from and anything else worth filtering on
     */
    public static Document of(String text, Map<String, Object> metadata) {
        return new Document(null, text, metadata);
    }

    /**
     * {@return this document with another id}
     *
     * @param value the new id, or null
     */
    public Document withId(String value) {
        return new Document(value, text, metadata);
    }

    /**
     * {@return this document with another text, keeping its id and metadata}
     *
     * @param value the new content
     */
    public Document withText(String value) {
        return new Document(id, value, metadata);
    }

    /**
     * {@return this document with one more (or replaced) metadata entry}
     *
     * @param key the metadata key
     * @param value its value
     */
    public Document withMetadata(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(metadata);
        copy.put(key, value);
        return new Document(id, text, copy);
    }

    /**
     * {@return this document with these metadata entries added (or replacing its own)}
     *
     * @param extra the entries to add
     */
    public Document withMetadata(Map<String, Object> extra) {
        Map<String, Object> copy = new LinkedHashMap<>(metadata);
        copy.putAll(extra);
        return new Document(id, text, copy);
    }
}
