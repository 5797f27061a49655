package dev.catena.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.models.PromptValue;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FakeModelsTest {

    @Test
    void chatRepliesInOrderAndStartsOver() {
        FakeChatModel model = FakeChatModel.of("one", "two");
        assertThat(List.of(model.chat("a"), model.chat("b"), model.chat("c"))).containsExactly("one", "two", "one");
        assertThat(model.requests()).hasSize(3);
        assertThat(model.requests().get(1).messages()).containsExactly(ChatMessage.user("b"));
    }

    @Test
    void chatRepliesWithScriptedToolCallsAndUsage() {
        ToolCall call = new ToolCall("call_1", "search", "{\"q\":\"jvm\"}");
        FakeChatModel model = FakeChatModel.ofMessages(AiMessage.ofToolCalls(List.of(call)), AiMessage.of("done"));
        AiMessage first = model.chat(ChatRequest.of(ChatMessage.user("find jvm")));
        assertThat(first.toolCalls()).containsExactly(call);
        assertThat(first.finishReason()).contains("tool_calls");
        assertThat(first.usage().orElseThrow().inputTokens()).isPositive();
        AiMessage second = model.chat(ChatRequest.of(ChatMessage.user("thanks")));
        assertThat(second.text()).isEqualTo("done");
        assertThat(second.finishReason()).contains("stop");
        assertThat(second.usage().orElseThrow().outputTokens()).isEqualTo(1);
    }

    @Test
    void chatStreamsWordChunksThatMergeIntoTheReply() {
        FakeChatModel model = FakeChatModel.of("Hello brave new world");
        List<AiMessage> chunks;
        try (Stream<AiMessage> s = model.stream(PromptValue.of("hi"))) {
            chunks = s.collect(Collectors.toList());
        }
        assertThat(chunks).extracting(AiMessage::text).containsExactly("Hello ", "brave ", "new ", "world");
        assertThat(chunks.subList(0, 3)).allSatisfy(c -> assertThat(c.finishReason()).isEmpty());
        AiMessage whole = chunks.stream().reduce(AiMessage::merge).orElseThrow();
        assertThat(whole.text()).isEqualTo("Hello brave new world");
        assertThat(whole.finishReason()).contains("stop");
        assertThat(whole.usage()).isPresent();
    }

    @Test
    void chatStreamsChineseCharacterByCharacterAndToolCallsInTheLastChunk() {
        ToolCall call = new ToolCall("call_7", "weather", "{\"city\":\"北京\"}");
        FakeChatModel model = FakeChatModel.ofMessages(new AiMessage("我来查一下。", List.of(call), null, null, null));
        List<AiMessage> chunks = model.generateStream(ChatRequest.of(ChatMessage.user("北京天气")), RunConfig.defaults()).toList();
        assertThat(chunks).extracting(AiMessage::text).containsExactly("我", "来", "查", "一", "下", "。");
        assertThat(chunks.get(chunks.size() - 1).toolCalls()).containsExactly(call);
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.toolCalls()).isEmpty());
    }

    @Test
    void streamTakesNothingFromTheScriptUntilPulled() {
        FakeChatModel model = FakeChatModel.of("first", "second");
        Stream<AiMessage> unused = model.generateStream(ChatRequest.of(ChatMessage.user("x")), RunConfig.defaults());
        unused.close();
        assertThat(model.chat("y")).isEqualTo("first");
    }

    @Test
    void languageModelRepliesInOrderAndStreams() {
        FakeLanguageModel llm = FakeLanguageModel.of("alpha beta", "gamma");
        assertThat(llm.generate("p1")).isEqualTo("alpha beta");
        assertThat(llm.completeStream("p2", RunConfig.defaults()).toList()).containsExactly("gamma");
        assertThat(llm.completeStream("p3", RunConfig.defaults()).toList()).containsExactly("alpha ", "beta");
        assertThat(llm.prompts()).containsExactly("p1", "p2", "p3");
    }

    @Test
    void aScriptNeedsAReply() {
        assertThatThrownBy(FakeChatModel::of).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }
}
