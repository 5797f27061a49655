package dev.catena.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ChatRoleMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import dev.catena.core.messages.UserMessage;
import java.util.List;

/**
 * LangChain's {@code messages_to_dict} shape: {@code {"type": "human"|"ai"|"system"|"tool"|"chat"|"function",
 * "data": {...}}} (a chat message's role in {@code data.role}; LangChain.js's type {@code generic} is read as
 * {@code chat}), with the same {@code data} fields Python LangChain writes, so that
 * {@code messages_from_dict} in Python reads what Catena writes and the other way round.
 *
 * <p>Tool-call arguments are a JSON object ({@code args}) here, a JSON string in Catena; arguments
 * that are not valid JSON go to {@code invalid_tool_calls}, as LangChain does. Reasoning is kept in
 * {@code additional_kwargs.reasoning_content}, the finish reason in
 * {@code response_metadata.finish_reason} and usage in {@code usage_metadata}. Histories written
 * by older LangChain versions, with tool calls only in {@code additional_kwargs.tool_calls}
 * (OpenAI's shape), are read too.
 *
 * <p>Lossless for what LangChain writes: ids, {@code name} on every kind, the whole
 * {@code additional_kwargs} and {@code response_metadata}, a tool message's {@code artifact} and
 * {@code status}, list content on AI messages and tool calls without an id are kept on the message
 * and written back, so a history read and written by Catena holds the same keys and values.
 * Messages LangChain.js stored ({@code toDict()}: no {@code data.type}, only the fields its
 * constructors were given, calls without {@code type}, {@code generic} chat messages) or that carry
 * keys of other writers are written back with the keys, order and values they were read with; a
 * message built or changed in Java is written in the Python form.
 */
public final class LangChainMessageForm {

    private LangChainMessageForm() {
    }

    /**
     * Writes one message.
     *
     * @param message the message
     * @return its {@code message_to_dict} object
     */
    public static ObjectNode write(ChatMessage message) {
        // the tree is the text parsed: a number holds the value its text holds (a long that fits an int
        // becomes an int node), a non-finite double the string Jackson writes for it
        return (ObjectNode) MessageJson.parse(text(message));
    }

    /** One message as compact JSON text. */
    static String text(ChatMessage message) {
        JsonTextWriter out = JsonTextWriter.onSpareBuffer(512);
        write(message, out);
        return out.finish();
    }

    /** Writes one message: the one code path behind the text and the tree. */
    static void write(ChatMessage message, JsonTextWriter out) {
        LangChainSourceForm form = LangChainSourceForm.of(message);
        if (form != null) {
            writeAsRead(message, form, out);
            return;
        }
        String type = message.role().langChainType();
        out.startObject();
        out.name(LangChainFields.TYPE);
        out.string(type);
        out.name(LangChainFields.DATA);
        out.startObject();
        AiMessage ai = message instanceof AiMessage a ? a : null;
        writeContent(message, out);
        writeAdditionalKwargs(message, out);
        writeResponseMetadata(message, out);
        out.name(LangChainFields.TYPE);
        out.string(type);
        out.field(LangChainFields.NAME, message.name().orElse(null)); // null writes JSON null
        out.field(LangChainFields.ID, message.id().orElse(null));
        if (message instanceof UserMessage) {
            out.name(LangChainFields.EXAMPLE);
            out.bool(false);
        } else if (ai != null) {
            out.name(LangChainFields.EXAMPLE);
            out.bool(false);
            writeToolCalls(ai.toolCalls(), out);
            writeUsage(ai, out);
        } else if (message instanceof ToolMessage t) {
            out.field(LangChainFields.TOOL_CALL_ID, t.toolCallId());
            writeArtifact(t, out);
            out.field(LangChainFields.STATUS, t.status());
        } else if (message instanceof ChatRoleMessage c) {
            out.field(LangChainFields.ROLE, c.speaker());
        }
        out.endObject();
        out.endObject();
    }

    /**
     * Writes a message with the keys, in the order, it was read with (see {@link LangChainSourceForm}):
     * modelled values from the message, the rest as read.
     */
    private static void writeAsRead(ChatMessage message, LangChainSourceForm form, JsonTextWriter out) {
        out.startObject();
        out.name(LangChainFields.TYPE);
        out.string(form.type());
        out.name(LangChainFields.DATA);
        out.startObject();
        for (String key : form.keys()) {
            if (form.raw().containsKey(key)) {
                out.name(key);
                out.value(form.raw().get(key));
                continue;
            }
            switch (key) {
                case "content" -> writeContent(message, out);
                case "additional_kwargs" -> writeAdditionalKwargs(message, out);
                case "response_metadata" -> writeResponseMetadata(message, out);
                case "name" -> out.field(LangChainFields.NAME, message.name().orElse(null));
                case "id" -> out.field(LangChainFields.ID, message.id().orElse(null));
                case "usage_metadata" -> writeUsage((AiMessage) message, out);
                case "tool_call_id" -> out.field(LangChainFields.TOOL_CALL_ID, ((ToolMessage) message).toolCallId());
                case "artifact" -> writeArtifact((ToolMessage) message, out);
                case "status" -> out.field(LangChainFields.STATUS, ((ToolMessage) message).status());
                case "role" -> out.field(LangChainFields.ROLE, ((ChatRoleMessage) message).speaker());
                default -> throw new IllegalStateException("a key read without its value: " + key);
            }
        }
        out.endObject();
        out.endObject();
    }

    private static void writeContent(ChatMessage message, JsonTextWriter out) {
        if (message instanceof UserMessage u && !u.isTextOnly()) {
            OpenAiMessageForm.writeContent(u, out);
        } else if (message instanceof AiMessage ai && ai.contentBlocks().isPresent()) {
            out.name(LangChainFields.CONTENT);
            out.value(ai.contentBlocks().get());
        } else {
            out.field(LangChainFields.CONTENT, message.text());
        }
    }

    private static void writeAdditionalKwargs(ChatMessage message, JsonTextWriter out) {
        out.name(LangChainFields.ADDITIONAL_KWARGS);
        out.startObject();
        out.fields(message.additionalKwargs());
        if (message instanceof AiMessage ai && ai.reasoning().isPresent()) {
            out.field(LangChainFields.REASONING_CONTENT, ai.reasoning().get());
        }
        out.endObject();
    }

    private static void writeResponseMetadata(ChatMessage message, JsonTextWriter out) {
        out.name(LangChainFields.RESPONSE_METADATA);
        out.startObject();
        out.fields(message.responseMetadata());
        if (message instanceof AiMessage ai && ai.finishReason().isPresent()) {
            out.field(LangChainFields.FINISH_REASON, ai.finishReason().get());
        }
        out.endObject();
    }

    private static void writeUsage(AiMessage ai, JsonTextWriter out) {
        out.name(LangChainFields.USAGE_METADATA);
        if (ai.usage().isEmpty()) {
            out.nullValue();
        } else {
            TokenUsage usage = ai.usage().get();
            out.startObject();
            out.field(LangChainFields.INPUT_TOKENS, usage.inputTokens());
            out.field(LangChainFields.OUTPUT_TOKENS, usage.outputTokens());
            out.field(LangChainFields.TOTAL_TOKENS, usage.totalTokens());
            out.fields(usage.details());
            out.endObject();
        }
    }

    private static void writeArtifact(ToolMessage message, JsonTextWriter out) {
        out.name(LangChainFields.ARTIFACT);
        out.value(message.artifact().orElse(null));
    }




    /** {@code tool_calls} with arguments as objects, then {@code invalid_tool_calls} with the rest as text. */
    private static void writeToolCalls(List<ToolCall> calls, JsonTextWriter out) {
        // each call's arguments are checked once; the two arrays are then written from that
        ToolCallArguments[] args = new ToolCallArguments[calls.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = ToolCallArguments.of(calls.get(i).arguments());
        }
        out.name(LangChainFields.TOOL_CALLS);
        out.startArray();
        for (int i = 0; i < args.length; i++) {
            if (args[i] != null) {
                ToolCall call = calls.get(i);
                out.startObject();
                out.field(LangChainFields.NAME, call.name());
                out.name(LangChainFields.ARGS);
                out.raw(args[i].compactText());
                out.field(LangChainFields.ID, call.id().orElse(null));
                out.name(LangChainFields.TYPE);
                out.string(LangChainFields.TOOL_CALL);
                out.endObject();
            }
        }
        out.endArray();
        out.name(LangChainFields.INVALID_TOOL_CALLS);
        out.startArray();
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                ToolCall call = calls.get(i);
                out.startObject();
                out.field(LangChainFields.NAME, call.name());
                out.field(LangChainFields.ARGS, call.arguments());
                out.field(LangChainFields.ID, call.id().orElse(null));
                out.name(LangChainFields.ERROR);
                out.nullValue();
                out.name(LangChainFields.TYPE);
                out.string(LangChainFields.INVALID_TOOL_CALL);
                out.endObject();
            }
        }
        out.endArray();
    }

    /**
     * Reads one message; {@code path} names it in errors. Reads the tree's tokens with the same reader as
     * text.
     *
     * @param node a {@code message_to_dict} object
     * @param path where the object sits in the document, e.g. {@code messages[2]}
     * @return the message
     */
    public static ChatMessage read(JsonNode node, String path) {
        return MessageJson.readNode(node, path, LangChainMessageReader::read);
    }
}
