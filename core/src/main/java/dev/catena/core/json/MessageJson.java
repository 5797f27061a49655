package dev.catena.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.messages.ChatMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes chat messages in the two JSON forms other systems use:
 * <ul>
 *   <li>the OpenAI chat-completions {@code messages} shape ({@code role}, {@code content},
 *       {@code tool_calls}, {@code tool_call_id}, {@code name}), also what most providers and
 *       LangChain4j-style stores speak; see {@link OpenAiMessageForm};</li>
 *   <li>LangChain's {@code messages_to_dict} shape ({@code {"type": "human", "data": {…}}}), so a
 *       Python LangChain service and a Catena service can share a chat history; see
 *       {@link LangChainMessageForm}.</li>
 * </ul>
 * Unknown fields are ignored; malformed input throws {@link MessageJsonException} naming the field.
 *
 * <pre>{@code
 * String json = MessageJson.writeLangChain(history);
 * List<ChatMessage> back = MessageJson.readLangChain(json);
 * }</pre>
 */
public final class MessageJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private MessageJson() {
    }

    /**
     * One message as an OpenAI message object.
     *
     * @param message the message
     * @return a new OpenAI chat-completions message object
     */
    public static ObjectNode toOpenAi(ChatMessage message) {
        return OpenAiMessageForm.write(message);
    }

    /**
     * One OpenAI message object as a message.
     *
     * @param node an OpenAI message object
     * @return the message
     * @throws MessageJsonException if {@code node} is not a valid OpenAI message
     */
    public static ChatMessage fromOpenAi(JsonNode node) {
        return OpenAiMessageForm.read(node, "message");
    }

    /**
     * Messages as an OpenAI {@code messages} array.
     *
     * @param messages the messages, in order
     * @return the array as compact JSON text
     */
    public static String writeOpenAi(List<? extends ChatMessage> messages) {
        return writeArray(messages, OpenAiMessageForm::write);
    }

    /**
     * An OpenAI {@code messages} array as messages; a malformed message fails the read.
     *
     * @param json an OpenAI {@code messages} array as JSON text
     * @return the messages, in order
     * @throws MessageJsonException if the text is not such an array or a message in it is malformed
     */
    public static List<ChatMessage> readOpenAi(String json) {
        return readArray(json, OpenAiMessageReader::read, UnreadableMessages.FAIL);
    }

    /**
     * An OpenAI {@code messages} array as messages, a well-formed JSON message that is not a valid
     * message going to {@code unreadable} (which skips it or fails the read). Text that is not JSON
     * fails the read whatever the choice: where it ends cannot be known.
     *
     * @param json an OpenAI {@code messages} array as JSON text
     * @param unreadable what to do with a message that cannot be read
     * @return the readable messages, in order
     * @throws MessageJsonException if the text is not a JSON array
     */
    public static List<ChatMessage> readOpenAi(String json, UnreadableMessages unreadable) {
        return readArray(json, OpenAiMessageReader::read, unreadable);
    }

    /**
     * One message as LangChain's {@code message_to_dict} object.
     *
     * @param message the message
     * @return a new {@code {"type": ..., "data": ...}} object
     */
    public static ObjectNode toLangChain(ChatMessage message) {
        return LangChainMessageForm.write(message);
    }

    /**
     * One LangChain {@code message_to_dict} object as a message.
     *
     * @param node a LangChain {@code message_to_dict} object
     * @return the message
     * @throws MessageJsonException if {@code node} is not a valid LangChain message
     */
    public static ChatMessage fromLangChain(JsonNode node) {
        return LangChainMessageForm.read(node, "message");
    }

    /**
     * Messages as LangChain's {@code messages_to_dict} array.
     *
     * @param messages the messages, in order
     * @return the array as compact JSON text
     */
    public static String writeLangChain(List<? extends ChatMessage> messages) {
        return writeArray(messages, LangChainMessageForm::write);
    }

    /**
     * One message as LangChain's {@code message_to_dict} JSON text, written straight to text: what
     * {@code toJson(toLangChain(message))} gives, without the tree. The form a chat history store keeps.
     *
     * @param message the message
     * @return the {@code {"type": ..., "data": ...}} object as compact JSON text
     */
    public static String writeLangChainMessage(ChatMessage message) {
        return LangChainMessageForm.text(message);
    }

    /**
     * One LangChain {@code message_to_dict} object, given as JSON text, as a message, read in one
     * streaming pass: what {@code fromLangChain(parse(json))} gives (the same message or the same
     * error), without the tree.
     *
     * @param json one {@code message_to_dict} object as JSON text
     * @return the message
     * @throws MessageJsonException if the text is not valid JSON or not a valid LangChain message
     */
    public static ChatMessage readLangChainMessage(String json) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            parser.nextToken();
            try {
                return LangChainMessageReader.read(parser, json);
            } catch (FieldError e) {
                throw e.at("message");
            }
        } catch (JsonProcessingException e) {
            throw notValidJson(e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen when reading a string", e);
        }
    }

    /**
     * A LangChain {@code messages_to_dict} array as messages; a malformed message fails the read.
     *
     * @param json a LangChain {@code messages_to_dict} array as JSON text
     * @return the messages, in order
     * @throws MessageJsonException if the text is not such an array or a message in it is malformed
     */
    public static List<ChatMessage> readLangChain(String json) {
        return readArray(json, p -> LangChainMessageReader.read(p, json), UnreadableMessages.FAIL);
    }

    /**
     * As {@link #readOpenAi(String, UnreadableMessages)}, for LangChain's {@code messages_to_dict} array.
     *
     * @param json a LangChain {@code messages_to_dict} array as JSON text
     * @param unreadable what to do with a message that cannot be read
     * @return the readable messages, in order
     * @throws MessageJsonException if the text is not a JSON array
     */
    public static List<ChatMessage> readLangChain(String json, UnreadableMessages unreadable) {
        return readArray(json, p -> LangChainMessageReader.read(p, json), unreadable);
    }

    /**
     * One message as compact JSON text in either form.
     *
     * @param node the message object
     * @return the object as compact JSON text
     */
    public static String toJson(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen for a JsonNode tree", e);
        }
    }

    /**
     * Parses JSON text to a tree, with a clear error for malformed text.
     *
     * @param json the JSON text
     * @return the parsed tree
     * @throws MessageJsonException if the text is not well-formed JSON
     */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw notValidJson(e);
        }
    }

    private static MessageJsonException notValidJson(JsonProcessingException e) {
        // a read limit (nesting depth, number length) is reported without a location
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return new MessageJsonException("$", "not valid JSON (" + e.getOriginalMessage() + where + ")", e);
    }

    /** Reads one message of a form from a parser on its first token, leaving the parser on its last. */
    @FunctionalInterface
    interface MessageReader {
        ChatMessage read(JsonParser parser) throws IOException;
    }

    /** One message from a tree: the tree's tokens go through the same reader as text. */
    static ChatMessage readNode(JsonNode node, String path, MessageReader form) {
        if (node == null) {
            throw new MessageJsonException(path, "expected a JSON object, got nothing");
        }
        try (JsonParser parser = node.traverse(MAPPER)) {
            parser.nextToken();
            return form.read(parser);
        } catch (FieldError e) {
            throw e.at(path);
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen when reading a tree", e);
        }
    }

    /**
     * Streams a JSON array of messages. Like a parsed tree, only the first JSON value counts and
     * text that is not valid JSON up to its end is reported as such, even after a malformed message.
     */
    private static List<ChatMessage> readArray(String json, MessageReader form, UnreadableMessages unreadable) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_ARRAY) {
                String kind = JsonTokens.kind(parser).toUpperCase(Locale.ROOT);
                parser.skipChildren();
                throw new MessageJsonException("$", "expected a JSON array of messages, got " + kind);
            }
            List<ChatMessage> result = new ArrayList<>();
            int i = 0;
            for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken(), i++) {
                try {
                    result.add(form.read(parser));
                } catch (FieldError e) {
                    MessageJsonException error = e.at("messages[" + i + "]");
                    if (unreadable == UnreadableMessages.FAIL) {
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            parser.skipChildren(); // a syntax error further on is what a tree parse reports
                        }
                        throw error;
                    }
                    unreadable.unreadable(new UnreadableMessage(i, error));
                }
            }
            return result;
        } catch (JsonProcessingException e) {
            throw notValidJson(e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen when reading a string", e);
        }
    }

    /** Writes one message of a wire form as the next value of a text writer. */
    @FunctionalInterface
    interface MessageWrite {
        void write(ChatMessage message, JsonTextWriter out);
    }

    /** Writes the messages as one compact JSON array. */
    private static String writeArray(List<? extends ChatMessage> messages, MessageWrite form) {
        // a stored message takes a few hundred characters; the buffer grows past that as needed
        JsonTextWriter out = JsonTextWriter.onSpareBuffer((int) Math.min(1 << 24, 16 + 512L * messages.size()));
        out.startArray();
        for (ChatMessage message : messages) {
            form.write(message, out);
        }
        out.endArray();
        return out.finish();
    }
}
