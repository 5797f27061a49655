package dev.catena.models.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.messages.ToolCall;
import dev.catena.models.ModelConnectionException;
import dev.catena.models.internal.EventStreams;
import dev.catena.models.internal.OpenStream;
import dev.catena.models.internal.SseEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decodes a streamed chat completion into {@link AiMessage} chunks: text deltas, reasoning
 * deltas, and tool-call fragments, which arrive keyed by {@code index} with the id and name only
 * on the first fragment (OpenAI, Qwen) or whole in one chunk (Ollama). Every fragment is emitted
 * with its call's id, so {@link AiMessage#merge} joins them. A new id at an index already in use
 * opens a new call (servers that reuse index 0). The last chunk carries the finish reason, the
 * usage (from the {@code choices: []} chunk) and {@code "{}"} for calls that had no arguments.
 * An {@code error} object in the stream, or an end (or {@code [DONE]}) before any finish reason,
 * is an error: an answer that may be incomplete is never handed on as if it were whole.
 */
final class OpenAiChatStream implements EventStreams.Decoder<AiMessage> {

    private final Map<Integer, Slot> slots = new HashMap<>();
    private final List<Slot> calls = new ArrayList<>();
    private String finishReason;
    private TokenUsage usage;
    private boolean emittedAnything;

    /** One tool call being assembled. */
    private static final class Slot {
        final String id;
        boolean hasArguments;

        Slot(String id) {
            this.id = id;
        }
    }

    @Override
    public boolean onEvent(SseEvent event, OpenStream stream, Consumer<AiMessage> out) {
        if (event.data().startsWith("[DONE]")) {
            if (finishReason == null) {
                throw doneWithoutFinishReason(stream);
            }
            finish(out);
            return false;
        }
        decode(stream.payload(event), out);
        return true;
    }

    /** Decodes one parsed chunk. */
    void decode(JsonNode chunk, Consumer<AiMessage> out) {
        JsonNode usageNode = chunk.get("usage");
        if (usageNode != null && usageNode.isObject()) {
            usage = OpenAiReplies.usage(usageNode);
        }
        JsonNode choice = chunk.path("choices").path(0); // "choices": [] on the usage chunk
        if (choice.isMissingNode()) {
            return;
        }
        JsonNode delta = choice.path("delta");
        String text = OpenAiReplies.textOrNull(delta.get("content"));
        String reasoning = OpenAiReplies.reasoning(delta);
        List<ToolCall> fragments = toolCallFragments(delta.get("tool_calls"));
        String finish = OpenAiReplies.textOrNull(choice.get("finish_reason"));
        if (finish != null) {
            finishReason = finish;
        }
        boolean hasText = text != null && !text.isEmpty();
        boolean hasReasoning = reasoning != null && !reasoning.isEmpty();
        if (hasText || hasReasoning || !fragments.isEmpty()) {
            out.accept(new AiMessage(hasText ? text : "", fragments, hasReasoning ? reasoning : null, null, null));
            emittedAnything = true;
        }
    }

    private List<ToolCall> toolCallFragments(JsonNode toolCalls) {
        if (toolCalls == null || !toolCalls.isArray() || toolCalls.isEmpty()) {
            return List.of();
        }
        List<ToolCall> fragments = new ArrayList<>(toolCalls.size());
        for (JsonNode call : toolCalls) {
            int index = call.path("index").asInt(calls.size());
            String id = OpenAiReplies.textOrNull(call.get("id"));
            Slot slot = slots.get(index);
            if (slot == null || (id != null && !id.isEmpty() && !id.equals(slot.id))) {
                slot = new Slot(id == null || id.isEmpty() ? "call_" + calls.size() : id);
                slots.put(index, slot);
                calls.add(slot);
            }
            JsonNode function = call.path("function");
            String name = OpenAiReplies.textOrNull(function.get("name"));
            JsonNode argsNode = function.get("arguments");
            String args = argsNode == null || argsNode.isNull() ? ""
                    : argsNode.isTextual() ? argsNode.asText() : argsNode.toString();
            if (!args.isEmpty()) {
                slot.hasArguments = true;
            }
            fragments.add(new ToolCall(slot.id, name, args));
        }
        return fragments;
    }

    private void finish(Consumer<AiMessage> out) {
        List<ToolCall> empty = new ArrayList<>();
        for (Slot slot : calls) {
            if (!slot.hasArguments) {
                empty.add(new ToolCall(slot.id, "", "{}")); // a tool without arguments still gets a JSON object
            }
        }
        out.accept(new AiMessage("", empty, null, finishReason, usage));
    }

    /**
     * The error for a stream that said {@code [DONE]} before any choice had a finish reason: the
     * server (or a proxy) may have cut the answer short, so it is not handed on as complete.
     */
    static ModelConnectionException doneWithoutFinishReason(OpenStream stream) {
        return new ModelConnectionException("the " + stream.provider() + " stream sent [DONE] without a finish reason,"
                + " so the answer may be incomplete; the server or a proxy may have cut it short, try again", null, false);
    }

    @Override
    public void onEnd(OpenStream stream, Consumer<AiMessage> out) {
        // Some servers close without [DONE]: fine after a finish reason, a cut stream before it.
        if (finishReason == null) {
            throw new ModelConnectionException("the " + stream.provider() + " stream ended before the answer was finished"
                    + (emittedAnything ? " (part of it had arrived)" : "")
                    + "; the server or a proxy closed the connection, try again", null, false);
        }
        finish(out);
    }
}
