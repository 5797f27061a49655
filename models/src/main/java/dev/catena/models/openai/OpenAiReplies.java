package dev.catena.models.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.messages.ToolCall;
import dev.catena.models.ModelConnectionException;
import java.util.ArrayList;
import java.util.List;

/** Reads OpenAI-shaped answers: a whole chat completion, reasoning fields, tool calls and usage. */
final class OpenAiReplies {

    private OpenAiReplies() {
    }

    /** The first choice of a {@code chat.completion}. */
    static AiMessage chat(JsonNode completion, String provider) {
        JsonNode choice = completion.path("choices").path(0);
        if (choice.isMissingNode()) {
            throw new ModelConnectionException(provider + " answered without choices: "
                    + excerpt(completion), null, false);
        }
        JsonNode message = choice.path("message");
        String text = textOrNull(message.get("content"));
        if (text == null) {
            text = textOrNull(message.get("refusal")); // structured outputs: the refusal replaces the content
        }
        List<ToolCall> calls = new ArrayList<>();
        JsonNode toolCalls = message.path("tool_calls");
        for (int i = 0; i < toolCalls.size(); i++) {
            JsonNode call = toolCalls.get(i);
            JsonNode function = call.path("function");
            String id = textOrNull(call.get("id"));
            calls.add(new ToolCall(id == null ? "call_" + i : id, function.path("name").asText(""),
                    arguments(function.get("arguments"))));
        }
        return new AiMessage(text, calls, reasoning(message), textOrNull(choice.get("finish_reason")),
                usage(completion.get("usage")));
    }

    /** DeepSeek's and Qwen's {@code reasoning_content}, or Ollama's {@code reasoning}. */
    static String reasoning(JsonNode messageOrDelta) {
        String value = textOrNull(messageOrDelta.get("reasoning_content"));
        return value != null ? value : textOrNull(messageOrDelta.get("reasoning"));
    }

    /** Arguments as a JSON object text; servers that send an object or nothing are tolerated. */
    static String arguments(JsonNode args) {
        if (args == null || args.isNull()) {
            return "{}";
        }
        if (args.isTextual()) {
            return args.asText().isBlank() ? "{}" : args.asText();
        }
        return args.toString();
    }

    static TokenUsage usage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        int in = usage.path("prompt_tokens").asInt(0);
        int out = usage.path("completion_tokens").asInt(0);
        return new TokenUsage(in, out, usage.path("total_tokens").asInt(in + out));
    }

    static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    static String excerpt(JsonNode node) {
        String s = node.toString();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
