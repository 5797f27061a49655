package dev.catena.models.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.messages.ToolCall;
import dev.catena.models.ModelConnectionException;
import dev.catena.models.internal.EventStreams;
import dev.catena.models.internal.OpenStream;
import dev.catena.models.internal.SseEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decodes a Messages API stream: {@code text_delta} → text, {@code thinking_delta} → reasoning,
 * {@code tool_use} blocks → tool-call fragments keyed by the block's id (a tool with no arguments,
 * whose only fragment is {@code ""}, gets {@code "{}"}), {@code message_delta} → stop reason and
 * cumulative usage, {@code message_stop} → the end. {@code error} events are errors; an end
 * before {@code message_stop} is a cut stream. Unknown events are ignored, as Anthropic asks.
 */
final class AnthropicStream implements EventStreams.Decoder<AiMessage> {

    private final Map<Integer, String> toolIds = new HashMap<>();
    private final Map<Integer, Boolean> toolHasInput = new HashMap<>();
    private int inputTokens;
    private TokenUsage usage;
    private String finishReason;

    @Override
    public boolean onEvent(SseEvent event, OpenStream stream, Consumer<AiMessage> out) {
        JsonNode data = stream.payload(event); // an "error" event is thrown here
        String type = data.path("type").asText(event.type());
        switch (type) {
            case "message_start" -> {
                usage = AnthropicMessages.usage(data.path("message").get("usage"), 0);
                inputTokens = usage == null ? 0 : usage.inputTokens();
            }
            case "content_block_start" -> {
                JsonNode block = data.path("content_block");
                int index = data.path("index").asInt();
                if ("tool_use".equals(block.path("type").asText())) {
                    String id = block.path("id").asText();
                    toolIds.put(index, id);
                    toolHasInput.put(index, false);
                    out.accept(AiMessage.ofToolCalls(List.of(new ToolCall(id, block.path("name").asText(), ""))));
                } else if ("text".equals(block.path("type").asText()) && !block.path("text").asText().isEmpty()) {
                    out.accept(AiMessage.of(block.path("text").asText()));
                }
            }
            case "content_block_delta" -> {
                JsonNode delta = data.path("delta");
                int index = data.path("index").asInt();
                switch (delta.path("type").asText()) {
                    case "text_delta" -> out.accept(AiMessage.of(delta.path("text").asText()));
                    case "thinking_delta" -> out.accept(new AiMessage("", List.of(), delta.path("thinking").asText(), null, null));
                    case "input_json_delta" -> {
                        String partial = delta.path("partial_json").asText("");
                        String id = toolIds.get(index);
                        if (id != null && !partial.isEmpty()) {
                            toolHasInput.put(index, true);
                            out.accept(AiMessage.ofToolCalls(List.of(new ToolCall(id, "", partial))));
                        }
                    }
                    default -> {
                        // signature and citation deltas are not modelled
                    }
                }
            }
            case "content_block_stop" -> {
                int index = data.path("index").asInt();
                if (Boolean.FALSE.equals(toolHasInput.get(index))) {
                    out.accept(AiMessage.ofToolCalls(List.of(new ToolCall(toolIds.get(index), "", "{}"))));
                }
            }
            case "message_delta" -> {
                String stop = data.path("delta").path("stop_reason").asText(null);
                if (stop != null) {
                    finishReason = AnthropicMessages.finishReason(stop);
                }
                TokenUsage delta = AnthropicMessages.usage(data.get("usage"), inputTokens);
                if (delta != null) {
                    usage = delta; // counts are cumulative
                }
            }
            case "message_stop" -> {
                out.accept(new AiMessage("", List.of(), null, finishReason, usage));
                return false;
            }
            default -> {
                // ping and event types added later
            }
        }
        return true;
    }

    @Override
    public void onEnd(OpenStream stream, Consumer<AiMessage> out) {
        throw new ModelConnectionException("the Anthropic stream ended before message_stop; the server or a proxy"
                + " closed the connection, try again", null, false);
    }
}
