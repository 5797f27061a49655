package dev.catena.agents.toolkits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.tools.ToolExecutionException;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON arguments a model passed to a toolkit's tool, read with Jackson. A missing or ill-typed
 * argument throws {@link ToolExecutionException} naming the argument and the expected type, so the
 * model can send the call again correctly.
 */
final class ToolArguments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tool;
    private final ObjectNode node;

    private ToolArguments(String tool, ObjectNode node) {
        this.tool = tool;
        this.node = node;
    }

    /** A hand-written JSON schema, as the map a {@code ToolSpec} takes. */
    static Map<String, Object> schema(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("invalid tool schema: " + json, e);
        }
    }

    static ToolArguments parse(String tool, String json) {
        if (json == null || json.isBlank()) {
            return new ToolArguments(tool, JSON.createObjectNode());
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ToolExecutionException(tool, "the arguments are not valid JSON (" + e.getOriginalMessage()
                    + "); send a JSON object such as {\"name\": \"value\"}");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ToolExecutionException(tool, "the arguments must be a JSON object, not " + node.getNodeType()
                    .toString().toLowerCase(java.util.Locale.ROOT));
        }
        return new ToolArguments(tool, object);
    }

    String tool() {
        return tool;
    }

    /** A required string argument. */
    String string(String name) {
        return optionalString(name).orElseThrow(() -> new ToolExecutionException(tool,
                "the argument '" + name + "' is missing; pass it as a string"));
    }

    Optional<String> optionalString(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new ToolExecutionException(tool, "the argument '" + name + "' must be a string, not "
                    + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + value);
        }
        return Optional.of(value.asText());
    }
}
