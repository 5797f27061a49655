package dev.catena.core.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.json.MessageJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbsentValuesTest {

    @Test
    void aPlainAnswerReportsItsOptionalValuesAsEmptyNotNull() {
        AiMessage answer = AiMessage.of("x");

        assertThat(answer.usage()).isEmpty();
        assertThat(answer.finishReason()).isEmpty();
        assertThat(answer.reasoning()).isEmpty();
        assertThat(answer.contentBlocks()).isEmpty();
    }

    @Test
    void presentValuesAreReadThroughTheOptional() {
        AiMessage answer = new AiMessage("x", List.of(), "because", "stop", TokenUsage.of(3, 1));

        assertThat(answer.usage()).contains(TokenUsage.of(3, 1));
        assertThat(answer.finishReason()).contains("stop");
        assertThat(answer.reasoning()).contains("because");
    }

    @Test
    void settersRefuseNullAndNameTheMethodThatClears() {
        AiMessage answer = AiMessage.of("x").withUsage(TokenUsage.of(1, 1)).withFinishReason("stop");

        assertThatThrownBy(() -> answer.withUsage(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("usage").hasMessageContaining("withoutUsage()");
        assertThatThrownBy(() -> answer.withFinishReason(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("finishReason").hasMessageContaining("withoutFinishReason()");
        assertThat(answer.withoutUsage().usage()).isEmpty();
        assertThat(answer.withoutFinishReason().finishReason()).isEmpty();
        assertThat(answer.withoutUsage().withoutFinishReason()).isEqualTo(AiMessage.of("x"));
    }

    @Test
    void aLangChainAnswerWithoutUsageDoesNotGainOneOnTheWayThrough() {
        String json = """
                [{"type": "ai", "data": {"content": "hi", "additional_kwargs": {}, "response_metadata": {},
                  "type": "ai", "name": null, "id": null, "example": false, "tool_calls": [],
                  "invalid_tool_calls": [], "usage_metadata": null}}]""";

        AiMessage read = (AiMessage) MessageJson.readLangChain(json).get(0);

        assertThat(read.usage()).isEmpty();
        assertThat(MessageJson.writeLangChain(List.of(read))).contains("\"usage_metadata\":null")
                .doesNotContain("input_tokens");
    }

    @Test
    void everyMessageKindReportsAnAbsentIdAndNameAsEmpty() {
        List<ChatMessage> messages = List.of(ChatMessage.system("s"), ChatMessage.user("u"), ChatMessage.ai("a"),
                ChatMessage.tool("call_1", "t"), ChatMessage.chat("critic", "c"));

        assertThat(messages).allSatisfy(m -> {
            assertThat(m.id()).isEmpty();
            assertThat(m.name()).isEmpty();
        });
        assertThat(new FunctionMessage("lookup", "42").name()).contains("lookup");
        assertThat(new FunctionMessage("lookup", "42").functionName()).isEqualTo("lookup");
        assertThat(ChatMessage.tool("call_1", "t").artifact()).isEmpty();
        assertThat(new UserMessage(List.of(ContentPart.text("u")), "bob").name()).contains("bob");
    }

    @Test
    void withIdRefusesNullOnEveryKindAndWithoutIdClears() {
        List<ChatMessage> messages = List.of(ChatMessage.system("s"), ChatMessage.user("u"), ChatMessage.ai("a"),
                ChatMessage.tool("call_1", "t"), ChatMessage.chat("critic", "c"), new FunctionMessage("f", "r"));

        assertThat(messages).allSatisfy(m -> {
            assertThatThrownBy(() -> m.withId(null)).isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("id").hasMessageContaining("withoutId()");
            ChatMessage identified = m.withId("m-1");
            assertThat(identified.id()).contains("m-1");
            assertThat(identified.withoutId()).isEqualTo(m);
        });
    }

    @Test
    void messagesPrintAsTheRecordsTheyWereWithAbsentFieldsLeftOut() {
        assertThat(AiMessage.of("hi").withId("m-1")).hasToString("AiMessage[text=hi, toolCalls=[], id=m-1]");
        assertThat(ChatMessage.tool("call_1", "t"))
                .hasToString("ToolMessage[toolCallId=call_1, text=t, status=success]");
    }
}
