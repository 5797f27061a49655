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

    public Document {
        Objects.requireNonNull(text, "document text");
        metadata = metadata == null || metadata.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A document with no id and no metadata. */
    public static Document of(String text) {
        return new Document(null, text, Map.of());
    }

    /** A document with metadata and no id. */
    public static Document of(String text, Map<String, Object> metadata) {
        return new Document(null, text, metadata);
    }

    public Document withId(String value) {
        return new Document(value, text, metadata);
    }

    public Document withText(String value) {
        return new Document(id, value, metadata);
    }

    /** This document with one more (or replaced) metadata entry. */
    public Document withMetadata(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(metadata);
        copy.put(key, value);
        return new Document(id, text, copy);
    }

    /** This document with these metadata entries added (or replacing its own). */
    public Document withMetadata(Map<String, Object> extra) {
        Map<String, Object> copy = new LinkedHashMap<>(metadata);
        copy.putAll(extra);
        return new Document(id, text, copy);
    }
}
