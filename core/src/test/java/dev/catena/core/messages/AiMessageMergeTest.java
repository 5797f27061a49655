package dev.catena.core.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AiMessageMergeTest {

    @Test
    void mergingChunksSumsTheirUsageAsLangChainDoes() {
        AiMessage start = AiMessage.of("Hel").withUsage(TokenUsage.of(12, 1)).withId("msg_1");
        AiMessage middle = AiMessage.of("lo");
        AiMessage end = AiMessage.of("!").withUsage(TokenUsage.of(0, 5)).withFinishReason("stop");

        AiMessage whole = start.merge(middle).merge(end);

        assertThat(whole.text()).isEqualTo("Hello!");
        assertThat(whole.usage()).contains(new TokenUsage(12, 6, 18));
        assertThat(whole.id()).contains("msg_1");
        assertThat(whole.finishReason()).contains("stop");
    }

    @Test
    void mergingKeepsTheFirstIdAndJoinsMetadata() {
        AiMessage a = new AiMessage("a", List.of(), null, null, null, null, null, Map.of("k", 1), Map.of("model", "m"), null);
        AiMessage b = new AiMessage("b", List.of(), null, null, null, "id-2", null, Map.of(), Map.of("system_fingerprint", "fp"), null);

        AiMessage merged = a.merge(b);

        assertThat(merged.id()).contains("id-2");
        assertThat(merged.additionalKwargs()).containsEntry("k", 1);
        assertThat(merged.responseMetadata()).containsEntry("model", "m").containsEntry("system_fingerprint", "fp");
    }

    @Test
    void usageDetailsAreSummedToo() {
        TokenUsage a = new TokenUsage(5, 1, 6, Map.of("input_token_details", Map.of("cache_read", 2), "tier", "x"));
        TokenUsage b = new TokenUsage(0, 3, 3, Map.of("input_token_details", Map.of("cache_read", 1, "audio", 4)));

        TokenUsage sum = AiMessage.of("a").withUsage(a).merge(AiMessage.of("b").withUsage(b)).usage().orElseThrow();

        assertThat(sum.totalTokens()).isEqualTo(9);
        assertThat(sum.details()).containsEntry("input_token_details", Map.of("cache_read", 3, "audio", 4))
                .containsEntry("tier", "x");
    }

    @Test
    void toolCallsWithoutAnIdStayApart() {
        AiMessage a = AiMessage.ofToolCalls(List.of(new ToolCall(null, "f", "{}")));
        AiMessage b = AiMessage.ofToolCalls(List.of(new ToolCall(null, "g", "{}")));

        assertThat(a.merge(b).toolCalls()).extracting(ToolCall::name).containsExactly("f", "g");
    }
}
