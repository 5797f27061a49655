package dev.catena.chains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.ChatMessage;
import dev.catena.memory.BufferMemory;
import dev.catena.memory.InMemoryChatMessageHistory;
import dev.catena.models.FakeChatModel;
import dev.catena.models.FakeLanguageModel;
import dev.catena.prompts.ChatPromptTemplate;
import dev.catena.prompts.MessageTemplate;
import dev.catena.prompts.MessagesPlaceholder;
import dev.catena.prompts.PromptTemplate;
import dev.catena.prompts.parsers.BooleanOutputParser;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LlmChainTest {

    private static final PromptTemplate EXPLAIN = PromptTemplate.fromTemplate("请给我解释一下{concept}的意思");

    @Test
    void runFormatsTheOneVariableAndReturnsTheModelsText() {
        FakeLanguageModel llm = FakeLanguageModel.of("天道酬勤是指勤奋终有回报。");
        LlmChain chain = LlmChain.of(EXPLAIN, llm);

        assertThat(chain.run("天道酬勤")).isEqualTo("天道酬勤是指勤奋终有回报。");
        assertThat(llm.prompts()).containsExactly("请给我解释一下天道酬勤的意思");
        assertThat(chain.inputKeys()).containsExactly("concept");
        assertThat(chain.outputKeys()).containsExactly("text");
        assertThat(chain.prompts()).containsEntry("prompt", EXPLAIN);
    }

    @Test
    void runRefusesAPromptWithSeveralVariables() {
        LlmChain chain = LlmChain.of(PromptTemplate.fromTemplate("{a} and {b}"), FakeChatModel.of("x"));
        assertThatThrownBy(() -> chain.run("1")).isInstanceOf(ChainInputException.class)
                .hasMessageContaining("[a, b]").hasMessageContaining("invoke(Map)");
    }

    @Test
    void invokeTracesPromptModelAndParserAsChildrenOfTheChain() {
        FakeChatModel model = FakeChatModel.of("yes");
        LlmChain chain = LlmChain.builder(PromptTemplate.fromTemplate("Is {thing} a fruit?"), model)
                .parser(new BooleanOutputParser()).outputKey("is_fruit").build();
        RecordingTracer tracer = new RecordingTracer();

        Map<String, Object> out = chain.invoke(Map.of("thing", "apple"), RunConfig.builder().callbacks(tracer).build());

        assertThat(out).containsEntry("is_fruit", true);
        assertThat(tracer.endedNames()).containsExactly("PromptTemplate", "FakeChatModel", "BooleanOutputParser", "LlmChain");
        assertThat(tracer.parentName(tracer.one("FakeChatModel").run())).isEqualTo("LlmChain");
    }

    @Test
    void batchRunsEveryInputInOrder() {
        FakeChatModel model = FakeChatModel.of("A", "B", "C");
        LlmChain chain = LlmChain.of(PromptTemplate.fromTemplate("{x}"), model);
        List<Map<String, Object>> out = chain.batch(List.of(Map.of("x", "1"), Map.of("x", "2"), Map.of("x", "3")),
                RunConfig.builder().maxConcurrency(1).build());
        assertThat(out).extracting(m -> m.get("text")).containsExactly("A", "B", "C");
    }

    @Test
    void streamOutputYieldsTheAnswerChunkByChunk() {
        LlmChain chain = LlmChain.of(EXPLAIN, FakeChatModel.of("勤能补拙"));
        try (Stream<Object> chunks = chain.streamOutput(Map.of("concept", "勤"), RunConfig.defaults())) {
            assertThat(chunks.toList()).containsExactly("勤", "能", "补", "拙");
        }
    }

    @Test
    void memoryFillsTheHistoryAndSavesEachTurnPerSession() {
        FakeChatModel model = FakeChatModel.of("Hello Alice!", "You are Alice.", "I don't know you yet.");
        BufferMemory memory = new BufferMemory(new InMemoryChatMessageHistory());
        ChatPromptTemplate prompt = ChatPromptTemplate.fromMessages(MessagesPlaceholder.of("history"),
                MessageTemplate.user("{input}"));
        LlmChain chain = LlmChain.builder(prompt, model).memory(memory).build();

        assertThat(chain.inputKeys()).containsExactly("input", "session_id");
        chain.invoke(Map.of("input", "I'm Alice", "session_id", "a"));
        chain.invoke(Map.of("input", "Who am I?", "session_id", "a"));
        chain.invoke(Map.of("input", "Who am I?", "session_id", "b"));

        assertThat(model.requests().get(1).messages()).containsExactly(ChatMessage.user("I'm Alice"),
                ChatMessage.ai("Hello Alice!"), ChatMessage.user("Who am I?"));
        assertThat(model.requests().get(2).messages()).containsExactly(ChatMessage.user("Who am I?"));
        assertThat(memory.messages("a")).hasSize(4);
    }

    @Test
    void memoryNeedsAPromptVariableForTheHistory() {
        assertThatThrownBy(() -> LlmChain.builder(EXPLAIN, FakeChatModel.of("x"))
                .memory(new BufferMemory(new InMemoryChatMessageHistory())).build())
                .isInstanceOf(ChainValidationException.class).hasMessageContaining("'history'");
    }
}
