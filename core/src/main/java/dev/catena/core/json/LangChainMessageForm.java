package dev.catena.core.json;

import static dev.catena.core.json.JsonFields.describe;
import static dev.catena.core.json.JsonFields.object;
import static dev.catena.core.json.JsonFields.optionalText;
import static dev.catena.core.json.JsonFields.requiredText;
import static dev.catena.core.json.MessageJson.NODES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.AiMessage;
import dev.catena.core.ChatMessage;
import dev.catena.core.ContentPart;
import dev.catena.core.SystemMessage;
import dev.catena.core.TokenUsage;
import dev.catena.core.ToolCall;
import dev.catena.core.ToolMessage;
import dev.catena.core.UserMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * LangChain's {@code messages_to_dict} shape: {@code {"type": "human"|"ai"|"system"|"tool",
 * "data": {...}}}, with the same {@code data} fields Python LangChain writes, so that
 * {@code messages_from_dict} in Python reads what Catena writes and the other way round.
 *
 * <p>Tool-call arguments are a JSON object ({@code args}) here, a JSON string in Catena; arguments
 * that are not valid JSON go to {@code invalid_tool_calls}, as LangChain does. Reasoning is kept in
 * {@code additional_kwargs.reasoning_content}, the finish reason in
 * {@code response_metadata.finish_reason} and usage in {@code usage_metadata}. Histories written
 * by older LangChain versions, with tool calls only in {@code additional_kwargs.tool_calls}
 * (OpenAI's shape), are read too.
 */
public final class LangChainMessageForm {

    private LangChainMessageForm() {
    }

    /** Writes one message. */
    public static ObjectNode write(ChatMessage message) {
        String type = message.role().langChainType();
        ObjectNode root = NODES.objectNode();
        root.put("type", type);
        ObjectNode data = root.putObject("data");
        if (message instanceof UserMessage u && !u.isTextOnly()) {
            ArrayNode parts = data.putArray("content");
            u.content().forEach(p -> parts.add(OpenAiMessageForm.writePart(p)));
        } else {
            data.put("content", message.text());
        }
        ObjectNode kwargs = data.putObject("additional_kwargs");
        ObjectNode responseMetadata = data.putObject("response_metadata");
        data.put("type", type);
        String name = message instanceof UserMessage u ? u.name() : message instanceof ToolMessage t ? t.name()
                : message instanceof SystemMessage s ? s.name() : null;
        if (name == null) {
            data.putNull("name");
        } else {
            data.put("name", name);
        }
        data.putNull("id");
        if (message instanceof UserMessage) {
            data.put("example", false);
        } else if (message instanceof AiMessage ai) {
            data.put("example", false);
            if (ai.reasoning() != null) {
                kwargs.put("reasoning_content", ai.reasoning());
            }
            if (ai.finishReason() != null) {
                responseMetadata.put("finish_reason", ai.finishReason());
            }
            ArrayNode calls = data.putArray("tool_calls");
            ArrayNode invalid = data.putArray("invalid_tool_calls");
            for (ToolCall call : ai.toolCalls()) {
                JsonNode args = parseArguments(call.arguments());
                ObjectNode c = (args != null ? calls : invalid).addObject();
                c.put("name", call.name());
                if (args != null) {
                    c.set("args", args);
                } else {
                    c.put("args", call.arguments());
                }
                c.put("id", call.id());
                if (args != null) {
                    c.put("type", "tool_call");
                } else {
                    c.putNull("error");
                    c.put("type", "invalid_tool_call");
                }
            }
            if (ai.usage() == null) {
                data.putNull("usage_metadata");
            } else {
                ObjectNode usage = data.putObject("usage_metadata");
                usage.put("input_tokens", ai.usage().inputTokens());
                usage.put("output_tokens", ai.usage().outputTokens());
                usage.put("total_tokens", ai.usage().totalTokens());
            }
        } else if (message instanceof ToolMessage t) {
            data.put("tool_call_id", t.toolCallId());
            data.putNull("artifact");
            data.put("status", "success");
        }
        return root;
    }

    /** Reads one message; {@code path} names it in errors. */
    public static ChatMessage read(JsonNode node, String path) {
        object(node, path);
        String type = requiredText(node, "type", path);
        JsonNode data = object(node.get("data"), path + ".data");
        String dataPath = path + ".data";
        JsonNode content = data.get("content");
        if (content == null) {
            throw new MessageJsonException(dataPath + ".content", "missing");
        }
        switch (type) {
            case "human":
                return new UserMessage(OpenAiMessageForm.readParts(content, dataPath + ".content"), optionalText(data, "name", dataPath));
            case "system":
                return new SystemMessage(OpenAiMessageForm.joinedText(content, dataPath + ".content"),
                        optionalText(data, "name", dataPath));
            case "ai":
                return readAi(data, dataPath);
            case "tool":
                return new ToolMessage(requiredText(data, "tool_call_id", dataPath),
                        OpenAiMessageForm.joinedText(content, dataPath + ".content"), optionalText(data, "name", dataPath));
            default:
                throw new MessageJsonException(path + ".type", "unknown message type '" + type
                        + "'; expected human, ai, system or tool");
        }
    }

    private static AiMessage readAi(JsonNode data, String path) {
        String text = OpenAiMessageForm.joinedText(data.get("content"), path + ".content");
        JsonNode kwargs = data.path("additional_kwargs");
        List<ToolCall> calls = new ArrayList<>();
        JsonNode toolCalls = data.get("tool_calls");
        JsonNode invalid = data.get("invalid_tool_calls");
        boolean hasNative = (toolCalls != null && toolCalls.size() > 0) || (invalid != null && invalid.size() > 0);
        if (hasNative) {
            readCalls(toolCalls, path + ".tool_calls", calls);
            readCalls(invalid, path + ".invalid_tool_calls", calls);
        } else if (kwargs.has("tool_calls")) {
            calls.addAll(OpenAiMessageForm.readToolCalls(kwargs.get("tool_calls"), path + ".additional_kwargs.tool_calls"));
        }
        String reasoning = kwargs.hasNonNull("reasoning_content") ? kwargs.get("reasoning_content").asText() : null;
        JsonNode finish = data.path("response_metadata").get("finish_reason");
        TokenUsage usage = null;
        JsonNode u = data.get("usage_metadata");
        if (u != null && u.isObject()) {
            int in = u.path("input_tokens").asInt(0);
            int out = u.path("output_tokens").asInt(0);
            usage = new TokenUsage(in, out, u.path("total_tokens").asInt(in + out));
        }
        return new AiMessage(text, calls, reasoning, finish != null && finish.isTextual() ? finish.asText() : null, usage);
    }

    private static void readCalls(JsonNode calls, String path, List<ToolCall> into) {
        if (calls == null || calls.isNull()) {
            return;
        }
        if (!calls.isArray()) {
            throw new MessageJsonException(path, "expected an array, got " + describe(calls));
        }
        for (int i = 0; i < calls.size(); i++) {
            String callPath = path + "[" + i + "]";
            JsonNode call = object(calls.get(i), callPath);
            JsonNode args = call.get("args");
            String arguments = args == null || args.isNull() ? "{}" : args.isTextual() ? args.asText() : MessageJson.toJson(args);
            String id = optionalText(call, "id", callPath);
            into.add(new ToolCall(id != null ? id : "call_" + i, requiredText(call, "name", callPath), arguments));
        }
    }

    private static JsonNode parseArguments(String arguments) {
        try {
            JsonNode node = MessageJson.MAPPER.readTree(arguments.isEmpty() ? "{}" : arguments);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
