package dev.catena.core.json;

import com.fasterxml.jackson.core.io.SerializedString;
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

    private static final SerializedString ROLE = LangChainFields.ROLE;
    private static final SerializedString CONTENT = LangChainFields.CONTENT;
    private static final SerializedString NAME = LangChainFields.NAME;
    private static final SerializedString ID = LangChainFields.ID;
    private static final SerializedString TYPE = LangChainFields.TYPE;
    private static final SerializedString TOOL_CALLS = LangChainFields.TOOL_CALLS;
    private static final SerializedString TOOL_CALL_ID = LangChainFields.TOOL_CALL_ID;
    private static final SerializedString REASONING_CONTENT = LangChainFields.REASONING_CONTENT;
    private static final SerializedString FUNCTION = new SerializedString("function");
    private static final SerializedString ARGUMENTS = new SerializedString("arguments");
    private static final SerializedString TEXT = new SerializedString("text");
    private static final SerializedString IMAGE_URL = new SerializedString("image_url");
    private static final SerializedString URL = new SerializedString("url");
    private static final SerializedString DETAIL = new SerializedString("detail");

    private OpenAiMessageForm() {
    }

    /**
     * Writes one message.
     *
     * @param message the message
     * @return its OpenAI message object
     */
    public static ObjectNode write(ChatMessage message) {
        // the form holds only strings and nulls, so its parsed text is exactly the tree it describes
        return (ObjectNode) MessageJson.parse(text(message));
    }

    /** One message as compact JSON text. */
    static String text(ChatMessage message) {
        JsonTextWriter out = JsonTextWriter.onSpareBuffer(256);
        write(message, out);
        return out.finish();
    }

    /** Writes one message: the one code path behind the text, the tree and the Jackson module. */
    static void write(ChatMessage message, JsonTextWriter out) {
        out.startObject();
        out.name(ROLE);
        out.string(message instanceof ChatRoleMessage c ? c.speaker() : message.role().openAiName());
        if (message instanceof ChatRoleMessage c) {
            writeString(CONTENT, c.text(), out);
            writeIfPresent(NAME, c.name().orElse(null), out);
        } else if (message instanceof FunctionMessage f) {
            writeString(CONTENT, f.text(), out);
            writeString(NAME, f.functionName(), out);
        } else if (message instanceof SystemMessage s) {
            writeString(CONTENT, s.text(), out);
            writeIfPresent(NAME, s.name().orElse(null), out);
        } else if (message instanceof UserMessage u) {
            writeContent(u, out);
            writeIfPresent(NAME, u.name().orElse(null), out);
        } else if (message instanceof AiMessage ai) {
            if (ai.text().isEmpty() && ai.hasToolCalls()) {
                out.name(CONTENT);
                out.nullValue();
            } else {
                writeString(CONTENT, ai.text(), out);
            }
            writeIfPresent(REASONING_CONTENT, ai.reasoning().orElse(null), out);
            if (ai.hasToolCalls()) {
                out.name(TOOL_CALLS);
                out.startArray();
                for (ToolCall call : ai.toolCalls()) {
                    out.startObject();
                    writeString(ID, call.id().orElse(null), out);
                    out.name(TYPE);
                    out.string(FUNCTION);
                    out.name(FUNCTION);
                    out.startObject();
                    writeString(NAME, call.name(), out);
                    writeString(ARGUMENTS, call.arguments(), out);
                    out.endObject();
                    out.endObject();
                }
                out.endArray();
            }
        } else if (message instanceof ToolMessage t) {
            writeString(TOOL_CALL_ID, t.toolCallId(), out);
            writeString(CONTENT, t.text(), out);
            writeIfPresent(NAME, t.name().orElse(null), out);
        }
        if (message instanceof AiMessage ai) {
            writeIfPresent(NAME, ai.name().orElse(null), out);
        }
        writeIfPresent(ID, message.id().orElse(null), out);
        out.endObject();
    }

    /**
     * Writes one content part.
     *
     * @param part the part
     * @return its OpenAI content-part object ({@code text} or {@code image_url})
     */
    public static ObjectNode writePart(ContentPart part) {
        JsonTextWriter out = new JsonTextWriter(128);
        writePart(part, out);
        return (ObjectNode) MessageJson.parse(out.text());
    }

    /** A user message's {@code content}: a plain string for one text part, otherwise an array of parts. */
    static void writeContent(UserMessage message, JsonTextWriter out) {
        if (message.isTextOnly()) {
            writeString(CONTENT, message.text(), out);
        } else {
            out.name(CONTENT);
            out.startArray();
            for (ContentPart part : message.content()) {
                writePart(part, out);
            }
            out.endArray();
        }
    }

    private static void writePart(ContentPart part, JsonTextWriter out) {
        out.startObject();
        if (part instanceof ContentPart.Text t) {
            out.name(TYPE);
            out.string(TEXT);
            writeString(TEXT, t.text(), out);
        } else if (part instanceof ContentPart.Image img) {
            out.name(TYPE);
            out.string(IMAGE_URL);
            out.name(IMAGE_URL);
            out.startObject();
            writeString(URL, img.url(), out);
            writeIfPresent(DETAIL, img.detail(), out);
            out.endObject();
        }
        out.endObject();
    }

    /** A field whose name is pre-quoted; a null value writes JSON null. */
    private static void writeString(SerializedString name, String value, JsonTextWriter out) {
        out.name(name);
        out.string(value);
    }

    private static void writeIfPresent(SerializedString name, String value, JsonTextWriter out) {
        if (value != null) {
            out.name(name);
            out.string(value);
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
