package dev.catena.core.json;

import static dev.catena.core.json.JsonFields.describe;
import static dev.catena.core.json.JsonFields.object;
import static dev.catena.core.json.JsonFields.optionalText;
import static dev.catena.core.json.JsonFields.requiredText;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.AiMessage;
import dev.catena.core.ChatMessage;
import dev.catena.core.ContentPart;
import dev.catena.core.SystemMessage;
import dev.catena.core.ToolCall;
import dev.catena.core.ToolMessage;
import dev.catena.core.UserMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAI chat-completions message shape. A user message of one text part travels as a plain
 * {@code content} string, otherwise as an array of {@code text} / {@code image_url} parts; an
 * assistant message that only calls tools has {@code "content": null}; reasoning travels as
 * DeepSeek's {@code reasoning_content}. On reading, {@code developer} is taken as {@code system}.
 */
public final class OpenAiMessageForm {

    private OpenAiMessageForm() {
    }

    /** Writes one message. */
    public static ObjectNode write(ChatMessage message) {
        return (ObjectNode) MessageJson.tree(message, OpenAiMessageForm::write);
    }

    /** Writes one message to a generator: the one code path behind the tree and the text. */
    static void write(ChatMessage message, JsonGenerator gen) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("role", message.role().openAiName());
        if (message instanceof SystemMessage s) {
            gen.writeStringField("content", s.text());
            writeIfPresent(gen, "name", s.name());
        } else if (message instanceof UserMessage u) {
            writeContent(u, gen);
            writeIfPresent(gen, "name", u.name());
        } else if (message instanceof AiMessage ai) {
            if (ai.text().isEmpty() && ai.hasToolCalls()) {
                gen.writeNullField("content");
            } else {
                gen.writeStringField("content", ai.text());
            }
            writeIfPresent(gen, "reasoning_content", ai.reasoning());
            if (ai.hasToolCalls()) {
                gen.writeArrayFieldStart("tool_calls");
                for (ToolCall call : ai.toolCalls()) {
                    gen.writeStartObject();
                    gen.writeStringField("id", call.id());
                    gen.writeStringField("type", "function");
                    gen.writeObjectFieldStart("function");
                    gen.writeStringField("name", call.name());
                    gen.writeStringField("arguments", call.arguments());
                    gen.writeEndObject();
                    gen.writeEndObject();
                }
                gen.writeEndArray();
            }
        } else if (message instanceof ToolMessage t) {
            gen.writeStringField("tool_call_id", t.toolCallId());
            gen.writeStringField("content", t.text());
            writeIfPresent(gen, "name", t.name());
        }
        gen.writeEndObject();
    }

    /** Writes one content part. */
    public static ObjectNode writePart(ContentPart part) {
        return (ObjectNode) MessageJson.tree(part, OpenAiMessageForm::writePart);
    }

    /** A user message's {@code content}: a plain string for one text part, otherwise an array of parts. */
    static void writeContent(UserMessage message, JsonGenerator gen) throws IOException {
        if (message.isTextOnly()) {
            gen.writeStringField("content", message.text());
        } else {
            gen.writeArrayFieldStart("content");
            for (ContentPart part : message.content()) {
                writePart(part, gen);
            }
            gen.writeEndArray();
        }
    }

    private static void writePart(ContentPart part, JsonGenerator gen) throws IOException {
        gen.writeStartObject();
        if (part instanceof ContentPart.Text t) {
            gen.writeStringField("type", "text");
            gen.writeStringField("text", t.text());
        } else if (part instanceof ContentPart.Image img) {
            gen.writeStringField("type", "image_url");
            gen.writeObjectFieldStart("image_url");
            gen.writeStringField("url", img.url());
            writeIfPresent(gen, "detail", img.detail());
            gen.writeEndObject();
        }
        gen.writeEndObject();
    }

    private static void writeIfPresent(JsonGenerator gen, String field, String value) throws IOException {
        if (value != null) {
            gen.writeStringField(field, value);
        }
    }

    /** Reads one message; {@code path} names it in errors. */
    public static ChatMessage read(JsonNode node, String path) {
        object(node, path);
        String role = requiredText(node, "role", path);
        switch (role) {
            case "system":
            case "developer":
                return new SystemMessage(joinedContent(node, path), optionalText(node, "name", path));
            case "user":
                return new UserMessage(contentParts(node, path), optionalText(node, "name", path));
            case "assistant":
                return new AiMessage(joinedContent(node, path), toolCalls(node, "tool_calls", path),
                        optionalText(node, "reasoning_content", path), null, null);
            case "tool":
                return new ToolMessage(requiredText(node, "tool_call_id", path), joinedContent(node, path),
                        optionalText(node, "name", path));
            case "function": // the legacy function-calling result
                String name = requiredText(node, "name", path);
                return new ToolMessage(name, joinedContent(node, path), name);
            default:
                throw new MessageJsonException(path + ".role", "unknown role '" + role
                        + "'; expected system, developer, user, assistant or tool");
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
            throw new MessageJsonException(path, "expected a string or an array of content parts, got " + describe(content));
        }
        List<ContentPart> parts = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            String partPath = path + "[" + i + "]";
            JsonNode part = content.get(i);
            if (part.isTextual()) {
                parts.add(new ContentPart.Text(part.asText()));
                continue;
            }
            object(part, partPath);
            String type = requiredText(part, "type", partPath);
            switch (type) {
                case "text" -> parts.add(new ContentPart.Text(requiredText(part, "text", partPath)));
                case "image_url" -> {
                    JsonNode url = part.get("image_url");
                    if (url != null && url.isTextual()) {
                        parts.add(new ContentPart.Image(url.asText(), null));
                    } else {
                        object(url, partPath + ".image_url");
                        parts.add(new ContentPart.Image(requiredText(url, "url", partPath + ".image_url"),
                                optionalText(url, "detail", partPath + ".image_url")));
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
            throw new MessageJsonException(path, "expected an array, got " + describe(calls));
        }
        List<ToolCall> result = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            String callPath = path + "[" + i + "]";
            JsonNode call = object(calls.get(i), callPath);
            JsonNode function = object(call.get("function"), callPath + ".function");
            JsonNode args = function.get("arguments");
            String arguments = args == null || args.isNull() ? "{}" : args.isTextual() ? args.asText() : MessageJson.toJson(args);
            result.add(new ToolCall(requiredText(call, "id", callPath),
                    requiredText(function, "name", callPath + ".function"), arguments));
        }
        return result;
    }
}
