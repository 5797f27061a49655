package dev.catena.core.models;

import java.util.Map;
import java.util.Objects;

/**
 * The shape the model must answer in: free text, any JSON object, or JSON that matches a schema
 * (OpenAI's structured outputs).
 *
 * @param type   TEXT, JSON_OBJECT or JSON_SCHEMA
 * @param name   the schema's name (JSON_SCHEMA only)
 * @param schema the JSON schema as a map (JSON_SCHEMA only)
 * @param strict whether the provider must follow the schema exactly
 */
public record ResponseFormat(Type type, String name, Map<String, Object> schema, boolean strict) {

    /** The kinds of response format. */
    public enum Type {
        /** Free text. */
        TEXT,
        /** Any JSON object. */
        JSON_OBJECT,
        /** JSON that matches a given schema. */
        JSON_SCHEMA
    }

    /** Plain text, the provider's default. */
    public static final ResponseFormat TEXT = new ResponseFormat(Type.TEXT, null, null, false);
    /** Any JSON object (OpenAI's JSON mode). */
    public static final ResponseFormat JSON_OBJECT = new ResponseFormat(Type.JSON_OBJECT, null, null, false);

    /**
     * Requires the type, and a name and schema for {@code JSON_SCHEMA}; keeps the schema's key order.
     *
     * @param type TEXT, JSON_OBJECT or JSON_SCHEMA
     * @param name the schema's name (JSON_SCHEMA only)
     * @param schema the JSON schema as a map (JSON_SCHEMA only)
     * @param strict whether the provider must follow the schema exactly
     */
    public ResponseFormat {
        Objects.requireNonNull(type, "response format type");
        if (type == Type.JSON_SCHEMA && (name == null || schema == null)) {
            throw new IllegalArgumentException("a JSON_SCHEMA response format needs a name and a schema");
        }
        // keep the caller's key order: models read the schema as text
        schema = schema == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(schema));
    }

    /**
     * JSON that must match {@code schema}, strictly.
     *
     * @param name the schema's name, sent to the provider
     * @param schema the JSON schema, as maps and lists
     * @return the format
     */
    public static ResponseFormat jsonSchema(String name, Map<String, Object> schema) {
        return new ResponseFormat(Type.JSON_SCHEMA, name, schema, true);
    }
}
