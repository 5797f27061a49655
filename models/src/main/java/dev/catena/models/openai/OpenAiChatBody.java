package dev.catena.models.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.json.OpenAiMessageForm;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.models.ResponseFormat;
import dev.catena.core.models.ToolChoice;
import dev.catena.core.tools.ToolSpec;
import dev.catena.models.internal.Json;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code /chat/completions} request body in a dialect: messages through core's
 * {@link OpenAiMessageForm}, then adjusted (developer role, reasoning echoed or stripped, tool-call
 * arguments at least {@code "{}"}); absent settings are left out, never sent as null.
 */
final class OpenAiChatBody {

    /** The generation settings of a chat model; null means "not sent". */
    record Settings(String model, Double temperature, Double topP, Integer maxTokens, List<String> stop, Long seed,
                    String user, Boolean parallelToolCalls, String reasoningEffort, Map<String, Object> extraBody) {
    }

    private OpenAiChatBody() {
    }

    static ObjectNode write(ChatRequest request, Settings settings, OpenAiDialect dialect, boolean stream) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", settings.model());
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage message : request.messages()) {
            messages.add(message(message, dialect));
        }
        if (settings.temperature() != null) {
            body.put("temperature", settings.temperature());
        }
        if (settings.topP() != null) {
            body.put("top_p", settings.topP());
        }
        if (settings.maxTokens() != null) {
            body.put(dialect.maxCompletionTokens() ? "max_completion_tokens" : "max_tokens", settings.maxTokens());
        }
        if (settings.stop() != null && !settings.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            settings.stop().forEach(stop::add);
        }
        if (settings.seed() != null) {
            body.put("seed", settings.seed());
        }
        if (settings.user() != null) {
            body.put("user", settings.user());
        }
        if (settings.reasoningEffort() != null) {
            body.put("reasoning_effort", settings.reasoningEffort());
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec spec : request.tools()) {
                ObjectNode tool = tools.addObject();
                tool.put("type", "function");
                ObjectNode function = tool.putObject("function");
                function.put("name", spec.name());
                if (!spec.description().isEmpty()) {
                    function.put("description", spec.description());
                }
                function.set("parameters", Json.MAPPER.valueToTree(spec.parameters()));
            }
            if (settings.parallelToolCalls() != null && dialect.parallelToolCalls()) {
                body.put("parallel_tool_calls", settings.parallelToolCalls());
            }
        }
        if (request.toolChoice().isPresent() && dialect.toolChoice()) {
            body.set("tool_choice", toolChoice(request.toolChoice().get()));
        }
        if (request.responseFormat().isPresent()) {
            body.set("response_format", responseFormat(request.responseFormat().get(), dialect));
        }
        if (stream) {
            body.put("stream", true);
            if (dialect.streamUsage()) {
                body.putObject("stream_options").put("include_usage", true);
            }
        }
        putAll(body, dialect.extraBody());
        putAll(body, settings.extraBody());
        return body;
    }

    static ObjectNode message(ChatMessage message, OpenAiDialect dialect) {
        ObjectNode node = OpenAiMessageForm.write(message);
        node.remove("id"); // a history's message id is not part of the request shape
        if (message.role() == ChatMessage.Role.SYSTEM && dialect.developerRole()) {
            node.put("role", "developer");
        }
        if (message instanceof AiMessage ai) {
            node.remove("reasoning_content");
            boolean echo = switch (dialect.reasoningEcho()) {
                case STRIP -> false;
                case ON_TOOL_CALLS -> ai.hasToolCalls();
                case ALWAYS -> true;
            };
            if (echo) {
                // DeepSeek also rejects a tool-call turn whose reasoning is missing, even if it was empty
                node.put(dialect.reasoningField(), ai.reasoning().orElse(""));
            }
            JsonNode calls = node.get("tool_calls");
            if (calls != null) {
                for (int i = 0; i < calls.size(); i++) {
                    ToolCall call = ai.toolCalls().get(i);
                    if (call.arguments().isBlank()) {
                        ((ObjectNode) calls.get(i).get("function")).put("arguments", "{}");
                    }
                }
            }
        }
        return node;
    }

    private static JsonNode toolChoice(ToolChoice choice) {
        if (choice.mode().equals("tool")) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("type", "function");
            node.putObject("function").put("name", choice.toolName());
            return node;
        }
        return Json.MAPPER.getNodeFactory().textNode(choice.mode());
    }

    private static ObjectNode responseFormat(ResponseFormat format, OpenAiDialect dialect) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        switch (format.type()) {
            case TEXT -> node.put("type", "text");
            case JSON_OBJECT -> node.put("type", "json_object");
            case JSON_SCHEMA -> {
                if (!dialect.jsonSchema()) {
                    node.put("type", "json_object");
                } else {
                    node.put("type", "json_schema");
                    ObjectNode schema = node.putObject("json_schema");
                    schema.put("name", format.name());
                    schema.set("schema", Json.MAPPER.valueToTree(format.schema()));
                    schema.put("strict", format.strict());
                }
            }
        }
        return node;
    }

    private static void putAll(ObjectNode body, Map<String, Object> fields) {
        fields.forEach((k, v) -> body.set(k, Json.MAPPER.valueToTree(v)));
    }
}
