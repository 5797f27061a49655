package dev.catena.opentelemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.models.PromptValue;
import dev.catena.core.tracing.Secrets;
import java.util.List;
import java.util.Optional;

/**
 * Messages in the GenAI conventions' JSON shape for {@code gen_ai.input.messages} and
 * {@code gen_ai.output.messages}: {@code [{"role": "user", "parts": [{"type": "text", "content": …}]}]},
 * tool calls as {@code tool_call} parts and tool results as {@code tool_call_response} parts. Every
 * text is masked the way Catena's tracers mask it.
 */
final class GenAiMessages {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GenAiMessages() {
    }

    /** The messages a model run was given, if its input is a prompt, a request, messages or text. */
    static Optional<List<ChatMessage>> of(Object input) {
        if (input instanceof PromptValue prompt) {
            return Optional.of(prompt.toMessages());
        }
        if (input instanceof ChatRequest request) {
            return Optional.of(request.messages());
        }
        if (input instanceof ChatMessage message) {
            return Optional.of(List.of(message));
        }
        if (input instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(ChatMessage.class::isInstance)) {
            return Optional.of(list.stream().map(ChatMessage.class::cast).toList());
        }
        if (input instanceof CharSequence text) {
            return Optional.of(List.of(ChatMessage.user(text.toString())));
        }
        return Optional.empty();
    }

    static String json(List<ChatMessage> messages) {
        ArrayNode array = NODES.arrayNode();
        for (ChatMessage m : messages) {
            array.add(message(m));
        }
        return write(array);
    }

    private static ObjectNode message(ChatMessage m) {
        ObjectNode node = NODES.objectNode();
        node.put("role", m.role().openAiName());
        ArrayNode parts = node.putArray("parts");
        if (m instanceof ToolMessage tool) {
            ObjectNode part = parts.addObject();
            part.put("type", "tool_call_response");
            part.put("id", tool.toolCallId());
            part.put("response", Secrets.redact(tool.text()));
            return node;
        }
        if (!m.text().isEmpty()) {
            ObjectNode part = parts.addObject();
            part.put("type", "text");
            part.put("content", Secrets.redact(m.text()));
        }
        if (m instanceof AiMessage ai) {
            for (ToolCall call : ai.toolCalls()) {
                ObjectNode part = parts.addObject();
                part.put("type", "tool_call");
                part.put("id", call.id().orElse(null));
                part.put("name", call.name());
                part.put("arguments", Secrets.redact(call.arguments()));
            }
            ai.finishReason().ifPresent(reason -> node.put("finish_reason", reason));
        }
        return node;
    }

    private static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
