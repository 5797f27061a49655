package dev.catena.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ContentPart;
import dev.catena.core.messages.SystemMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import dev.catena.core.messages.UserMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageJsonTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    static String fixture(String name) {
        try (InputStream in = MessageJsonTest.class.getResourceAsStream("/wire/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /wire/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return PLAIN.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void openAiMessagesRoundTripToEqualObjectsAndEqualJson() {
        String json = fixture("openai-messages.json");

        List<ChatMessage> messages = MessageJson.readOpenAi(json);

        assertThat(messages).containsExactly(
                UserMessage.of("What is the weather like in Boston today?"),
                AiMessage.ofToolCalls(List.of(new ToolCall("call_abc123", "get_current_weather",
                        "{\n\"location\": \"Boston, MA\"\n}"))),
                new ToolMessage("call_abc123", "{\"temperature\": 22, \"unit\": \"celsius\"}", null));
        String written = MessageJson.writeOpenAi(messages);
        assertThat(tree(written)).isEqualTo(tree(json));
        assertThat(MessageJson.readOpenAi(written)).isEqualTo(messages);
    }

    @Test
    void langChainMessagesToDictRoundTripsToEqualObjectsAndEqualJson() {
        String json = fixture("langchain-messages-to-dict.json");

        List<ChatMessage> messages = MessageJson.readLangChain(json);

        assertThat(messages).containsExactly(
                new SystemMessage("You are a helpful assistant."),
                UserMessage.of("What is the weather like in Boston today?"),
                new AiMessage("", List.of(new ToolCall("call_abc123", "get_current_weather", "{\"location\":\"Boston, MA\"}")),
                        null, "tool_calls", new TokenUsage(82, 17, 99)));
        String written = MessageJson.writeLangChain(messages);
        assertThat(tree(written)).isEqualTo(tree(json));
        assertThat(MessageJson.readLangChain(written)).isEqualTo(messages);
    }

    @Test
    void aHistoryCrossesFromOneFormToTheOther() {
        List<ChatMessage> fromPython = MessageJson.readLangChain(fixture("langchain-messages-to-dict.json"));
        List<ChatMessage> viaOpenAi = MessageJson.readOpenAi(MessageJson.writeOpenAi(fromPython));
        // the OpenAI message shape has no place for finish reason and usage; everything else survives
        assertThat(viaOpenAi.get(0)).isEqualTo(fromPython.get(0));
        assertThat(viaOpenAi.get(1)).isEqualTo(fromPython.get(1));
        assertThat(((AiMessage) viaOpenAi.get(2)).toolCalls()).isEqualTo(((AiMessage) fromPython.get(2)).toolCalls());
    }

    @Test
    void developerRoleOfTheSpecExampleIsReadAsSystem() {
        JsonNode request = tree(fixture("openai-chat-request.json"));
        List<ChatMessage> messages = MessageJson.readOpenAi(request.get("messages").toString());
        assertThat(messages).containsExactly(new SystemMessage("You are a helpful assistant."), UserMessage.of("Hello!"));
    }

    @Test
    void theAssistantMessageOfARealResponseIsRead() {
        JsonNode message = tree(fixture("openai-chat-tools-response.json")).at("/choices/0/message");
        AiMessage ai = (AiMessage) MessageJson.fromOpenAi(message);
        assertThat(ai.text()).isEmpty();
        assertThat(ai.toolCalls()).extracting(ToolCall::name).containsExactly("get_current_weather");
    }

    @Test
    void unknownFieldsAreIgnoredInBothForms() {
        String openAi = """
                [{"role": "assistant", "content": "Hi", "refusal": null, "annotations": [], "audio": null,
                  "tool_calls": [{"id": "c1", "type": "function", "index": 0,
                                  "function": {"name": "f", "arguments": "{}", "strict": true}}]},
                 {"role": "user", "content": [{"type": "text", "text": "hey", "cache_control": {"type": "ephemeral"}},
                                              {"type": "input_audio", "input_audio": {"data": "AAA", "format": "wav"}}]}]
                """;
        assertThat(MessageJson.readOpenAi(openAi)).containsExactly(
                new AiMessage("Hi", List.of(new ToolCall("c1", "f", "{}")), null, null, null),
                UserMessage.of("hey"));

        String langChain = """
                [{"type": "ai", "data": {"content": "Hello", "lc_future_field": 1,
                  "response_metadata": {"finish_reason": "stop", "model_name": "gpt-4o-mini", "system_fingerprint": "fp_1"},
                  "usage_metadata": {"input_tokens": 5, "output_tokens": 1, "total_tokens": 6,
                                     "input_token_details": {"cache_read": 0}},
                  "id": "run-1", "tool_calls": [], "invalid_tool_calls": []}}]
                """;
        assertThat(MessageJson.readLangChain(langChain))
                .containsExactly(new AiMessage("Hello", List.of(), null, "stop",
                        new TokenUsage(5, 1, 6, java.util.Map.of("input_token_details", java.util.Map.of("cache_read", 0))), "run-1", null,
                        java.util.Map.of(), java.util.Map.of("model_name", "gpt-4o-mini", "system_fingerprint", "fp_1"), null));
    }

    @Test
    void olderLangChainHistoriesWithToolCallsInAdditionalKwargsAreRead() {
        String old = """
                [{"type": "ai", "data": {"content": "", "additional_kwargs": {"tool_calls": [
                   {"id": "call_1", "type": "function", "function": {"name": "search", "arguments": "{\\"q\\": \\"x\\"}"}}]}}}]
                """;
        List<ChatMessage> read = MessageJson.readLangChain(old);
        assertThat(read).extracting(m -> ((AiMessage) m).toolCalls()).containsExactly(
                List.of(new ToolCall("call_1", "search", "{\"q\": \"x\"}")));
        // the legacy field itself is kept as read, so writing the history back loses nothing
        assertThat(read.get(0).additionalKwargs()).containsKey("tool_calls");
    }

    @Test
    void toolMessagesAndInvalidToolCallsRoundTripInTheLangChainForm() {
        List<ChatMessage> messages = List.of(
                AiMessage.ofToolCalls(List.of(new ToolCall("c1", "calc", "{\"x\": 1}"), new ToolCall("c2", "calc", "not json"))),
                new ToolMessage("c1", "2", "calc"),
                new SystemMessage("Things working well together will increase revenue.", "example_assistant"));
        String json = MessageJson.writeLangChain(messages);
        JsonNode tree = tree(json);
        assertThat(tree.at("/0/data/invalid_tool_calls/0/args").asText()).isEqualTo("not json");
        assertThat(tree.at("/0/data/invalid_tool_calls/0/type").asText()).isEqualTo("invalid_tool_call");
        assertThat(tree.at("/1/data/status").asText()).isEqualTo("success");
        assertThat(tree.at("/2/data/name").asText()).isEqualTo("example_assistant");
        List<ChatMessage> back = MessageJson.readLangChain(json);
        assertThat(back.get(1)).isEqualTo(messages.get(1));
        assertThat(back.get(2)).isEqualTo(messages.get(2));
        assertThat(((AiMessage) back.get(0)).toolCalls()).extracting(ToolCall::arguments)
                .containsExactly("{\"x\":1}", "not json");
    }

    @Test
    void aMultimodalUserMessageRoundTripsInBothForms() {
        UserMessage message = UserMessage.of(
                ContentPart.text("What is in this image?"),
                new ContentPart.Image("https://example.com/cat.png", "high"),
                ContentPart.Image.ofBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png"));

        JsonNode openAi = MessageJson.toOpenAi(message);
        assertThat(openAi.at("/content/1/type").asText()).isEqualTo("image_url");
        assertThat(openAi.at("/content/1/image_url/detail").asText()).isEqualTo("high");
        assertThat(openAi.at("/content/2/image_url/url").asText()).isEqualTo("data:image/png;base64,iVBORw==");
        assertThat(MessageJson.fromOpenAi(openAi)).isEqualTo(message);
        assertThat(MessageJson.fromLangChain(MessageJson.toLangChain(message))).isEqualTo(message);
        assertThat(message.text()).isEqualTo("What is in this image?");
        assertThat(((ContentPart.Image) message.content().get(2)).isInline()).isTrue();
    }

    @Test
    void malformedInputNamesTheField() {
        assertThatThrownBy(() -> MessageJson.readOpenAi("[{\"role\": \"user\"}]"))
                .isInstanceOfSatisfying(MessageJsonException.class,
                        e -> assertThat(e.field()).isEqualTo("messages[0].content"))
                .hasMessage("messages[0].content: missing");
        assertThatThrownBy(() -> MessageJson.readOpenAi("""
                [{"role": "system", "content": "x"},
                 {"role": "assistant", "content": null, "tool_calls": [{"id": "c", "function": {"arguments": "{}"}}]}]"""))
                .isInstanceOfSatisfying(MessageJsonException.class,
                        e -> assertThat(e.field()).isEqualTo("messages[1].tool_calls[0].function.name"));
        assertThatThrownBy(() -> MessageJson.readOpenAi("[{\"role\": \" \", \"content\": \"x\"}]"))
                .hasMessageContaining("messages[0].role: blank role");
        assertThatThrownBy(() -> MessageJson.readOpenAi("[{\"role\": \"user\", \"content\": 42}]"))
                .hasMessage("messages[0].content: expected a string or an array of content parts, got number");
        assertThatThrownBy(() -> MessageJson.readLangChain("[{\"type\": \"human\", \"data\": {\"content\": \"x\", \"name\": 7}}]"))
                .hasMessage("messages[0].data.name: expected a string, got number");
        assertThatThrownBy(() -> MessageJson.readLangChain("[{\"type\": \"tool\", \"data\": {\"content\": \"x\"}}]"))
                .hasMessage("messages[0].data.tool_call_id: missing");
        assertThatThrownBy(() -> MessageJson.readLangChain("[{\"type\": \"human\"}]"))
                .hasMessage("messages[0].data: expected a JSON object, got nothing");
        assertThatThrownBy(() -> MessageJson.readOpenAi("[{\"role\": "))
                .isInstanceOfSatisfying(MessageJsonException.class, e -> assertThat(e.field()).isEqualTo("$"))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> MessageJson.readOpenAi("{\"role\": \"user\"}"))
                .hasMessage("$: expected a JSON array of messages, got OBJECT");
    }

    @Test
    void nestedFieldsAreNamedWithTheirFullPath() {
        assertThatThrownBy(() -> MessageJson.readOpenAi("[{\"role\": \"assistant\", \"content\": \"x\", \"tool_calls\": 3}]"))
                .hasMessage("messages[0].tool_calls: expected an array, got number");
        assertThatThrownBy(() -> MessageJson.readOpenAi("[{\"role\": \"system\", \"content\": [{\"type\": \"text\"}]}]"))
                .hasMessage("messages[0].content[0].text: missing");
        assertThatThrownBy(() -> MessageJson.readLangChain("""
                [{"type": "human", "data": {"content": [{"type": "text", "text": "a"}, {"type": "image_url", "image_url": {}}]}}]"""))
                .hasMessage("messages[0].data.content[1].image_url.url: missing");
        assertThatThrownBy(() -> MessageJson.readLangChain("""
                [{"type": "ai", "data": {"content": "", "tool_calls": "x", "invalid_tool_calls": [{"name": "f", "args": "?"}]}}]"""))
                .hasMessage("messages[0].data.tool_calls: expected an array, got string");
        assertThatThrownBy(() -> MessageJson.readLangChain("""
                [{"type": "ai", "data": {"content": "", "tool_calls": [], "invalid_tool_calls": [{"args": "?"}]}}]"""))
                .hasMessage("messages[0].data.invalid_tool_calls[0].name: missing");
        assertThatThrownBy(() -> MessageJson.readLangChain("""
                [{"type": "ai", "data": {"content": "", "additional_kwargs": {"tool_calls": [{"id": "c"}]}}}]"""))
                .hasMessage("messages[0].data.additional_kwargs.tool_calls[0].function: expected a JSON object, got nothing");
        assertThatThrownBy(() -> MessageJson.readLangChain("[{\"type\": \"system\", \"data\": {\"content\": 5}}]"))
                .hasMessage("messages[0].data.content: expected a string or an array of content parts, got number");
    }

    record Conversation(String id, List<ChatMessage> messages) {
    }

    @Test
    void theJacksonModuleMapsMessagesInsideYourOwnTypes() throws IOException {
        ObjectMapper mapper = new ObjectMapper().registerModule(new CatenaJsonModule());
        Conversation conversation = new Conversation("c-1", MessageJson.readOpenAi(fixture("openai-messages.json")));

        String json = mapper.writeValueAsString(conversation);

        assertThat(tree(json).get("messages")).isEqualTo(tree(fixture("openai-messages.json")));
        assertThat(mapper.readValue(json, Conversation.class)).isEqualTo(conversation);
        String langChainInside = "{\"id\": \"c-2\", \"messages\": " + fixture("langchain-messages-to-dict.json") + "}";
        assertThat(mapper.readValue(langChainInside, Conversation.class).messages())
                .isEqualTo(MessageJson.readLangChain(fixture("langchain-messages-to-dict.json")));
        assertThatThrownBy(() -> mapper.readValue("{\"role\": \"user\", \"content\": \"x\"}", AiMessage.class))
                .hasMessageContaining("expected a AiMessage, got a UserMessage");
    }
}
