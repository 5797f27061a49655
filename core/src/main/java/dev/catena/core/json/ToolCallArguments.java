package dev.catena.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;

/**
 * A tool call's arguments text checked to be a JSON object, ready to be copied into LangChain's
 * {@code args}. Checking and copying go token by token with a streaming parser, so no tree is
 * built for the common case, and arguments already in that compact form (see
 * {@link CompactObjectText}) are written as they are; the output is what Jackson writes for the
 * parsed tree (numbers normalised, strings re-escaped, anything after the object ignored).
 */
final class ToolCallArguments {

    // duplicate keys are the one thing a tree and a token copy disagree on (a tree keeps the
    // last value): such arguments fail the streaming check and are handled as a tree instead
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String text;
    private final JsonNode tree;
    /** The text is already what the copy would write: it is written as it is. */
    private final boolean compact;

    private ToolCallArguments(String text, JsonNode tree, boolean compact) {
        this.text = text;
        this.tree = tree;
        this.compact = compact;
    }

    /** The arguments as an object to copy, or null when they are not a JSON object (LangChain's invalid tool call). */
    static ToolCallArguments of(String arguments) {
        String text = arguments.isEmpty() ? "{}" : arguments;
        if (CompactObjectText.isCompactObject(text, 0, text.length())) {
            return new ToolCallArguments(text, null, true);
        }
        if (isPlainObject(text)) {
            return new ToolCallArguments(text, null, false);
        }
        JsonNode tree = parseTree(text);
        return tree != null && tree.isObject() ? new ToolCallArguments(null, tree, false) : null;
    }

    /** The object as the compact JSON text Jackson writes for its parsed tree. */
    String compactText() {
        if (compact) {
            return text;
        }
        try {
            if (tree != null) {
                return MessageJson.MAPPER.writeValueAsString(tree);
            }
            StringWriter copy = new StringWriter(text.length());
            try (JsonParser parser = STRICT.createParser(text); JsonGenerator gen = STRICT.createGenerator(copy)) {
                parser.nextToken();
                gen.copyCurrentStructure(parser);
            }
            return copy.toString();
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: the arguments were checked to be a JSON object", e);
        }
    }

    /**
     * Whether the text starts with a well-formed JSON object without duplicate keys. Every string
     * and number is decoded here as the copy will decode it, so the copy cannot fail afterwards.
     */
    private static boolean isPlainObject(String text) {
        try (JsonParser parser = STRICT.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            for (int depth = 1; depth > 0; ) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return false;
                }
                switch (token) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case VALUE_STRING -> parser.getTextLength();
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
                    default -> {
                        // names, booleans and nulls are complete once tokenised
                    }
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode parseTree(String text) {
        try {
            return MessageJson.MAPPER.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
