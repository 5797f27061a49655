package dev.catena.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
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
        gen.writeStringField("type", type);
        gen.writeObjectFieldStart("data");
        AiMessage ai = message instanceof AiMessage a ? a : null;
        writeContent(message, gen);
        writeAdditionalKwargs(message, gen);
        writeResponseMetadata(message, gen);
        gen.writeStringField("type", type);
        gen.writeStringField("name", message.name().orElse(null)); // null writes JSON null
        gen.writeStringField("id", message.id().orElse(null));
        if (message instanceof UserMessage) {
            gen.writeBooleanField("example", false);
        } else if (ai != null) {
            gen.writeBooleanField("example", false);
            writeToolCalls(ai.toolCalls(), gen);
            writeUsage(ai, gen);
        } else if (message instanceof ToolMessage t) {
            gen.writeStringField("tool_call_id", t.toolCallId());
            gen.writeFieldName("artifact");
            gen.writeObject(t.artifact().orElse(null));
            gen.writeStringField("status", t.status());
        } else if (message instanceof ChatRoleMessage c) {
            gen.writeStringField("role", c.speaker());
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
                case "artifact" -> {
                    gen.writeFieldName(key);
                    gen.writeObject(((ToolMessage) message).artifact().orElse(null));
                }
                case "status" -> gen.writeStringField(key, ((ToolMessage) message).status());
                case "role" -> gen.writeStringField(key, ((ChatRoleMessage) message).speaker());
                default -> throw new IllegalStateException("a key read without its value: " + key);
            }
        }
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private static void writeContent(ChatMessage message, JsonGenerator gen) throws IOException {
        if (message instanceof UserMessage u) {
            OpenAiMessageForm.writeContent(u, gen);
        } else if (message instanceof AiMessage ai && ai.contentBlocks().isPresent()) {
            gen.writeFieldName("content");
            gen.writeObject(ai.contentBlocks().get());
        } else {
            gen.writeStringField("content", message.text());
        }
    }

    private static void writeAdditionalKwargs(ChatMessage message, JsonGenerator gen) throws IOException {
        gen.writeObjectFieldStart("additional_kwargs");
        writeFields(message.additionalKwargs(), gen);
        if (message instanceof AiMessage ai && ai.reasoning().isPresent()) {
            gen.writeStringField("reasoning_content", ai.reasoning().get());
        }
        gen.writeEndObject();
    }

    private static void writeResponseMetadata(ChatMessage message, JsonGenerator gen) throws IOException {
        gen.writeObjectFieldStart("response_metadata");
        writeFields(message.responseMetadata(), gen);
        if (message instanceof AiMessage ai && ai.finishReason().isPresent()) {
            gen.writeStringField("finish_reason", ai.finishReason().get());
        }
        gen.writeEndObject();
    }

    private static void writeUsage(AiMessage ai, JsonGenerator gen) throws IOException {
        if (ai.usage().isEmpty()) {
            gen.writeNullField("usage_metadata");
        } else {
            TokenUsage usage = ai.usage().get();
            gen.writeObjectFieldStart("usage_metadata");
            gen.writeNumberField("input_tokens", usage.inputTokens());
            gen.writeNumberField("output_tokens", usage.outputTokens());
            gen.writeNumberField("total_tokens", usage.totalTokens());
            writeFields(usage.details(), gen);
            gen.writeEndObject();
        }
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
        gen.writeArrayFieldStart("tool_calls");
        for (int i = 0; i < args.length; i++) {
            if (args[i] != null) {
                ToolCall call = calls.get(i);
                gen.writeStartObject();
                gen.writeStringField("name", call.name());
                gen.writeFieldName("args");
                args[i].writeTo(gen);
                gen.writeStringField("id", call.id().orElse(null));
                gen.writeStringField("type", "tool_call");
                gen.writeEndObject();
            }
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("invalid_tool_calls");
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                ToolCall call = calls.get(i);
                gen.writeStartObject();
                gen.writeStringField("name", call.name());
                gen.writeStringField("args", call.arguments());
                gen.writeStringField("id", call.id().orElse(null));
                gen.writeNullField("error");
                gen.writeStringField("type", "invalid_tool_call");
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
