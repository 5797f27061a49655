package dev.catena.core.json;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tree readers the streaming readers replaced, kept as the reference that
 * {@link StreamingReadTest} compares them with: same messages, same errors, for every input.
 * Extended with what the lossless forms keep (ids, names, additional_kwargs, response_metadata,
 * artifacts, statuses, AI content blocks, tool calls without an id).
 */
final class TreeReaders {

    private TreeReaders() {
    }

    /** The former {@code JsonFields}. */
    static final class Fields {
        static JsonNode object(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                throw new MessageJsonException(path, "expected a JSON object, got " + Fields.describe(node));
            }
            return node;
        }

        static String requiredText(JsonNode parent, String field, String path) {
            JsonNode v = parent.get(field);
            if (v == null || v.isNull()) {
                throw new MessageJsonException(path + "." + field, "missing");
            }
            if (!v.isTextual()) {
                throw new MessageJsonException(path + "." + field, "expected a string, got " + Fields.describe(v));
            }
            return v.asText();
        }

        static String optionalText(JsonNode parent, String field, String path) {
            JsonNode v = parent.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                throw new MessageJsonException(path + "." + field, "expected a string, got " + Fields.describe(v));
            }
            return v.asText();
        }

        static String describe(JsonNode node) {
            return node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The former {@code OpenAiMessageForm} reading methods. */
    static final class TreeOpenAi {
        /** Reads one message; {@code path} names it in errors. */
        public static ChatMessage read(JsonNode node, String path) {
            Fields.object(node, path);
            String role = Fields.requiredText(node, "role", path);
            String id = Fields.optionalText(node, "id", path);
            switch (role) {
                case "system":
                case "developer":
                    return new SystemMessage(joinedContent(node, path), Fields.optionalText(node, "name", path), id, null, null);
                case "user":
                    return new UserMessage(contentParts(node, path), Fields.optionalText(node, "name", path), id, null, null);
                case "assistant":
                    return new AiMessage(joinedContent(node, path), toolCalls(node, "tool_calls", path),
                            Fields.optionalText(node, "reasoning_content", path), null, null, id,
                            Fields.optionalText(node, "name", path), null, null, null);
                case "tool":
                    return new ToolMessage(Fields.requiredText(node, "tool_call_id", path), joinedContent(node, path),
                            Fields.optionalText(node, "name", path), id, null, null, null, null);
                case "function": // the legacy function-calling result
                    return new FunctionMessage(Fields.requiredText(node, "name", path), joinedContent(node, path), id, null, null);
                default:
                    if (role.isBlank()) {
                        throw new MessageJsonException(path + ".role", "blank role; expected system, developer, user,"
                                + " assistant, tool, function or a role name");
                    }
                    return new ChatRoleMessage(role, joinedContent(node, path), Fields.optionalText(node, "name", path),
                            id, null, null);
            }
        }

        // the *Content and toolCalls readers take the parent's path and build the field's path only
        // for an error or an array, since building paths for every message showed up in benchmarks

        /** {@code parent.content} as {@link #joinedText}. */
        static String joinedContent(JsonNode parent, String parentPath) {
            JsonNode content = parent.get("content");
            return content != null && content.isTextual() ? content.asText() : joinedText(content, parentPath + ".content");
        }

        /** {@code parent.content} as {@link #readParts}. */
        static List<ContentPart> contentParts(JsonNode parent, String parentPath) {
            JsonNode content = parent.get("content");
            return content != null && content.isTextual() ? List.of(new ContentPart.Text(content.asText()))
                    : readParts(content, parentPath + ".content");
        }

        /** {@code parent.<field>} as {@link #readToolCalls}. */
        static List<ToolCall> toolCalls(JsonNode parent, String field, String parentPath) {
            JsonNode calls = parent.get(field);
            return calls == null || calls.isNull() ? List.of() : readToolCalls(calls, parentPath + "." + field);
        }

        /** Content that is a string, an array of parts (their text joined), or null (empty). */
        static String joinedText(JsonNode content, String path) {
            if (content == null || content.isNull()) {
                return "";
            }
            if (content.isTextual()) {
                return content.asText();
            }
            StringBuilder sb = new StringBuilder();
            for (ContentPart part : readParts(content, path)) {
                if (part instanceof ContentPart.Text t) {
                    if (sb.length() > 0) {
                        sb.append('\n');
                    }
                    sb.append(t.text());
                }
            }
            return sb.toString();
        }

        static List<ContentPart> readParts(JsonNode content, String path) {
            if (content == null || content.isNull()) {
                throw new MessageJsonException(path, "missing");
            }
            if (content.isTextual()) {
                return List.of(new ContentPart.Text(content.asText()));
            }
            if (!content.isArray()) {
                throw new MessageJsonException(path, "expected a string or an array of content parts, got " + Fields.describe(content));
            }
            List<ContentPart> parts = new ArrayList<>();
            for (int i = 0; i < content.size(); i++) {
                String partPath = path + "[" + i + "]";
                JsonNode part = content.get(i);
                if (part.isTextual()) {
                    parts.add(new ContentPart.Text(part.asText()));
                    continue;
                }
                Fields.object(part, partPath);
                String type = Fields.requiredText(part, "type", partPath);
                switch (type) {
                    case "text" -> parts.add(new ContentPart.Text(Fields.requiredText(part, "text", partPath)));
                    case "image_url" -> {
                        JsonNode url = part.get("image_url");
                        if (url != null && url.isTextual()) {
                            parts.add(new ContentPart.Image(url.asText(), null));
                        } else {
                            Fields.object(url, partPath + ".image_url");
                            parts.add(new ContentPart.Image(Fields.requiredText(url, "url", partPath + ".image_url"),
                                    Fields.optionalText(url, "detail", partPath + ".image_url")));
                        }
                    }
                    default -> {
                        // other part kinds (audio, files…) are not modelled; skipping keeps the text usable
                    }
                }
            }
            if (parts.isEmpty()) {
                parts.add(new ContentPart.Text(""));
            }
            return parts;
        }

        static List<ToolCall> readToolCalls(JsonNode calls, String path) {
            if (calls == null || calls.isNull()) {
                return List.of();
            }
            if (!calls.isArray()) {
                throw new MessageJsonException(path, "expected an array, got " + Fields.describe(calls));
            }
            List<ToolCall> result = new ArrayList<>(calls.size());
            for (int i = 0; i < calls.size(); i++) {
                String callPath = path + "[" + i + "]";
                JsonNode call = Fields.object(calls.get(i), callPath);
                JsonNode function = Fields.object(call.get("function"), callPath + ".function");
                JsonNode args = function.get("arguments");
                String arguments = args == null || args.isNull() ? "{}" : args.isTextual() ? args.asText() : MessageJson.toJson(args);
                result.add(new ToolCall(Fields.requiredText(call, "id", callPath),
                        Fields.requiredText(function, "name", callPath + ".function"), arguments));
            }
            return result;
        }
    }

    /** The former {@code LangChainMessageForm} reading methods. */
    static final class TreeLangChain {
        /** Reads one message; {@code path} names it in errors. */
        public static ChatMessage read(JsonNode node, String path) {
            Fields.object(node, path);
            String type = Fields.requiredText(node, "type", path);
            String dataPath = path + ".data";
            JsonNode data = Fields.object(node.get("data"), dataPath);
            if (data.get("content") == null) {
                throw new MessageJsonException(dataPath + ".content", "missing");
            }
            String id = type.matches("human|system|ai|tool|chat|generic|function") ? Fields.optionalText(data, "id", dataPath) : null;
            Map<String, Object> kwargs = kept(data.get("additional_kwargs"), "reasoning_content");
            JsonNode finishNode = data.path("response_metadata").get("finish_reason");
            Map<String, Object> metadata = finishNode != null && finishNode.isTextual()
                    ? kept(data.get("response_metadata"), "finish_reason") : kept(data.get("response_metadata"));
            switch (type) {
                case "human":
                    return new UserMessage(TreeOpenAi.contentParts(data, dataPath), Fields.optionalText(data, "name", dataPath),
                            id, kwargs, metadata);
                case "system":
                    return new SystemMessage(TreeOpenAi.joinedContent(data, dataPath), Fields.optionalText(data, "name", dataPath),
                            id, kwargs, metadata);
                case "ai":
                    AiMessage ai = readAi(data, dataPath);
                    JsonNode content = data.get("content");
                    return new AiMessage(ai.text(), ai.toolCalls(), ai.reasoning().orElse(null), ai.finishReason().orElse(null),
                            ai.usage().orElse(null), id,
                            Fields.optionalText(data, "name", dataPath), kwargs, metadata,
                            content.isArray() ? MessageJson.MAPPER.convertValue(content, JsonTokens.LIST) : null);
                case "tool":
                    return new ToolMessage(Fields.requiredText(data, "tool_call_id", dataPath),
                            TreeOpenAi.joinedContent(data, dataPath), Fields.optionalText(data, "name", dataPath), id,
                            kwargs, metadata, MessageJson.MAPPER.convertValue(data.get("artifact"), Object.class),
                            Fields.optionalText(data, "status", dataPath));
                case "chat":
                case "generic":
                    return new ChatRoleMessage(Fields.requiredText(data, "role", dataPath),
                            TreeOpenAi.joinedContent(data, dataPath), Fields.optionalText(data, "name", dataPath), id,
                            kwargs, metadata);
                case "function":
                    return new FunctionMessage(Fields.requiredText(data, "name", dataPath),
                            TreeOpenAi.joinedContent(data, dataPath), id, kwargs, metadata);
                default:
                    throw new MessageJsonException(path + ".type", "unknown message type '" + type
                            + "'; expected human, ai, system, tool, chat (generic) or function");
            }
        }

        private static Map<String, Object> kept(JsonNode node, String... modelled) {
            if (node == null || !node.isObject()) {
                return Map.of();
            }
            Map<String, Object> map = new java.util.LinkedHashMap<>(MessageJson.MAPPER.convertValue(node, JsonTokens.MAP));
            for (String field : modelled) {
                map.remove(field);
            }
            return map;
        }

        private static AiMessage readAi(JsonNode data, String path) {
            String text = TreeOpenAi.joinedContent(data, path);
            JsonNode kwargs = data.path("additional_kwargs");
            List<ToolCall> calls = new ArrayList<>();
            JsonNode toolCalls = data.get("tool_calls");
            JsonNode invalid = data.get("invalid_tool_calls");
            boolean hasNative = (toolCalls != null && toolCalls.size() > 0) || (invalid != null && invalid.size() > 0);
            if (hasNative) {
                readCalls(data, "tool_calls", path, calls);
                readCalls(data, "invalid_tool_calls", path, calls);
            } else if (kwargs.has("tool_calls")) {
                calls.addAll(TreeOpenAi.toolCalls(kwargs, "tool_calls", path + ".additional_kwargs"));
            }
            String reasoning = kwargs.hasNonNull("reasoning_content") ? kwargs.get("reasoning_content").asText() : null;
            JsonNode finish = data.path("response_metadata").get("finish_reason");
            TokenUsage usage = null;
            JsonNode u = data.get("usage_metadata");
            if (u != null && u.isObject()) {
                int in = u.path("input_tokens").asInt(0);
                int out = u.path("output_tokens").asInt(0);
                Map<String, Object> details = kept(u, "input_tokens", "output_tokens", "total_tokens");
                usage = new TokenUsage(in, out, u.path("total_tokens").asInt(in + out), details);
            }
            return new AiMessage(text, calls, reasoning, finish != null && finish.isTextual() ? finish.asText() : null, usage);
        }

        private static void readCalls(JsonNode data, String field, String dataPath, List<ToolCall> into) {
            JsonNode calls = data.get(field);
            if (calls == null || calls.isNull() || (calls.isArray() && calls.isEmpty())) {
                return;
            }
            String path = dataPath + "." + field;
            if (!calls.isArray()) {
                throw new MessageJsonException(path, "expected an array, got " + Fields.describe(calls));
            }
            for (int i = 0; i < calls.size(); i++) {
                String callPath = path + "[" + i + "]";
                JsonNode call = Fields.object(calls.get(i), callPath);
                JsonNode args = call.get("args");
                String arguments = args == null || args.isNull() ? "{}" : args.isTextual() ? args.asText() : MessageJson.toJson(args);
                String id = Fields.optionalText(call, "id", callPath);
                into.add(new ToolCall(id, Fields.requiredText(call, "name", callPath), arguments));
            }
        }
    }
}
