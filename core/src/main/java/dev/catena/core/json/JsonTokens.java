package dev.catena.core.json;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads field values from a streaming parser the way the message forms need them. Each method
 * starts on the value's first token and leaves the parser on its last one; values are kept as
 * read and checked later, when the whole object is known (see {@link FieldError}).
 */
final class JsonTokens {

    /** A string field that held something else: the kind of value found, for the error message. */
    record Mismatch(String kind) {
    }

    /** Reads one array element, throwing {@link FieldError} (relative to the element) when it is wrong. */
    interface ElementReader<T> {
        T read(JsonParser p, int index) throws IOException;
    }

    /** An array as read: its good elements, the first element's error (if any) and how many elements it had. */
    record Elements<T>(java.util.List<T> items, FieldError error, int count) {
    }

    /** Jackson's type for a JSON object read as plain Java values. */
    static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP = new com.fasterxml.jackson.core.type.TypeReference<>() {
    };

    /** Jackson's type for a JSON array read as plain Java values. */
    static final com.fasterxml.jackson.core.type.TypeReference<List<Object>> LIST = new com.fasterxml.jackson.core.type.TypeReference<>() {
    };

    private JsonTokens() {
    }

    /**
     * Reads the elements of the array whose start the parser is on, up to its end. After the first
     * bad element the rest are skipped, so the error reported is the first one, named
     * {@code field[i]…} ({@code [i]…} when {@code field} is null), as a tree reader would report it.
     */
    static <T> Elements<T> elements(JsonParser p, String field, ElementReader<T> reader) throws IOException {
        java.util.List<T> items = new java.util.ArrayList<>();
        FieldError first = null;
        int i = 0;
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken(), i++) {
            if (first != null) {
                p.skipChildren();
                continue;
            }
            try {
                items.add(reader.read(p, i));
            } catch (FieldError e) {
                first = field == null ? e.under("[" + i + "]") : e.under("[" + i + "]").under(field);
            }
        }
        return new Elements<>(items, first, i);
    }

    /**
     * Moves to the next field and returns its name, or null at the end of the object. The name is
     * first compared with {@code expected} (null for no guess), the one usually found there: a
     * character compare where looking a name up costs a hash and a table probe.
     */
    static String nextField(JsonParser p, SerializableString expected) throws IOException {
        if (expected == null) {
            return p.nextFieldName();
        }
        if (p.nextFieldName(expected)) {
            return expected.getValue();
        }
        return p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
    }

    /** The kind of the current value as Jackson's node types name it: object, string, number, null… */
    static String kind(JsonParser p) {
        JsonToken token = p.currentToken();
        if (token == null || token == JsonToken.NOT_AVAILABLE) {
            return "missing";
        }
        return switch (token) {
            case START_OBJECT -> "object";
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> embeddedKind(p);
        };
    }

    private static String embeddedKind(JsonParser p) {
        try {
            return p.getEmbeddedObject() instanceof byte[] ? "binary" : "pojo";
        } catch (IOException e) {
            return "pojo";
        }
    }

    /** Skips the current value and returns the error for a value that should have been an object. */
    static FieldError notAnObject(JsonParser p) throws IOException {
        String kind = kind(p);
        p.skipChildren();
        return new FieldError("", "expected a JSON object, got " + kind);
    }

    /** A string value: its text, null for JSON null, or a {@link Mismatch} (the value skipped). */
    static Object text(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        Mismatch mismatch = new Mismatch(kind(p));
        p.skipChildren();
        return mismatch;
    }

    /** A value read by {@link #text} that must be a string; {@code field} names it in the error. */
    static String required(Object value, String field) {
        if (value == null) {
            throw new FieldError(field, "missing");
        }
        return optional(value, field);
    }

    /** A value read by {@link #text} that may be absent or null. */
    static String optional(Object value, String field) {
        if (value instanceof Mismatch m) {
            throw new FieldError(field, "expected a string, got " + m.kind());
        }
        return (String) value;
    }

    /**
     * Any value as compact JSON text, as Jackson writes the tree it would parse from it (numbers
     * normalised, strings re-escaped). The tokens are buffered once: a tree keeps only the last of
     * duplicate keys, so when the copy meets one the buffered tokens are read as a tree instead.
     */
    static String compactJson(JsonParser p) throws IOException {
        TokenBuffer tokens = new TokenBuffer(p);
        copyAsTree(p, tokens);
        StringWriter out = new StringWriter(64);
        try (JsonParser replay = tokens.asParserOnFirstToken();
             JsonGenerator gen = MessageJson.MAPPER.getFactory().createGenerator(out)) {
            gen.enable(JsonGenerator.Feature.STRICT_DUPLICATE_DETECTION);
            gen.copyCurrentStructure(replay);
        } catch (JsonGenerationException duplicateKey) {
            try (JsonParser replay = tokens.asParserOnFirstToken()) {
                return MessageJson.toJson(MessageJson.MAPPER.readTree(replay));
            }
        }
        return out.toString();
    }

    /** Copies the current value, numbers as the tree would hold them (the token buffer keeps a float's text). */
    static void copyAsTree(JsonParser p, JsonGenerator into) throws IOException {
        int depth = 0;
        do {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                switch (p.getNumberType()) {
                    case BIG_DECIMAL -> into.writeNumber(p.getDecimalValue());
                    case FLOAT -> into.writeNumber(p.getFloatValue());
                    default -> into.writeNumber(p.getDoubleValue());
                }
            } else {
                into.copyCurrentEvent(p);
            }
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            }
        } while (depth > 0 && p.nextToken() != null);
    }

    /**
     * The current value as plain Java values, as {@code ObjectMapper.readValue(p, Object.class)} gives
     * it (objects as {@link LinkedHashMap}s, the last of duplicate keys winning, arrays as
     * {@link ArrayList}s, numbers as Jackson types them), but without a deserialization context per
     * call: messages hold several such values each.
     */
    static Object value(JsonParser p) throws IOException {
        switch (p.currentTokenId()) {
            case JsonTokenId.ID_START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                    p.nextToken();
                    map.put(field, value(p));
                }
                return map;
            }
            case JsonTokenId.ID_START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return list;
            }
            case JsonTokenId.ID_STRING:
                return p.getText();
            case JsonTokenId.ID_NUMBER_INT:
                return p.getNumberValue();
            case JsonTokenId.ID_NUMBER_FLOAT:
                return switch (p.getNumberTypeFP()) {
                    case BIG_DECIMAL -> p.getDecimalValue();
                    case FLOAT32 -> p.getFloatValue();
                    default -> p.getDoubleValue();
                };
            case JsonTokenId.ID_TRUE:
                return Boolean.TRUE;
            case JsonTokenId.ID_FALSE:
                return Boolean.FALSE;
            case JsonTokenId.ID_NULL:
                return null;
            case JsonTokenId.ID_EMBEDDED_OBJECT:
                return p.getEmbeddedObject();
            default:
                throw new IllegalStateException("not on a value: " + p.currentToken());
        }
    }

    /** A value as {@code JsonNode.asText()} gives it for the parsed tree; null for JSON null. */
    static String asText(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        switch (token) {
            case VALUE_NULL:
                return null;
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberValue().toString();
            case VALUE_NUMBER_FLOAT:
                return switch (p.getNumberType()) {
                    case BIG_DECIMAL -> p.getDecimalValue().toString();
                    case FLOAT -> Float.toString(p.getFloatValue());
                    default -> Double.toString(p.getDoubleValue());
                };
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            case VALUE_EMBEDDED_OBJECT:
                return MessageJson.MAPPER.<JsonNode>readTree(p).asText();
            default:
                p.skipChildren(); // objects and arrays read as ""
                return "";
        }
    }

    /** A value kept for {@link #asInt}: a number, a boolean, a string, or null for anything else (the value skipped). */
    static Object intSource(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        switch (token) {
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_STRING:
                return p.getText();
            default:
                p.skipChildren();
                return null;
        }
    }

    /** A value kept by {@link #intSource} as {@code JsonNode.asInt(otherwise)} gives it for the parsed tree. */
    static int asInt(Object source, int otherwise) {
        if (source instanceof Number n) {
            return n.intValue();
        }
        if (source instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (source instanceof String s) {
            return NumberInput.parseAsInt(s, otherwise);
        }
        return otherwise;
    }
}
