package dev.catena.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ToolCall;
import java.util.List;

/**
 * Stored messages exactly as Python LangChain writes them: {@code json.dumps(message_to_dict(m))}
 * of langchain-core 0.3 messages (default separators, non-ASCII escaped), built from the documented
 * {@code message_to_dict} fields, and what they mean.
 */
final class LangChainFixtures {

    static final List<String> PYTHON_MESSAGES = List.of(
            "{\"type\": \"system\", \"data\": {\"content\": \"You are a helpful assistant.\", \"additional_kwargs\": {}, "
                    + "\"response_metadata\": {}, \"type\": \"system\", \"name\": null, \"id\": null}}",
            "{\"type\": \"human\", \"data\": {\"content\": \"\\u4f60\\u597d, what's the weather?\", \"additional_kwargs\": {}, "
                    + "\"response_metadata\": {}, \"type\": \"human\", \"name\": null, \"id\": null, \"example\": false}}",
            "{\"type\": \"ai\", \"data\": {\"content\": \"Let me check.\", \"additional_kwargs\": {}, \"response_metadata\": {}, "
                    + "\"type\": \"ai\", \"name\": null, \"id\": null, \"example\": false, \"tool_calls\": [{\"name\": \"weather\", "
                    + "\"args\": {\"city\": \"Paris\"}, \"id\": \"call_1\", \"type\": \"tool_call\"}], \"invalid_tool_calls\": [], "
                    + "\"usage_metadata\": null}}");

    static final List<ChatMessage> EXPECTED = List.of(
            ChatMessage.system("You are a helpful assistant."),
            ChatMessage.user("你好, what's the weather?"),
            new AiMessage("Let me check.", List.of(new ToolCall("call_1", "weather", "{\"city\":\"Paris\"}")), null, null, null));

    private LangChainFixtures() {
    }

    /** Checks that stored JSON is a {@code message_to_dict} object Python's {@code messages_from_dict} reads. */
    static void assertLangChainDict(String json, String type, String content) throws Exception {
        JsonNode node = new ObjectMapper().readTree(json);
        assertThat(node.path("type").asText()).isEqualTo(type);
        assertThat(node.path("data").path("type").asText()).isEqualTo(type);
        assertThat(node.path("data").path("content").asText()).isEqualTo(content);
        assertThat(node.path("data").has("additional_kwargs")).isTrue();
    }
}
