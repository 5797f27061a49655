package dev.catena.core.json;

import static dev.catena.core.json.JsonTokens.optional;
import static dev.catena.core.json.JsonTokens.required;
import static dev.catena.core.json.JsonTokens.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ChatRoleMessage;
import dev.catena.core.messages.ContentPart;
import dev.catena.core.messages.FunctionMessage;
import dev.catena.core.messages.SystemMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import dev.catena.core.messages.UserMessage;
import java.io.IOException;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads LangChain {@code messages_to_dict} messages from a streaming parser in one pass (see
 * {@link LangChainMessageForm} for the shape). {@code data} is read without knowing {@code type},
 * so either may come first and nothing is buffered; the type is applied once the object is complete.
 *
 * <p>Errors are checked in this order: the message object, {@code type}, {@code data} being an
 * object with a {@code content} field, then the type's fields: content, tool calls (the native
 * {@code tool_calls} and {@code invalid_tool_calls} when either is non-empty, else the legacy
 * {@code additional_kwargs.tool_calls}), name; a tool's {@code tool_call_id} first.
 */
final class LangChainMessageReader {

    /** {@code data} as read; errors are kept in the fields until the type says which ones matter. */
    private static final class Data {
        boolean hasContent;
        Object content;
        Object name;
        Object role;
        Object toolCallId;
        NativeCalls toolCalls;
        NativeCalls invalidToolCalls;
        Object legacyToolCalls;
        String reasoning;
        String finishReason;
        boolean hasUsage;
        Object inputTokens;
        Object outputTokens;
        Object totalTokens;
        Map<String, Object> usageDetails;
        Object id;
        Map<String, Object> additionalKwargs;
        Map<String, Object> responseMetadata;
        List<Object> contentBlocks;
        Object artifact;
        Object status;
        /** The {@code data} keys in the order read, and the Python form's keys met (see {@link LangChainSourceForm}). */
        final List<String> keys = new ArrayList<>(12);
        int pythonKeys;
        Object dataType;
        Object example;
        /** Unknown keys' values, kept to be written back. */
        Map<String, Object> raw;
        TokenBuffer rawToolCalls;
        TokenBuffer rawInvalidToolCalls;

        void keep(String key, Object value) {
            if (raw == null) {
                raw = new LinkedHashMap<>();
            }
            raw.put(key, value);
        }
    }

    /**
     * {@code tool_calls} or {@code invalid_tool_calls}: whether it holds anything (an array's
     * elements or an object's fields, which decides between these and the legacy field), and the
     * calls or the error that reading them as an array gives.
     */
    private record NativeCalls(boolean nonEmpty, List<ToolCall> calls, FieldError error) {
    }

    private static final NativeCalls NONE = new NativeCalls(false, List.of(), null);

    private LangChainMessageReader() {
    }

    static ChatMessage read(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw JsonTokens.notAnObject(p);
        }
        Object type = null;
        Object data = null; // absent; else Data or the kind of value found
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            switch (field) {
                case "type" -> type = text(p);
                case "data" -> data = data(p);
                default -> p.skipChildren();
            }
        }
        String kind = required(type, "type");
        if (!(data instanceof Data d)) {
            throw new FieldError("data", "expected a JSON object, got " + (data == null ? "nothing" : data));
        }
        if (!d.hasContent) {
            throw new FieldError("data.content", "missing");
        }
        ChatMessage message;
        try {
            message = message(kind, d);
        } catch (FieldError e) {
            throw e.under("data");
        }
        if (message == null) {
            throw new FieldError("type", "unknown message type '" + kind + "'; expected human, ai, system, tool, chat (generic) or function");
        }
        LangChainSourceForm form = sourceForm(kind, message, d);
        if (form != null) {
            LangChainSourceForm.remember(message, form);
        }
        return message;
    }

    /**
     * What must be remembered to write the message back as read, or null when Catena's own
     * (Python's) form gives the same keys and values: LangChain.js's key sets, its {@code generic}
     * type, unknown keys, list content outside AI messages, an {@code example} that is not false.
     */
    private static LangChainSourceForm sourceForm(String kind, ChatMessage message, Data d) throws IOException {
        String written = message.role().langChainType();
        if (kind.equals(written) && d.pythonKeys == LangChainSourceForm.pythonKeys(written)
                && d.keys.size() == Integer.bitCount(d.pythonKeys) && written.equals(d.dataType)
                && (d.example == null || Boolean.FALSE.equals(d.example))
                && (d.contentBlocks == null || message instanceof AiMessage
                    || message instanceof UserMessage u && writtenAsRead(u, d.contentBlocks))) {
            return null;
        }
        Map<String, Object> raw = d.raw == null ? new LinkedHashMap<>() : new LinkedHashMap<>(d.raw);
        raw.put("type", d.dataType);
        raw.put("example", d.example);
        // keys modelled for other types only: as read (a value of the wrong kind cannot be kept)
        int own = LangChainSourceForm.pythonKeys(written);
        putIfForeign(raw, own, "role", d.role);
        putIfForeign(raw, own, "tool_call_id", d.toolCallId);
        putIfForeign(raw, own, "status", d.status);
        putIfForeign(raw, own, "artifact", d.artifact);
        if ((own & LangChainSourceForm.pythonKey("usage_metadata")) == 0 && d.keys.contains("usage_metadata")) {
            raw.put("usage_metadata", d.hasUsage ? usageAsRead(d) : null);
        }
        if (d.contentBlocks != null && !(message instanceof AiMessage
                || message instanceof UserMessage u && writtenAsRead(u, d.contentBlocks))) {
            raw.put("content", d.contentBlocks);
        }
        if (d.rawToolCalls != null) {
            raw.put("tool_calls", replayed(d.rawToolCalls));
        }
        if (d.rawInvalidToolCalls != null) {
            raw.put("invalid_tool_calls", replayed(d.rawInvalidToolCalls));
        }
        return new LangChainSourceForm(kind, d.keys, raw);
    }

    /** Whether Catena writes a user message's parts back as these content blocks. */
    private static boolean writtenAsRead(UserMessage message, List<Object> blocks) {
        if (message.isTextOnly() || blocks.size() != message.content().size()) {
            return false;
        }
        List<Object> written = new ArrayList<>(blocks.size());
        for (ContentPart part : message.content()) {
            Map<String, Object> block = new LinkedHashMap<>();
            if (part instanceof ContentPart.Text t) {
                block.put("type", "text");
                block.put("text", t.text());
            } else if (part instanceof ContentPart.Image image) {
                Map<String, Object> url = new LinkedHashMap<>();
                url.put("url", image.url());
                if (image.detail() != null) {
                    url.put("detail", image.detail());
                }
                block.put("type", "image_url");
                block.put("image_url", url);
            }
            written.add(block);
        }
        return written.equals(blocks);
    }

    /** Usage on a message that does not model it, back as its fields were read. */
    private static Map<String, Object> usageAsRead(Data d) {
        Map<String, Object> usage = new LinkedHashMap<>();
        if (d.inputTokens != null) {
            usage.put("input_tokens", d.inputTokens);
        }
        if (d.outputTokens != null) {
            usage.put("output_tokens", d.outputTokens);
        }
        if (d.totalTokens != null) {
            usage.put("total_tokens", d.totalTokens);
        }
        usage.putAll(d.usageDetails);
        return usage;
    }

    private static void putIfForeign(Map<String, Object> raw, int own, String key, Object value) {
        if ((own & LangChainSourceForm.pythonKey(key)) == 0) {
            raw.put(key, value instanceof JsonTokens.Mismatch ? null : value);
        }
    }

    private static Object replayed(TokenBuffer tokens) throws IOException {
        try (JsonParser replay = tokens.asParserOnFirstToken()) {
            return JsonTokens.value(replay);
        }
    }

    /** The message of a known type, or null for an unknown one. */
    private static ChatMessage message(String type, Data data) {
        String id = optional(data.id, "id");
        switch (type) {
            case "human":
                return new UserMessage(OpenAiMessageReader.parts(data.content), optional(data.name, "name"), id,
                        data.additionalKwargs, data.responseMetadata);
            case "system":
                return new SystemMessage(OpenAiMessageReader.joined(data.content), optional(data.name, "name"), id,
                        data.additionalKwargs, data.responseMetadata);
            case "ai":
                String text = OpenAiMessageReader.joined(data.content);
                TokenUsage usage = null;
                if (data.hasUsage) {
                    int in = JsonTokens.asInt(data.inputTokens, 0);
                    int out = JsonTokens.asInt(data.outputTokens, 0);
                    usage = new TokenUsage(in, out, JsonTokens.asInt(data.totalTokens, in + out), data.usageDetails);
                }
                return new AiMessage(text, toolCalls(data), data.reasoning, data.finishReason, usage, id,
                        optional(data.name, "name"), data.additionalKwargs, data.responseMetadata, data.contentBlocks);
            case "tool":
                return new ToolMessage(required(data.toolCallId, "tool_call_id"),
                        OpenAiMessageReader.joined(data.content), optional(data.name, "name"), id,
                        data.additionalKwargs, data.responseMetadata, data.artifact, optional(data.status, "status"));
            case "chat":
            case "generic": // LangChain.js's type for the same message
                return new ChatRoleMessage(required(data.role, "role"), OpenAiMessageReader.joined(data.content),
                        optional(data.name, "name"), id, data.additionalKwargs, data.responseMetadata);
            case "function":
                return new FunctionMessage(required(data.name, "name"), OpenAiMessageReader.joined(data.content), id,
                        data.additionalKwargs, data.responseMetadata);
            default:
                return null;
        }
    }

    private static List<ToolCall> toolCalls(Data data) {
        NativeCalls calls = data.toolCalls == null ? NONE : data.toolCalls;
        NativeCalls invalid = data.invalidToolCalls == null ? NONE : data.invalidToolCalls;
        if (!calls.nonEmpty() && !invalid.nonEmpty()) {
            return OpenAiMessageReader.calls(data.legacyToolCalls);
        }
        if (calls.error() != null) {
            throw calls.error();
        }
        if (invalid.error() != null) {
            throw invalid.error();
        }
        if (invalid.calls().isEmpty()) {
            return calls.calls();
        }
        List<ToolCall> all = new ArrayList<>(calls.calls());
        all.addAll(invalid.calls());
        return all;
    }

    @SuppressWarnings("unchecked") // an array read as plain values is a List<Object>
    private static Object data(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            String kind = JsonTokens.kind(p);
            p.skipChildren();
            return kind;
        }
        Data data = new Data();
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            data.keys.add(field);
            data.pythonKeys |= LangChainSourceForm.pythonKey(field);
            switch (field) {
                case "content" -> {
                    data.hasContent = true;
                    if (p.currentToken() == JsonToken.START_ARRAY) {
                        // list content is kept as blocks (an AI message's may hold kinds Catena does not model)
                        TokenBuffer copy = copy(p);
                        try (JsonParser replay = copy.asParserOnFirstToken()) {
                            data.contentBlocks = (List<Object>) JsonTokens.value(replay);
                        }
                        try (JsonParser replay = copy.asParserOnFirstToken()) {
                            data.content = OpenAiMessageReader.content(replay);
                        }
                    } else {
                        data.contentBlocks = null;
                        data.content = OpenAiMessageReader.content(p);
                    }
                }
                case "name" -> data.name = text(p);
                case "role" -> data.role = text(p);
                case "id" -> data.id = text(p);
                case "status" -> data.status = text(p);
                case "artifact" -> data.artifact = JsonTokens.value(p);
                case "tool_call_id" -> data.toolCallId = text(p);
                case "tool_calls" -> {
                    // kept as tokens: LangChain.js writes calls in shapes of its own, written back as read
                    data.rawToolCalls = callTokens(p);
                    try (JsonParser replay = data.rawToolCalls.asParserOnFirstToken()) {
                        data.toolCalls = nativeCalls(replay, "tool_calls");
                    }
                }
                case "invalid_tool_calls" -> {
                    data.rawInvalidToolCalls = callTokens(p);
                    try (JsonParser replay = data.rawInvalidToolCalls.asParserOnFirstToken()) {
                        data.invalidToolCalls = nativeCalls(replay, "invalid_tool_calls");
                    }
                }
                case "additional_kwargs" -> additionalKwargs(p, data);
                case "response_metadata" -> responseMetadata(p, data);
                case "usage_metadata" -> usageMetadata(p, data);
                case "type" -> data.dataType = JsonTokens.value(p);
                case "example" -> data.example = JsonTokens.value(p);
                default -> data.keep(field, JsonTokens.value(p)); // not modelled: only kept to be written back
            }
        }
        return data;
    }

    /** The tokens of {@code []}, shared: most messages' call arrays are empty and need no copy. */
    private static final TokenBuffer EMPTY_ARRAY = emptyArrayTokens();

    private static TokenBuffer emptyArrayTokens() {
        TokenBuffer tokens = new TokenBuffer(null, false);
        try {
            tokens.writeStartArray();
            tokens.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen in memory", e);
        }
        return tokens;
    }

    /** A call array's tokens (see {@link #copyAsTree}); an empty array, the usual case, is not copied. */
    private static TokenBuffer callTokens(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            return copyAsTree(p);
        }
        if (p.nextToken() == JsonToken.END_ARRAY) {
            return EMPTY_ARRAY;
        }
        TokenBuffer copy = new TokenBuffer(p);
        copy.writeStartArray();
        do {
            JsonTokens.copyAsTree(p, copy);
        } while (p.nextToken() != JsonToken.END_ARRAY);
        copy.writeEndArray();
        return copy;
    }

    /** As {@link #copy}, numbers held as a parsed tree holds them, so that the copy reads as the text would. */
    private static TokenBuffer copyAsTree(JsonParser p) throws IOException {
        TokenBuffer copy = new TokenBuffer(p);
        JsonTokens.copyAsTree(p, copy);
        return copy;
    }

    /** The current value's tokens, read once so that it can be kept whole and interpreted too. */
    private static TokenBuffer copy(JsonParser p) throws IOException {
        TokenBuffer copy = new TokenBuffer(p);
        copy.copyCurrentStructure(p);
        return copy;
    }

    /**
     * {@code additional_kwargs}, kept whole less {@code reasoning_content} (the reasoning), read in
     * one pass; only a legacy {@code tool_calls} value is buffered, to be kept and read as calls.
     * A repeated field replaces the earlier one entirely, as in a parsed tree.
     */
    private static void additionalKwargs(JsonParser p, Data data) throws IOException {
        data.legacyToolCalls = null;
        data.reasoning = null;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            data.additionalKwargs = Map.of();
            return;
        }
        Map<String, Object> kept = null; // most messages have none: no map until there is something to keep
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            if (kept == null && !field.equals("reasoning_content")) {
                kept = new LinkedHashMap<>();
            }
            switch (field) {
                case "reasoning_content" -> data.reasoning = JsonTokens.asText(p);
                case "tool_calls" -> {
                    TokenBuffer copy = copy(p);
                    try (JsonParser replay = copy.asParserOnFirstToken()) {
                        kept.put(field, JsonTokens.value(replay));
                    }
                    try (JsonParser replay = copy.asParserOnFirstToken()) {
                        data.legacyToolCalls = legacyCalls(replay);
                    }
                }
                default -> kept.put(field, JsonTokens.value(p));
            }
        }
        data.additionalKwargs = kept == null ? Map.of() : kept;
    }

    private static Object legacyCalls(JsonParser p) throws IOException {
        Object calls = OpenAiMessageReader.toolCalls(p, "tool_calls");
        return calls instanceof FieldError e ? e.under("additional_kwargs") : calls;
    }

    /**
     * {@code response_metadata}, kept whole in one pass; a string {@code finish_reason} (the last
     * one, as in a parsed tree) is the finish reason and leaves the map, any other stays as read.
     */
    private static void responseMetadata(JsonParser p, Data data) throws IOException {
        data.finishReason = null;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            data.responseMetadata = Map.of();
            return;
        }
        Map<String, Object> kept = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            Object value = JsonTokens.value(p);
            if (kept == null) {
                kept = new LinkedHashMap<>();
            }
            kept.put(field, value);
            if (field.equals("finish_reason")) {
                data.finishReason = value instanceof String s ? s : null;
            }
        }
        if (data.finishReason != null) {
            kept.remove("finish_reason");
        }
        data.responseMetadata = kept == null ? Map.of() : kept;
    }

    private static void usageMetadata(JsonParser p, Data data) throws IOException {
        data.inputTokens = null;
        data.outputTokens = null;
        data.totalTokens = null;
        data.usageDetails = Map.of(); // a map only when there are details
        data.hasUsage = p.currentToken() == JsonToken.START_OBJECT;
        if (!data.hasUsage) {
            p.skipChildren();
            return;
        }
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            switch (field) {
                case "input_tokens" -> data.inputTokens = JsonTokens.intSource(p);
                case "output_tokens" -> data.outputTokens = JsonTokens.intSource(p);
                case "total_tokens" -> data.totalTokens = JsonTokens.intSource(p);
                default -> {
                    if (!(data.usageDetails instanceof LinkedHashMap)) {
                        data.usageDetails = new LinkedHashMap<>();
                    }
                    data.usageDetails.put(field, JsonTokens.value(p));
                }
            }
        }
    }

    private static NativeCalls nativeCalls(JsonParser p, String field) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return NONE;
        }
        if (token == JsonToken.START_OBJECT) {
            boolean hasFields = p.nextFieldName() != null;
            if (hasFields) {
                p.nextToken();
                p.skipChildren();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    p.skipChildren();
                }
            }
            return new NativeCalls(hasFields, List.of(), new FieldError(field, "expected an array, got object"));
        }
        if (token != JsonToken.START_ARRAY) {
            String kind = JsonTokens.kind(p);
            p.skipChildren();
            return new NativeCalls(false, List.of(), new FieldError(field, "expected an array, got " + kind));
        }
        JsonTokens.Elements<ToolCall> read = JsonTokens.elements(p, field, LangChainMessageReader::call);
        return read.count() == 0 ? NONE : new NativeCalls(true, read.items(), read.error());
    }

    /** One call of either array; a call without an id keeps a null id (LangChain allows that). */
    private static ToolCall call(JsonParser p, int index) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw JsonTokens.notAnObject(p);
        }
        Object name = null;
        Object id = null;
        String arguments = "{}";
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            switch (field) {
                case "name" -> name = text(p);
                case "id" -> id = text(p);
                case "args" -> arguments = OpenAiMessageReader.arguments(p);
                default -> p.skipChildren();
            }
        }
        return new ToolCall(optional(id, "id"), required(name, "name"), arguments);
    }
}
