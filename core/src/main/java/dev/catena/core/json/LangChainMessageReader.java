package dev.catena.core.json;

import static dev.catena.core.json.JsonTokens.optional;
import static dev.catena.core.json.JsonTokens.required;
import static dev.catena.core.json.JsonTokens.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
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
        /** The call arrays as read, to be written back: a {@link TokenBuffer} or a {@link Span} of the text. */
        Object rawToolCalls;
        Object rawInvalidToolCalls;
        /** The JSON text being read, or null when the tokens come from a tree. */
        final String source;

        Data(String source) {
            this.source = source;
        }

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

    /** Reads one message from tokens that do not come from text (a tree). */
    static ChatMessage read(JsonParser p) throws IOException {
        return read(p, null);
    }

    /**
     * Reads one message; {@code source} is the JSON text {@code p} reads (character offsets into it
     * let parts be kept as text instead of copied token by token), or null when there is none.
     */
    static ChatMessage read(JsonParser p, String source) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw JsonTokens.notAnObject(p);
        }
        Object type = null;
        Object data = null; // absent; else Data or the kind of value found
        SerializableString expected = LangChainFields.TYPE;
        for (String field = JsonTokens.nextField(p, expected); field != null; field = JsonTokens.nextField(p, expected)) {
            p.nextToken();
            switch (field) {
                case "type" -> {
                    type = text(p);
                    expected = LangChainFields.DATA;
                }
                case "data" -> {
                    data = data(p, source);
                    expected = null;
                }
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

    private static Object replayed(Object raw) throws IOException {
        TokenBuffer tokens = raw instanceof Span span ? span.tokens() : (TokenBuffer) raw;
        try (JsonParser replay = tokens.asParserOnFirstToken()) {
            return JsonTokens.value(replay);
        }
    }

    /**
     * A value kept as where it sits in the text read, copied only when it is needed (a message
     * written back as read): most histories never need it.
     */
    private record Span(String source, int start, int end) {

        /** The value's tokens, as {@link #copyAsTree} would have kept them while reading. */
        TokenBuffer tokens() throws IOException {
            try (JsonParser again = MessageJson.MAPPER.createParser(source.substring(start, end))) {
                again.nextToken();
                return copyAsTree(again);
            }
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
    private static Object data(JsonParser p, String source) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            String kind = JsonTokens.kind(p);
            p.skipChildren();
            return kind;
        }
        Data data = new Data(source);
        SerializableString expected = LangChainFields.CONTENT;
        for (String field = JsonTokens.nextField(p, expected); field != null; field = JsonTokens.nextField(p, expected)) {
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
                    // kept as read: LangChain.js writes calls in shapes of its own, written back as read
                    data.rawToolCalls = source != null && p.currentToken() == JsonToken.START_ARRAY
                            ? callSpan(p, data, "tool_calls") : callTokens(p, data, "tool_calls");
                }
                case "invalid_tool_calls" -> {
                    data.rawInvalidToolCalls = source != null && p.currentToken() == JsonToken.START_ARRAY
                            ? callSpan(p, data, "invalid_tool_calls") : callTokens(p, data, "invalid_tool_calls");
                }
                case "additional_kwargs" -> additionalKwargs(p, data);
                case "response_metadata" -> responseMetadata(p, data);
                case "usage_metadata" -> usageMetadata(p, data);
                case "type" -> data.dataType = JsonTokens.value(p);
                case "example" -> data.example = JsonTokens.value(p);
                default -> data.keep(field, JsonTokens.value(p)); // not modelled: only kept to be written back
            }
            expected = LangChainFields.after(field, data.dataType);
        }
        return data;
    }

    /**
     * Reads a call array straight from the text's parser, keeping only where it sits: its tokens
     * are copied only if the message is to be written back as read.
     */
    private static Object callSpan(JsonParser p, Data data, String field) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        NativeCalls calls = nativeCalls(p, field, data.source);
        int end = (int) p.currentLocation().getCharOffset();
        if (field.equals("tool_calls")) {
            data.toolCalls = calls;
        } else {
            data.invalidToolCalls = calls;
        }
        return calls == NONE && end - start == 2 ? EMPTY_ARRAY : new Span(data.source, start, end);
    }

    /** As {@link #callSpan}, for tokens without text (a tree) or a value that is not an array: a copy of the tokens. */
    private static TokenBuffer callTokens(JsonParser p, Data data, String field) throws IOException {
        TokenBuffer tokens = callTokens(p);
        try (JsonParser replay = tokens.asParserOnFirstToken()) {
            NativeCalls calls = nativeCalls(replay, field, null);
            if (field.equals("tool_calls")) {
                data.toolCalls = calls;
            } else {
                data.invalidToolCalls = calls;
            }
        }
        return tokens;
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
        // an AI message's usual metadata is its finish reason alone: no map is made for it
        for (String field = JsonTokens.nextField(p, LangChainFields.FINISH_REASON); field != null; field = p.nextFieldName()) {
            p.nextToken();
            Object value = JsonTokens.value(p);
            boolean finishReason = field.equals("finish_reason");
            if (kept == null && finishReason && value instanceof String s) {
                data.finishReason = s;
                continue;
            }
            if (kept == null) {
                kept = new LinkedHashMap<>();
                if (data.finishReason != null) {
                    kept.put("finish_reason", data.finishReason); // where it was read, should a later one replace it
                }
            }
            kept.put(field, value);
            if (finishReason) {
                data.finishReason = value instanceof String s ? s : null;
            }
        }
        if (data.finishReason != null && kept != null) {
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
        SerializableString expected = LangChainFields.INPUT_TOKENS;
        for (String field = JsonTokens.nextField(p, expected); field != null; field = JsonTokens.nextField(p, expected)) {
            p.nextToken();
            expected = null;
            switch (field) {
                case "input_tokens" -> {
                    data.inputTokens = JsonTokens.intSource(p);
                    expected = LangChainFields.OUTPUT_TOKENS;
                }
                case "output_tokens" -> {
                    data.outputTokens = JsonTokens.intSource(p);
                    expected = LangChainFields.TOTAL_TOKENS;
                }
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

    private static NativeCalls nativeCalls(JsonParser p, String field, String source) throws IOException {
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
        JsonTokens.Elements<ToolCall> read = JsonTokens.elements(p, field, (q, i) -> call(q, source));
        return read.count() == 0 ? NONE : new NativeCalls(true, read.items(), read.error());
    }

    /** One call of either array; a call without an id keeps a null id (LangChain allows that). */
    private static ToolCall call(JsonParser p, String source) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw JsonTokens.notAnObject(p);
        }
        Object name = null;
        Object id = null;
        String arguments = "{}";
        SerializableString expected = LangChainFields.NAME; // Catena and Python write name, args, id, type
        for (String field = JsonTokens.nextField(p, expected); field != null; field = JsonTokens.nextField(p, expected)) {
            p.nextToken();
            switch (field) {
                case "name" -> {
                    name = text(p);
                    expected = LangChainFields.ARGS;
                }
                case "id" -> {
                    id = text(p);
                    expected = LangChainFields.TYPE;
                }
                case "args" -> {
                    arguments = arguments(p, source);
                    expected = LangChainFields.ID;
                }
                default -> {
                    p.skipChildren();
                    expected = null;
                }
            }
        }
        return new ToolCall(optional(id, "id"), required(name, "name"), arguments);
    }

    /**
     * A call's {@code args} as compact JSON text. An object in the text read that is already
     * compact (see {@link CompactObjectText}) is taken as it is; any other is copied token by token.
     */
    private static String arguments(JsonParser p, String source) throws IOException {
        if (source == null || p.currentToken() != JsonToken.START_OBJECT) {
            return OpenAiMessageReader.arguments(p);
        }
        int start = (int) p.currentTokenLocation().getCharOffset();
        p.skipChildren();
        int end = (int) p.currentLocation().getCharOffset();
        if (CompactObjectText.isCompactObject(source, start, end)) {
            return source.substring(start, end);
        }
        try (JsonParser again = MessageJson.MAPPER.createParser(source.substring(start, end))) {
            again.nextToken();
            return JsonTokens.compactJson(again);
        }
    }
}
