package dev.catena.models.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.messages.ToolCall;
import dev.catena.models.internal.MalformedResponse;
import java.util.ArrayList;
import java.util.List;

/** Reads OpenAI-shaped answers: a whole chat completion, reasoning fields, tool calls and usage. */
final class OpenAiReplies {

    private OpenAiReplies() {
    }

    /** The first choice of a {@code chat.completion}. */
    static AiMessage chat(JsonNode completion) {
        JsonNode choice = firstChoice(completion);
        JsonNode message = choice.path("message");
        if (!message.isObject()) {
            throw new MalformedResponse("choices[0].message is " + kind(message) + ", not an object");
        }
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

    /** The text of a legacy {@code text_completion}'s first choice. */
    static String completionText(JsonNode completion) {
        JsonNode text = firstChoice(completion).path("text");
        if (!text.isMissingNode() && !text.isNull() && !text.isTextual()) {
            throw new MalformedResponse("choices[0].text is " + kind(text) + ", not a string");
        }
        return text.asText("");
    }

    private static JsonNode firstChoice(JsonNode completion) {
        JsonNode choice = completion.path("choices").path(0);
        if (!choice.isObject()) {
            throw new MalformedResponse(choice.isMissingNode() ? "an answer without choices"
                    : "choices[0] is " + kind(choice) + ", not an object");
        }
        return choice;
    }

    /** What a JSON value is, in words, for messages. */
    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
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

}
