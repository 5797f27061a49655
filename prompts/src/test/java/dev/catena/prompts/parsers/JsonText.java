package dev.catena.prompts.parsers;

import com.fasterxml.jackson.databind.JsonNode;

/** Expected JSON in the parser tests, written as text and compared as trees (so spacing does not matter). */
final class JsonText {

    private JsonText() {
    }

    static JsonNode json(String text) {
        try {
            return PartialJson.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("bad expected JSON in the test: " + text, e);
        }
    }
}
