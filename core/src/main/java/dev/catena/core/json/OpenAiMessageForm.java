package dev.catena.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * The OpenAI chat-completions message shape. A user message of one text part travels as a plain
 * {@code content} string, otherwise as an array of {@code text} / {@code image_url} parts; an
 * assistant message that only calls tools has {@code "content": null}; reasoning travels as
 * DeepSeek's {@code reasoning_content}. On reading, {@code developer} is taken as {@code system},
 * {@code function} as a {@link FunctionMessage} and any other role as a {@link ChatRoleMessage} of that
 * role, which is written back with the role as written.
 * A message's id travels as {@code id} when it has one (not part of OpenAI's request shape: a
 * client sending messages to the API removes it).
 */
public final class OpenAiMessageForm {

    private OpenAiMessageForm() {
    }

    /**
     * Writes one message.
     *
     * @param message the message
     * @return its OpenAI message object
     */
    public static ObjectNode write(ChatMessage message) {
        return (ObjectNode) MessageJson.tree(message, OpenAiMessageForm::write);
    }

    /** Writes one message to a generator: the one code path behind the tree and the text. */
    static void write(ChatMessage message, JsonGenerator gen) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("role", message instanceof ChatRoleMessage c ? c.speaker() : message.role().openAiName());
        if (message instanceof ChatRoleMessage c) {
            gen.writeStringField("content", c.text());
            writeIfPresent(gen, "name", c.name().orElse(null));
        } else if (message instanceof FunctionMessage f) {
            gen.writeStringField("content", f.text());
            gen.writeStringField("name", f.functionName());
        } else if (message instanceof SystemMessage s) {
            gen.writeStringField("content", s.text());
            writeIfPresent(gen, "name", s.name().orElse(null));
        } else if (message instanceof UserMessage u) {
            writeContent(u, gen);
            writeIfPresent(gen, "name", u.name().orElse(null));
        } else if (message instanceof AiMessage ai) {
            if (ai.text().isEmpty() && ai.hasToolCalls()) {
                gen.writeNullField("content");
            } else {
                gen.writeStringField("content", ai.text());
            }
            writeIfPresent(gen, "reasoning_content", ai.reasoning().orElse(null));
            if (ai.hasToolCalls()) {
                gen.writeArrayFieldStart("tool_calls");
                for (ToolCall call : ai.toolCalls()) {
                    gen.writeStartObject();
                    gen.writeStringField("id", call.id().orElse(null));
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
            writeIfPresent(gen, "name", t.name().orElse(null));
        }
        if (message instanceof AiMessage ai) {
            writeIfPresent(gen, "name", ai.name().orElse(null));
        }
        writeIfPresent(gen, "id", message.id().orElse(null));
        gen.writeEndObject();
    }

    /**
     * Writes one content part.
     *
     * @param part the part
     * @return its OpenAI content-part object ({@code text} or {@code image_url})
     */
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

    /**
     * Reads one message; {@code path} names it in errors. Reads the tree's tokens with the same reader as
     * text.
     *
     * @param node an OpenAI message object
     * @param path where the object sits in the document, e.g. {@code messages[2]}
     * @return the message
     */
    public static ChatMessage read(JsonNode node, String path) {
        return MessageJson.readNode(node, path, OpenAiMessageReader::read);
    }
}
