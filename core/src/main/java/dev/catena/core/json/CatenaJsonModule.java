package dev.catena.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonGeneratorImpl;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.SystemMessage;
import dev.catena.core.messages.ToolMessage;
import dev.catena.core.messages.UserMessage;
import java.io.IOException;

/**
 * A Jackson module that maps {@link ChatMessage}s in the OpenAI message shape, so messages can sit
 * inside your own records and be written with your own {@code ObjectMapper}. Reading also accepts
 * LangChain's {@code {"type": …, "data": …}} shape. The other data types (documents, tool calls,
 * usage…) are plain records and need no module.
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new CatenaJsonModule());
 * }</pre>
 */
public final class CatenaJsonModule extends SimpleModule {

    /**
     * A module that reads and writes {@link dev.catena.core.messages.ChatMessage}s in OpenAI's message form.
     */
    public CatenaJsonModule() {
        super("catena");
        JsonSerializer<ChatMessage> writer = new JsonSerializer<>() {
            @Override
            public void serialize(ChatMessage value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                if (takesCompactText(gen)) {
                    gen.writeRawValue(OpenAiMessageForm.text(value));
                } else {
                    gen.writeTree(OpenAiMessageForm.write(value));
                }
            }
        };
        addSerializer(ChatMessage.class, writer);
        addDeserializer(ChatMessage.class, new MessageDeserializer<>(ChatMessage.class));
        addDeserializer(SystemMessage.class, new MessageDeserializer<>(SystemMessage.class));
        addDeserializer(UserMessage.class, new MessageDeserializer<>(UserMessage.class));
        addDeserializer(AiMessage.class, new MessageDeserializer<>(AiMessage.class));
        addDeserializer(ToolMessage.class, new MessageDeserializer<>(ToolMessage.class));
    }

    /**
     * Whether the form's compact text can go into {@code gen} as it is: raw text bypasses a pretty
     * printer and custom escaping, and only a JSON text generator takes it (not a token buffer,
     * nor YAML, CBOR…); any other generator gets the message as a tree of the same content.
     */
    private static boolean takesCompactText(JsonGenerator gen) {
        return gen instanceof JsonGeneratorImpl && gen.getPrettyPrinter() == null
                && gen.getCharacterEscapes() == null && gen.getHighestEscapedChar() == 0;
    }

    /** Reads either form and checks the message is of the expected kind. */
    private static final class MessageDeserializer<T extends ChatMessage> extends JsonDeserializer<T> {
        private final Class<T> type;

        MessageDeserializer(Class<T> type) {
            this.type = type;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            String path = p.getParsingContext().pathAsPointer().toString();
            String where = path.isEmpty() ? "message" : path;
            ChatMessage message = node.has("data") && node.has("type") && !node.has("role")
                    ? LangChainMessageForm.read(node, where)
                    : OpenAiMessageForm.read(node, where);
            if (!type.isInstance(message)) {
                throw new MessageJsonException(where, "expected a " + type.getSimpleName() + ", got a "
                        + message.getClass().getSimpleName());
            }
            return type.cast(message);
        }
    }
}
