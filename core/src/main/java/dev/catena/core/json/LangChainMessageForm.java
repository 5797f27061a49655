package dev.catena.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ChatRoleMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import dev.catena.core.messages.UserMessage;
import java.io.IOException;
import java.util.List;
import java.util.Map;

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
        return (ObjectNode) MessageJson.tree(message, LangChainMessageForm::write);
    }

    /** Writes one message to a generator: the one code path behind the tree and the text. */
    static void write(ChatMessage message, JsonGenerator gen) throws IOException {
        LangChainSourceForm form = LangChainSourceForm.of(message);
        if (form != null) {
            writeAsRead(message, form, gen);
            return;
        }
        String type = message.role().langChainType();
        gen.writeStartObject();
        gen.writeFieldName(LangChainFields.TYPE);
        gen.writeString(type);
        gen.writeFieldName(LangChainFields.DATA);
        gen.writeStartObject();
        AiMessage ai = message instanceof AiMessage a ? a : null;
        writeContent(message, gen);
        writeAdditionalKwargs(message, gen);
        writeResponseMetadata(message, gen);
        gen.writeFieldName(LangChainFields.TYPE);
        gen.writeString(type);
        writeString(LangChainFields.NAME, message.name().orElse(null), gen); // null writes JSON null
        writeString(LangChainFields.ID, message.id().orElse(null), gen);
        if (message instanceof UserMessage) {
            gen.writeFieldName(LangChainFields.EXAMPLE);
            gen.writeBoolean(false);
        } else if (ai != null) {
            gen.writeFieldName(LangChainFields.EXAMPLE);
            gen.writeBoolean(false);
            writeToolCalls(ai.toolCalls(), gen);
            writeUsage(ai, gen);
        } else if (message instanceof ToolMessage t) {
            writeString(LangChainFields.TOOL_CALL_ID, t.toolCallId(), gen);
            writeArtifact(t, gen);
            writeString(LangChainFields.STATUS, t.status(), gen);
        } else if (message instanceof ChatRoleMessage c) {
            writeString(LangChainFields.ROLE, c.speaker(), gen);
        }
        gen.writeEndObject();
        gen.writeEndObject();
    }

    /**
     * Writes a message with the keys, in the order, it was read with (see {@link LangChainSourceForm}):
     * modelled values from the message, the rest as read.
     */
    private static void writeAsRead(ChatMessage message, LangChainSourceForm form, JsonGenerator gen) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("type", form.type());
        gen.writeObjectFieldStart("data");
        for (String key : form.keys()) {
            if (form.raw().containsKey(key)) {
                gen.writeFieldName(key);
                gen.writeObject(form.raw().get(key));
                continue;
            }
            switch (key) {
                case "content" -> writeContent(message, gen);
                case "additional_kwargs" -> writeAdditionalKwargs(message, gen);
                case "response_metadata" -> writeResponseMetadata(message, gen);
                case "name" -> gen.writeStringField("name", message.name().orElse(null));
                case "id" -> gen.writeStringField("id", message.id().orElse(null));
                case "usage_metadata" -> writeUsage((AiMessage) message, gen);
                case "tool_call_id" -> gen.writeStringField(key, ((ToolMessage) message).toolCallId());
                case "artifact" -> writeArtifact((ToolMessage) message, gen);
                case "status" -> gen.writeStringField(key, ((ToolMessage) message).status());
                case "role" -> gen.writeStringField(key, ((ChatRoleMessage) message).speaker());
                default -> throw new IllegalStateException("a key read without its value: " + key);
            }
        }
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private static void writeContent(ChatMessage message, JsonGenerator gen) throws IOException {
        if (message instanceof UserMessage u && !u.isTextOnly()) {
            OpenAiMessageForm.writeContent(u, gen);
        } else if (message instanceof AiMessage ai && ai.contentBlocks().isPresent()) {
            gen.writeFieldName(LangChainFields.CONTENT);
            gen.writeObject(ai.contentBlocks().get());
        } else {
            writeString(LangChainFields.CONTENT, message.text(), gen);
        }
    }

    private static void writeAdditionalKwargs(ChatMessage message, JsonGenerator gen) throws IOException {
        gen.writeFieldName(LangChainFields.ADDITIONAL_KWARGS);
        gen.writeStartObject();
        writeFields(message.additionalKwargs(), gen);
        if (message instanceof AiMessage ai && ai.reasoning().isPresent()) {
            writeString(LangChainFields.REASONING_CONTENT, ai.reasoning().get(), gen);
        }
        gen.writeEndObject();
    }

    private static void writeResponseMetadata(ChatMessage message, JsonGenerator gen) throws IOException {
        gen.writeFieldName(LangChainFields.RESPONSE_METADATA);
        gen.writeStartObject();
        writeFields(message.responseMetadata(), gen);
        if (message instanceof AiMessage ai && ai.finishReason().isPresent()) {
            writeString(LangChainFields.FINISH_REASON, ai.finishReason().get(), gen);
        }
        gen.writeEndObject();
    }

    private static void writeUsage(AiMessage ai, JsonGenerator gen) throws IOException {
        gen.writeFieldName(LangChainFields.USAGE_METADATA);
        if (ai.usage().isEmpty()) {
            gen.writeNull();
        } else {
            TokenUsage usage = ai.usage().get();
            gen.writeStartObject();
            writeNumber(LangChainFields.INPUT_TOKENS, usage.inputTokens(), gen);
            writeNumber(LangChainFields.OUTPUT_TOKENS, usage.outputTokens(), gen);
            writeNumber(LangChainFields.TOTAL_TOKENS, usage.totalTokens(), gen);
            writeFields(usage.details(), gen);
            gen.writeEndObject();
        }
    }

    private static void writeArtifact(ToolMessage message, JsonGenerator gen) throws IOException {
        gen.writeFieldName(LangChainFields.ARTIFACT);
        gen.writeObject(message.artifact().orElse(null));
    }

    /** A field whose name is pre-quoted; a null value writes JSON null. */
    private static void writeString(SerializableString name, String value, JsonGenerator gen) throws IOException {
        gen.writeFieldName(name);
        gen.writeString(value);
    }

    private static void writeNumber(SerializableString name, int value, JsonGenerator gen) throws IOException {
        gen.writeFieldName(name);
        gen.writeNumber(value);
    }

    private static void writeFields(Map<String, Object> fields, JsonGenerator gen) throws IOException {
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            gen.writeFieldName(field.getKey());
            gen.writeObject(field.getValue());
        }
    }

    /** {@code tool_calls} with arguments as objects, then {@code invalid_tool_calls} with the rest as text. */
    private static void writeToolCalls(List<ToolCall> calls, JsonGenerator gen) throws IOException {
        // each call's arguments are checked once; the two arrays are then written from that
        ToolCallArguments[] args = new ToolCallArguments[calls.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = ToolCallArguments.of(calls.get(i).arguments());
        }
        gen.writeFieldName(LangChainFields.TOOL_CALLS);
        gen.writeStartArray();
        for (int i = 0; i < args.length; i++) {
            if (args[i] != null) {
                ToolCall call = calls.get(i);
                gen.writeStartObject();
                writeString(LangChainFields.NAME, call.name(), gen);
                gen.writeFieldName(LangChainFields.ARGS);
                args[i].writeTo(gen);
                writeString(LangChainFields.ID, call.id().orElse(null), gen);
                gen.writeFieldName(LangChainFields.TYPE);
                gen.writeString(LangChainFields.TOOL_CALL);
                gen.writeEndObject();
            }
        }
        gen.writeEndArray();
        gen.writeFieldName(LangChainFields.INVALID_TOOL_CALLS);
        gen.writeStartArray();
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                ToolCall call = calls.get(i);
                gen.writeStartObject();
                writeString(LangChainFields.NAME, call.name(), gen);
                writeString(LangChainFields.ARGS, call.arguments(), gen);
                writeString(LangChainFields.ID, call.id().orElse(null), gen);
                gen.writeFieldName(LangChainFields.ERROR);
                gen.writeNull();
                gen.writeFieldName(LangChainFields.TYPE);
                gen.writeString(LangChainFields.INVALID_TOOL_CALL);
                gen.writeEndObject();
            }
        }
        gen.writeEndArray();
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
