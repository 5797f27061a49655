package dev.catena.core.json;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads required and optional fields of a JSON object, naming the field's path when it is wrong. */
final class JsonFields {

    private JsonFields() {
    }

    static JsonNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new MessageJsonException(path, "expected a JSON object, got " + describe(node));
        }
        return node;
    }

    static String requiredText(JsonNode parent, String field, String path) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            throw new MessageJsonException(path + "." + field, "missing");
        }
        if (!v.isTextual()) {
            throw new MessageJsonException(path + "." + field, "expected a string, got " + describe(v));
        }
        return v.asText();
    }

    static String optionalText(JsonNode parent, String field, String path) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new MessageJsonException(path + "." + field, "expected a string, got " + describe(v));
        }
        return v.asText();
    }

    static String describe(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
