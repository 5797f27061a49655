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

    // the names it shares with LangChain's form are LangChainFields'; these are its own
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
        out.name(LangChainFields.ROLE);
        out.string(message instanceof ChatRoleMessage c ? c.speaker() : message.role().openAiName());
        if (message instanceof ChatRoleMessage c) {
            out.field(LangChainFields.CONTENT, c.text());
            out.fieldIfPresent(LangChainFields.NAME, c.name().orElse(null));
        } else if (message instanceof FunctionMessage f) {
            out.field(LangChainFields.CONTENT, f.text());
            out.field(LangChainFields.NAME, f.functionName());
        } else if (message instanceof SystemMessage s) {
            out.field(LangChainFields.CONTENT, s.text());
            out.fieldIfPresent(LangChainFields.NAME, s.name().orElse(null));
        } else if (message instanceof UserMessage u) {
            writeContent(u, out);
            out.fieldIfPresent(LangChainFields.NAME, u.name().orElse(null));
        } else if (message instanceof AiMessage ai) {
            if (ai.text().isEmpty() && ai.hasToolCalls()) {
                out.name(LangChainFields.CONTENT);
                out.nullValue();
            } else {
                out.field(LangChainFields.CONTENT, ai.text());
            }
            out.fieldIfPresent(LangChainFields.REASONING_CONTENT, ai.reasoning().orElse(null));
            if (ai.hasToolCalls()) {
                out.name(LangChainFields.TOOL_CALLS);
                out.startArray();
                for (ToolCall call : ai.toolCalls()) {
                    out.startObject();
                    out.field(LangChainFields.ID, call.id().orElse(null));
                    out.name(LangChainFields.TYPE);
                    out.string(FUNCTION);
                    out.name(FUNCTION);
                    out.startObject();
                    out.field(LangChainFields.NAME, call.name());
                    out.field(ARGUMENTS, call.arguments());
                    out.endObject();
                    out.endObject();
                }
                out.endArray();
            }
        } else if (message instanceof ToolMessage t) {
            out.field(LangChainFields.TOOL_CALL_ID, t.toolCallId());
            out.field(LangChainFields.CONTENT, t.text());
            out.fieldIfPresent(LangChainFields.NAME, t.name().orElse(null));
        }
        if (message instanceof AiMessage ai) {
            out.fieldIfPresent(LangChainFields.NAME, ai.name().orElse(null));
        }
        out.fieldIfPresent(LangChainFields.ID, message.id().orElse(null));
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
            out.field(LangChainFields.CONTENT, message.text());
        } else {
            out.name(LangChainFields.CONTENT);
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
            out.name(LangChainFields.TYPE);
            out.string(TEXT);
            out.field(TEXT, t.text());
        } else if (part instanceof ContentPart.Image img) {
            out.name(LangChainFields.TYPE);
            out.string(IMAGE_URL);
            out.name(IMAGE_URL);
            out.startObject();
            out.field(URL, img.url());
            out.fieldIfPresent(DETAIL, img.detail());
            out.endObject();
        }
        out.endObject();
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
