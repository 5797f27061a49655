package dev.catena.agents.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.catena.core.tools.ToolExecutionException;

/** Reads a tool call's arguments text as a JSON object, with a message the model can correct itself from. */
final class ToolArguments {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ToolArguments() {
    }

    static ObjectNode parse(String toolName, String arguments) {
        String text = arguments == null || arguments.isBlank() ? "{}" : arguments;
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ToolExecutionException(toolName, "the arguments are not valid JSON (" + e.getOriginalMessage()
                    + "); send one JSON object with the arguments as properties");
        }
        if (node == null || !node.isObject()) {
            throw new ToolExecutionException(toolName, "the arguments must be one JSON object, got: " + text);
        }
        return (ObjectNode) node;
    }
}
