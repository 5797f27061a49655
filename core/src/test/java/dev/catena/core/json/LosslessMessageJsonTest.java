package dev.catena.core.json;

import static dev.catena.core.json.MessageJsonTest.fixture;
import static dev.catena.core.json.MessageJsonTest.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.SystemMessage;
import dev.catena.core.messages.ToolMessage;
import dev.catena.core.messages.UserMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What LangChain writes and Catena does not model comes back unchanged, and bad input fails typed. */
class LosslessMessageJsonTest {

    @Test
    void aPythonLangChainHistoryReadAndWrittenBackHasTheSameKeysAndValues() {
        String json = fixture("langchain-python-lossless.json");

        List<ChatMessage> messages = MessageJson.readLangChain(json);

        assertThat(tree(MessageJson.writeLangChain(messages))).isEqualTo(tree(json));
        assertThat(messages).extracting(m -> m.id().orElse(null)).containsExactly("sys-1",
                "b1f2c3d4-0000-4a5b-8c9d-0e1f2a3b4c5d", "run-4a7e0c6b-8d7c-4b7e-9f1e-2b1c3d4e5f60-0", "tool-1", "run-2", null);
        assertThat(messages.get(1).name()).contains("alice");
        AiMessage call = (AiMessage) messages.get(2);
        assertThat(call.finishReason()).contains("tool_calls");
        assertThat(call.responseMetadata()).containsEntry("model_name", "gpt-4o-mini-2024-07-18")
                .doesNotContainKey("finish_reason");
        assertThat(call.additionalKwargs()).containsKey("refusal");
        ToolMessage tool = (ToolMessage) messages.get(3);
        assertThat(tool.status()).isEqualTo("error");
        assertThat(tool.artifact()).contains(Map.of("rows", java.util.Arrays.asList(1, 2.5, "x", null, true)));
        AiMessage blocks = (AiMessage) messages.get(4);
        assertThat(blocks.text()).isEqualTo("Let me check.");
        assertThat(blocks.contentBlocks().orElseThrow()).hasSize(2);
        assertThat(blocks.name()).contains("claude");
        assertThat(blocks.toolCalls().get(0).id()).isEmpty();
        assertThat(((AiMessage) messages.get(5)).reasoning()).contains("3*12");
    }

    @Test
    void idsTravelThroughTheOpenAiForm() {
        List<ChatMessage> messages = List.of(new SystemMessage("s").withId("m1"), UserMessage.of("u").withId("m2"),
                AiMessage.of("a").withId("m3"), new ToolMessage("c", "t", null).withId("m4"));

        String json = MessageJson.writeOpenAi(messages);

        assertThat(tree(json).get(2).get("id").asText()).isEqualTo("m3");
        assertThat(MessageJson.readOpenAi(json)).extracting(m -> m.id().orElse(null)).containsExactly("m1", "m2", "m3", "m4");
        assertThat(MessageJson.toOpenAi(ChatMessage.user("no id")).has("id")).isFalse();
    }

    @Test
    void deeplyNestedArraysAreATypedErrorInEitherForm() {
        String deep = "[".repeat(2_000) + "]".repeat(2_000);
        assertThatThrownBy(() -> MessageJson.readOpenAi(deep)).isInstanceOf(MessageJsonException.class)
                .hasMessageContaining("not valid JSON");
        String nestedInMessage = "[{\"role\": \"user\", \"content\": \"hi\", \"x\": " + deep + "}]";
        assertThatThrownBy(() -> MessageJson.readOpenAi(nestedInMessage)).isInstanceOf(MessageJsonException.class);
        assertThatThrownBy(() -> MessageJson.parse(deep)).isInstanceOf(MessageJsonException.class);
        String langChain = "[{\"type\": \"tool\", \"data\": {\"content\": \"x\", \"tool_call_id\": \"c\", \"artifact\": "
                + deep + "}}]";
        assertThatThrownBy(() -> MessageJson.readLangChain(langChain)).isInstanceOf(MessageJsonException.class);
    }

    @Test
    void aTwoThousandDigitNumberIsATypedError() {
        String number = "1".repeat(2_000);
        assertThatThrownBy(() -> MessageJson.readOpenAi("[{\"role\": \"user\", \"content\": \"hi\", \"n\": " + number + "}]"))
                .isInstanceOf(MessageJsonException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> MessageJson.readOpenAi("[" + number + "]")).isInstanceOf(MessageJsonException.class);
    }
}
