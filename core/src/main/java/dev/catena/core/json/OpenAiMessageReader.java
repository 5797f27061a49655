package dev.catena.core.json;

import static dev.catena.core.json.JsonTokens.optional;
import static dev.catena.core.json.JsonTokens.required;
import static dev.catena.core.json.JsonTokens.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ChatRoleMessage;
import dev.catena.core.messages.FunctionMessage;
import dev.catena.core.messages.ContentPart;
import dev.catena.core.messages.SystemMessage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import dev.catena.core.messages.UserMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads OpenAI-shaped messages from a streaming parser in one pass, fields in any order (see
 * {@link OpenAiMessageForm} for the shape). Every field is read without knowing the role, so
 * nothing is buffered; the role is applied once the object is complete. The content and
 * tool-call readers serve the LangChain form too, whose {@code content} and legacy
 * {@code additional_kwargs.tool_calls} have the same shape.
 *
 * <p>Each method starts on the value's first token and ends on its last. Errors are
 * {@link FieldError}s relative to the value read, checked in this order: the message object,
 * {@code role}, then the role's fields in constructor order (content, tool calls, reasoning,
 * name; a tool's {@code tool_call_id} first).
 */
final class OpenAiMessageReader {

    /** An {@code image_url} object's fields, as read. */
    private record ImageUrl(Object url, Object detail) {
    }

    /** A tool call's {@code function} object: its name as read, and its arguments as text. */
    private record Function(Object name, String arguments) {
    }

    private OpenAiMessageReader() {
    }

    static ChatMessage read(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw JsonTokens.notAnObject(p);
        }
        Object role = null;
        Object content = null;
        Object name = null;
        Object toolCallId = null;
        Object reasoning = null;
        Object toolCalls = null;
        Object id = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            switch (field) {
                case "role" -> role = text(p);
                case "content" -> content = content(p);
                case "name" -> name = text(p);
                case "tool_call_id" -> toolCallId = text(p);
                case "reasoning_content" -> reasoning = text(p);
                case "tool_calls" -> toolCalls = toolCalls(p, "tool_calls");
                case "id" -> id = text(p);
                default -> p.skipChildren();
            }
        }
        String kind = required(role, "role");
        String messageId = optional(id, "id");
        switch (kind) {
            case "system":
            case "developer":
                return new SystemMessage(joined(content), optional(name, "name"), messageId, null, null);
            case "user":
                return new UserMessage(parts(content), optional(name, "name"), messageId, null, null);
            case "assistant":
                return new AiMessage(joined(content), calls(toolCalls), optional(reasoning, "reasoning_content"), null, null,
                        messageId, optional(name, "name"), null, null, null);
            case "tool":
                return new ToolMessage(required(toolCallId, "tool_call_id"), joined(content), optional(name, "name"),
                        messageId, null, null, null, null);
            case "function": // the legacy function-calling result
                return new FunctionMessage(required(name, "name"), joined(content), messageId, null, null);
            default:
                // any other role is a chat-role message, its role kept as written
                if (kind.isBlank()) {
                    throw new FieldError("role", "blank role; expected system, developer, user, assistant, tool,"
                            + " function or a role name");
                }
                return new ChatRoleMessage(kind, joined(content), optional(name, "name"), messageId, null, null);
        }
    }

    // ---- content: kept as null (absent or null), a String, a List<ContentPart> or a FieldError

    /** A {@code content} value as read, errors kept for when the role says how content is used. */
    static Object content(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            String kind = JsonTokens.kind(p);
            p.skipChildren();
            return new FieldError("content", "expected a string or an array of content parts, got " + kind);
        }
        try {
            return parts(p);
        } catch (FieldError e) {
            return e.under("content");
        }
    }

    /** Content as text: a string, the text parts joined by line breaks, or empty when absent or null. */
    static String joined(Object content) {
        if (content == null) {
            return "";
        }
        if (content instanceof String s) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (ContentPart part : parts(content)) {
            if (part instanceof ContentPart.Text t) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(t.text());
            }
        }
        return sb.toString();
    }

    /** Content as parts: a string is one text part; absent or null content is missing. */
    @SuppressWarnings("unchecked")
    static List<ContentPart> parts(Object content) {
        if (content == null) {
            throw new FieldError("content", "missing");
        }
        if (content instanceof String s) {
            return List.of(new ContentPart.Text(s));
        }
        if (content instanceof FieldError e) {
            throw e;
        }
        return (List<ContentPart>) content;
    }

    /** An array of parts; reading goes on to the array's end after the first bad part, which is then thrown. */
    private static List<ContentPart> parts(JsonParser p) throws IOException {
        JsonTokens.Elements<ContentPart> read = JsonTokens.elements(p, null, (element, index) -> part(element));
        if (read.error() != null) {
            throw read.error();
        }
        List<ContentPart> parts = new ArrayList<>();
        for (ContentPart part : read.items()) {
            if (part != null) { // a kind that is not modelled
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            parts.add(new ContentPart.Text(""));
        }
        return parts;
    }

    /** One part, or null for kinds not modelled (audio, files…): skipping them keeps the text usable. */
    private static ContentPart part(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return new ContentPart.Text(p.getText());
        }
        if (token != JsonToken.START_OBJECT) {
            throw JsonTokens.notAnObject(p);
        }
        Object type = null;
        Object text = null;
        Object image = null; // absent; else a String, an ImageUrl or the Mismatch found
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            switch (field) {
                case "type" -> type = text(p);
                case "text" -> text = text(p);
                case "image_url" -> image = imageUrl(p);
                default -> p.skipChildren();
            }
        }
        switch (required(type, "type")) {
            case "text":
                return new ContentPart.Text(required(text, "text"));
            case "image_url":
                if (image instanceof String url) {
                    return new ContentPart.Image(url, null);
                }
                if (image instanceof ImageUrl url) {
                    return new ContentPart.Image(required(url.url(), "image_url.url"),
                            optional(url.detail(), "image_url.detail"));
                }
                throw new FieldError("image_url", "expected a JSON object, got "
                        + (image == null ? "nothing" : ((JsonTokens.Mismatch) image).kind()));
            default:
                return null;
        }
    }

    private static Object imageUrl(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (token != JsonToken.START_OBJECT) {
            JsonTokens.Mismatch found = new JsonTokens.Mismatch(JsonTokens.kind(p));
            p.skipChildren();
            return found;
        }
        Object url = null;
        Object detail = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            switch (field) {
                case "url" -> url = text(p);
                case "detail" -> detail = text(p);
                default -> p.skipChildren();
            }
        }
        return new ImageUrl(url, detail);
    }

    // ---- tool calls: kept as null (absent or null), a List<ToolCall> or a FieldError

    /** An OpenAI {@code tool_calls} value as read; {@code field} names it in errors. */
    static Object toolCalls(JsonParser p, String field) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            String kind = JsonTokens.kind(p);
            p.skipChildren();
            return new FieldError(field, "expected an array, got " + kind);
        }
        JsonTokens.Elements<ToolCall> read = JsonTokens.elements(p, field, (element, index) -> toolCall(element));
        return read.error() != null ? read.error() : read.items();
    }

    /** Tool calls kept by {@link #toolCalls}: the list, none when absent, or the error thrown. */
    @SuppressWarnings("unchecked")
    static List<ToolCall> calls(Object toolCalls) {
        if (toolCalls == null) {
            return List.of();
        }
        if (toolCalls instanceof FieldError e) {
            throw e;
        }
        return (List<ToolCall>) toolCalls;
    }

    private static ToolCall toolCall(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw JsonTokens.notAnObject(p);
        }
        Object id = null;
        Object function = null; // absent; else a Function or the kind of value found
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            switch (field) {
                case "id" -> id = text(p);
                case "function" -> function = function(p);
                default -> p.skipChildren();
            }
        }
        if (!(function instanceof Function f)) {
            throw new FieldError("function", "expected a JSON object, got " + (function == null ? "nothing" : function));
        }
        String callId = required(id, "id");
        return new ToolCall(callId, required(f.name(), "function.name"), f.arguments());
    }

    private static Object function(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            String kind = JsonTokens.kind(p);
            p.skipChildren();
            return kind;
        }
        Object name = null;
        String arguments = "{}";
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            switch (field) {
                case "name" -> name = text(p);
                case "arguments" -> arguments = arguments(p);
                default -> p.skipChildren();
            }
        }
        return new Function(name, arguments);
    }

    /** Tool-call arguments as text: a string as is, null as {@code {}}, any other JSON as compact text. */
    static String arguments(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return "{}";
        }
        return JsonTokens.compactJson(p);
    }
}
