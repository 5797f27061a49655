package dev.catena.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ChatRoleMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.messages.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Histories LangChain.js stored ({@code mapChatMessagesToStoredMessages}: each message's
 * {@code toDict()}, i.e. {@code {type, data: toJSON().kwargs}}) are written back by Catena with the
 * same keys and values: the fixtures follow LangChain.js's constructors, which put in {@code data}
 * only the fields they were given plus {@code additional_kwargs} and {@code response_metadata}
 * (an AI message also {@code tool_calls} and {@code invalid_tool_calls}), with no {@code data.type}.
 */
class LangChainJsHistoryTest {

    /** One message per line, as {@code JSON.stringify} writes LangChain.js's stored messages. */
    static final List<String> JS_MESSAGES = List.of(
            // new SystemMessage("...") and new HumanMessage("...")
            "{\"type\":\"system\",\"data\":{\"content\":\"You are terse.\",\"additional_kwargs\":{},\"response_metadata\":{}}}",
            "{\"type\":\"human\",\"data\":{\"content\":\"Hi, I'm Bob.\",\"additional_kwargs\":{},\"response_metadata\":{}}}",
            // new HumanMessage({content, name, id})
            "{\"type\":\"human\",\"data\":{\"content\":\"hello\",\"name\":\"bob\",\"id\":\"msg-1\",\"additional_kwargs\":{},"
                    + "\"response_metadata\":{}}}",
            // list content, an image given as a bare URL string
            "{\"type\":\"human\",\"data\":{\"content\":[{\"type\":\"text\",\"text\":\"What is this?\"},{\"type\":\"image_url\","
                    + "\"image_url\":\"https://example.com/cat.png\"}],\"additional_kwargs\":{},\"response_metadata\":{}}}",
            // new AIMessage("...")
            "{\"type\":\"ai\",\"data\":{\"content\":\"Hello Bob!\",\"tool_calls\":[],\"invalid_tool_calls\":[],"
                    + "\"additional_kwargs\":{},\"response_metadata\":{}}}",
            // an OpenAI chat model's answer: fields object, tool calls typed, usage
            "{\"type\":\"ai\",\"data\":{\"content\":\"\",\"additional_kwargs\":{\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},\"response_metadata\":"
                    + "{\"tokenUsage\":{\"promptTokens\":20,\"completionTokens\":5,\"totalTokens\":25},\"finish_reason\":\"tool_calls\"},"
                    + "\"id\":\"chatcmpl-1\",\"tool_calls\":[{\"name\":\"weather\",\"args\":{\"city\":\"Paris\"},\"id\":\"call_1\","
                    + "\"type\":\"tool_call\"}],\"invalid_tool_calls\":[],\"usage_metadata\":{\"input_tokens\":20,\"output_tokens\":5,"
                    + "\"total_tokens\":25}}}",
            // calls made by defaultToolCallParser: no type, an invalid call with its error text
            "{\"type\":\"ai\",\"data\":{\"content\":\"\",\"additional_kwargs\":{},\"response_metadata\":{},\"tool_calls\":[{\"name\":"
                    + "\"weather\",\"args\":{\"city\":\"Oslo\"},\"id\":\"call_2\"}],\"invalid_tool_calls\":[{\"name\":\"weather\","
                    + "\"args\":\"{city: Oslo\",\"id\":\"call_3\",\"error\":\"Malformed args.\"}]}}",
            // an AIMessageChunk stored after streaming: tool_call_chunks, usage with details, reasoning
            "{\"type\":\"ai\",\"data\":{\"content\":\"Streamed answer\",\"tool_call_chunks\":[],\"additional_kwargs\":"
                    + "{\"reasoning_content\":\"Think first.\"},\"response_metadata\":{\"model_name\":\"deepseek-reasoner\"},"
                    + "\"id\":\"run-abc\",\"tool_calls\":[],\"invalid_tool_calls\":[],\"usage_metadata\":{\"input_tokens\":12,"
                    + "\"output_tokens\":4,\"total_tokens\":16,\"input_token_details\":{\"cache_read\":0},"
                    + "\"output_token_details\":{\"reasoning\":3}}}}",
            // new ToolMessage({content, tool_call_id, name}), and one with status and artifact
            "{\"type\":\"tool\",\"data\":{\"content\":\"22 degrees\",\"tool_call_id\":\"call_1\",\"name\":\"weather\","
                    + "\"additional_kwargs\":{},\"response_metadata\":{}}}",
            "{\"type\":\"tool\",\"data\":{\"content\":\"timed out\",\"tool_call_id\":\"call_2\",\"status\":\"error\","
                    + "\"artifact\":{\"elapsed_ms\":5000,\"retries\":[1,2.5]},\"additional_kwargs\":{},\"response_metadata\":{}}}",
            // new ChatMessage({content, role}) is stored as "generic"; FunctionMessage keeps its name
            "{\"type\":\"generic\",\"data\":{\"content\":\"Looks good.\",\"role\":\"critic\",\"additional_kwargs\":{},"
                    + "\"response_metadata\":{}}}",
            "{\"type\":\"function\",\"data\":{\"content\":\"{\\\"temp\\\":22}\",\"name\":\"get_weather\",\"additional_kwargs\":{},"
                    + "\"response_metadata\":{}}}",
            // a message class of its own whose toDict spreads Serializable's lc_* fields into data
            "{\"type\":\"human\",\"data\":{\"lc_namespace\":[\"langchain_core\",\"messages\"],\"lc_serializable\":true,"
                    + "\"lc_aliases\":{},\"text\":\"hi\",\"additional_kwargs\":{},\"response_metadata\":{},\"content\":\"hi\","
                    + "\"role\":\"user\"}}",
            // fields other writers put on kinds that do not model them
            "{\"type\":\"human\",\"data\":{\"content\":\"x\",\"tool_call_id\":\"c9\",\"status\":\"success\","
                    + "\"artifact\":[1],\"usage_metadata\":{\"input_tokens\":1,\"output_tokens\":2,\"total_tokens\":3},"
                    + "\"tool_calls\":[{\"name\":\"f\",\"args\":{}}],\"additional_kwargs\":{},\"response_metadata\":{}}}");

    @Test
    void aLangChainJsHistoryIsWrittenBackWithTheSameKeysAndValues() {
        String history = "[" + String.join(",", JS_MESSAGES) + "]";
        String written = MessageJson.writeLangChain(MessageJson.readLangChain(history));
        assertThat(MessageJson.parse(written)).isEqualTo(MessageJson.parse(history));
        assertThat(written).as("same keys in the same order").isEqualTo(history);
    }

    @Test
    void aHistoryTooLongToBeParsedFromOneCopyIsWrittenBackAsRead() {
        // past 32K characters Jackson reads text through a Reader; the call arrays and arguments
        // taken from the text by position must still be the right characters
        String padding = "{\"type\":\"human\",\"data\":{\"content\":\"" + "x".repeat(40_000)
                + "\",\"additional_kwargs\":{},\"response_metadata\":{}}}";
        List<String> messages = new ArrayList<>();
        messages.add(padding);
        messages.addAll(JS_MESSAGES);
        messages.add(padding);
        messages.addAll(JS_MESSAGES);
        String history = "[" + String.join(",", messages) + "]";
        List<ChatMessage> read = MessageJson.readLangChain(history);
        assertThat(MessageJson.writeLangChain(read)).isEqualTo(history);
        List<ChatMessage> fromTree = new ArrayList<>();
        MessageJson.parse(history).forEach(node -> fromTree.add(MessageJson.fromLangChain(node)));
        assertThat(read).isEqualTo(fromTree);
    }

    @Test
    void eachMessageIsWrittenBackAsReadInEveryEntryPoint() {
        for (String json : JS_MESSAGES) {
            JsonNode original = MessageJson.parse(json);
            assertThat(MessageJson.parse(MessageJson.writeLangChainMessage(MessageJson.readLangChainMessage(json))))
                    .as(json).isEqualTo(original);
            assertThat((JsonNode) MessageJson.toLangChain(MessageJson.fromLangChain(original))).as(json).isEqualTo(original);
        }
    }

    @Test
    void theRecordOfTheFormDoesNotTakePartInEquality() {
        List<ChatMessage> js = MessageJson.readLangChain("[" + String.join(",", JS_MESSAGES) + "]");
        assertThat(js.get(1)).isEqualTo(ChatMessage.user("Hi, I'm Bob.")).hasSameHashCodeAs(ChatMessage.user("Hi, I'm Bob."));
        assertThat(js.get(4)).isEqualTo(AiMessage.of("Hello Bob!"));
        assertThat(js.get(10)).isEqualTo(new ChatRoleMessage("critic", "Looks good."));
        assertThat(((AiMessage) js.get(6)).toolCalls()).containsExactly(
                new ToolCall("call_2", "weather", "{\"city\":\"Oslo\"}"), new ToolCall("call_3", "weather", "{city: Oslo"));
        assertThat(((AiMessage) js.get(7)).usage()).contains(new TokenUsage(12, 4, 16,
                Map.of("input_token_details", Map.of("cache_read", 0), "output_token_details", Map.of("reasoning", 3))));
        // the same message built by hand, or changed, is written in Catena's own (Python's) form
        assertThat(MessageJson.toLangChain(ChatMessage.user("Hi, I'm Bob.")).get("data").has("example")).isTrue();
        assertThat(MessageJson.toLangChain(js.get(1).withId("m")).get("data").has("example")).isTrue();
    }

    @Test
    void pythonHistoriesNeedNoRecord() {
        List<ChatMessage> messages = new ArrayList<>(EveryMessageKind.history());
        messages.add(new ChatRoleMessage("critic", "ok"));
        for (ChatMessage message : MessageJson.readLangChain(MessageJson.writeLangChain(messages))) {
            assertThat(LangChainSourceForm.of(message)).as(message.toString()).isNull();
        }
    }
}
