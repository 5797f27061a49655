package dev.catena.models.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ChatRoleMessage;
import dev.catena.core.messages.FunctionMessage;
import dev.catena.core.messages.ContentPart;
import dev.catena.core.messages.SystemMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import dev.catena.core.messages.UserMessage;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.models.ToolChoice;
import dev.catena.core.tools.ToolSpec;
import dev.catena.models.internal.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The Messages API wire form: system text at the top level, user/assistant turns of content
 * blocks, tool calls as {@code tool_use} blocks with an object {@code input}, and tool results as
 * {@code tool_result} blocks in a user turn (consecutive results share one turn). Stop reasons are
 * reported in OpenAI's words so callers see one vocabulary.
 */
final class AnthropicMessages {

    /** Generation settings; null means "not sent". */
    record Settings(String model, int maxTokens, Double temperature, Double topP, List<String> stop) {
    }

    private AnthropicMessages() {
    }

    static ObjectNode request(ChatRequest request, Settings settings, boolean stream) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", settings.model());
        body.put("max_tokens", settings.maxTokens());
        StringBuilder system = new StringBuilder();
        ArrayNode messages = Json.MAPPER.createArrayNode();
        ArrayNode pendingResults = null;
        for (ChatMessage message : request.messages()) {
            if (message instanceof ToolMessage tool) {
                if (pendingResults == null) {
                    ObjectNode turn = messages.addObject();
                    turn.put("role", "user");
                    pendingResults = turn.putArray("content");
                }
                ObjectNode result = pendingResults.addObject();
                result.put("type", "tool_result");
                result.put("tool_use_id", tool.toolCallId());
                result.put("content", tool.text());
                continue;
            }
            pendingResults = null;
            if (message instanceof ChatRoleMessage || message instanceof FunctionMessage) {
                // Anthropic has only user and assistant turns: dropping or recasting the message would change the prompt
                throw new IllegalArgumentException("Anthropic's Messages API has no '"
                        + (message instanceof ChatRoleMessage c ? c.speaker() : "function") + "' role: turn this "
                        + message.getClass().getSimpleName() + " into a user, AI or tool message before sending it");
            }
            if (message instanceof SystemMessage s) {
                system.append(system.length() > 0 ? "\n\n" : "").append(s.text());
            } else if (message instanceof UserMessage u) {
                ObjectNode turn = messages.addObject();
                turn.put("role", "user");
                if (u.isTextOnly()) {
                    turn.put("content", u.text());
                } else {
                    ArrayNode blocks = turn.putArray("content");
                    u.content().forEach(p -> blocks.add(part(p)));
                }
            } else if (message instanceof AiMessage ai) {
                ObjectNode turn = messages.addObject();
                turn.put("role", "assistant");
                if (!ai.hasToolCalls()) {
                    turn.put("content", ai.text());
                } else {
                    ArrayNode blocks = turn.putArray("content");
                    if (!ai.text().isEmpty()) {
                        blocks.addObject().put("type", "text").put("text", ai.text());
                    }
                    for (ToolCall call : ai.toolCalls()) {
                        ObjectNode use = blocks.addObject();
                        use.put("type", "tool_use");
                        use.put("id", call.id().orElse(null));
                        use.put("name", call.name());
                        JsonNode input = Json.tryParse(call.arguments());
                        use.set("input", input != null && input.isObject() ? input : Json.MAPPER.createObjectNode());
                    }
                }
            }
        }
        if (system.length() > 0) {
            body.put("system", system.toString());
        }
        body.set("messages", messages);
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec spec : request.tools()) {
                ObjectNode tool = tools.addObject();
                tool.put("name", spec.name());
                tool.put("description", spec.description());
                tool.set("input_schema", Json.MAPPER.valueToTree(spec.parameters()));
            }
        }
        if (request.toolChoice().isPresent()) {
            ToolChoice toolChoice = request.toolChoice().get();
            ObjectNode choice = body.putObject("tool_choice");
            switch (toolChoice.mode()) {
                case "required" -> choice.put("type", "any");
                case "tool" -> choice.put("type", "tool").put("name", toolChoice.toolName());
                default -> choice.put("type", toolChoice.mode());
            }
        }
        if (settings.temperature() != null) {
            body.put("temperature", settings.temperature());
        }
        if (settings.topP() != null) {
            body.put("top_p", settings.topP());
        }
        if (settings.stop() != null && !settings.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop_sequences");
            settings.stop().forEach(stop::add);
        }
        if (stream) {
            body.put("stream", true);
        }
        return body;
    }

    private static ObjectNode part(ContentPart part) {
        ObjectNode block = Json.MAPPER.createObjectNode();
        if (part instanceof ContentPart.Text t) {
            block.put("type", "text").put("text", t.text());
        } else if (part instanceof ContentPart.Image img) {
            block.put("type", "image");
            ObjectNode source = block.putObject("source");
            if (img.isInline()) {
                int comma = img.url().indexOf(',');
                String header = img.url().substring(5, comma); // "image/png;base64"
                source.put("type", "base64").put("media_type", header.replace(";base64", ""))
                        .put("data", img.url().substring(comma + 1));
            } else {
                source.put("type", "url").put("url", img.url());
            }
        }
        return block;
    }

    static AiMessage reply(JsonNode message) {
        StringBuilder text = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText());
                case "thinking" -> thinking.append(block.path("thinking").asText());
                case "tool_use" -> calls.add(new ToolCall(block.path("id").asText(), block.path("name").asText(),
                        block.has("input") ? block.get("input").toString() : "{}"));
                default -> {
                    // other blocks (citations, server tools) are not modelled
                }
            }
        }
        return new AiMessage(text.toString(), calls, thinking.length() == 0 ? null : thinking.toString(),
                finishReason(message.path("stop_reason").asText(null)), usage(message.get("usage"), 0));
    }

    /** Usage with cached input counted as input; {@code knownInput} fills in what a later event leaves out. */
    static TokenUsage usage(JsonNode usage, int knownInput) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        int input = usage.has("input_tokens")
                ? usage.path("input_tokens").asInt() + usage.path("cache_creation_input_tokens").asInt(0)
                        + usage.path("cache_read_input_tokens").asInt(0)
                : knownInput;
        return TokenUsage.of(input, usage.path("output_tokens").asInt(0));
    }

    /** Anthropic's stop reason in OpenAI's words. */
    static String finishReason(String stopReason) {
        if (stopReason == null) {
            return null;
        }
        return switch (stopReason) {
            case "end_turn", "stop_sequence", "pause_turn" -> "stop";
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> stopReason;
        };
    }
}
