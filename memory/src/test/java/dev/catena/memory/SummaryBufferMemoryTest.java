package dev.catena.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.SystemMessage;
import dev.catena.core.models.TokenCounter;
import dev.catena.models.FakeChatModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryBufferMemoryTest {

    private static final TokenCounter COUNTER = TokenCounter.of("o200k_base");

    @Test
    void keepsRecentMessagesWithinBudgetAndSummarisesWhatFallsOut() {
        InMemoryChatMessageHistory history = new InMemoryChatMessageHistory();
        FakeChatModel model = FakeChatModel.of("S1", "S2");
        List<ChatMessage> turn1 = List.of(ChatMessage.user("I'm Bob."), ChatMessage.ai("Hi Bob."));
        List<ChatMessage> turn2 = List.of(ChatMessage.user("我喜欢喝茶。"), ChatMessage.ai("茶很好。"));
        List<ChatMessage> turn3 = List.of(ChatMessage.user("What's my name, and what do I like to drink? Answer carefully."),
                ChatMessage.ai("Your name is Bob and you like to drink tea."));
        int budget = turn3.stream().mapToInt(COUNTER::count).sum() + COUNTER.count(turn2.get(1));
        SummaryBufferMemory memory = SummaryBufferMemory.builder(history, model).maxTokens(budget).tokenCounter(COUNTER).build();

        memory.add("s", turn1);
        assertThat(memory.messages("s")).isEqualTo(turn1); // fits: no summary, no call
        assertThat(model.requests()).isEmpty();

        memory.add("s", turn2);
        memory.add("s", turn3);
        List<ChatMessage> result = memory.messages("s");
        assertThat(result).containsExactly(ChatMessage.system("S1"), turn2.get(1), turn3.get(0), turn3.get(1));
        assertThat(result.subList(1, result.size()).stream().mapToInt(COUNTER::count).sum()).isLessThanOrEqualTo(budget);
        String prompt = model.requests().get(0).messages().get(0).text();
        assertThat(prompt).contains("New lines:\nHuman: I'm Bob.\nAI: Hi Bob.\nHuman: 我喜欢喝茶。\n")
                .doesNotContain("茶很好");

        assertThat(memory.messages("s")).isEqualTo(result);
        assertThat(model.requests()).as("nothing fell out since").hasSize(1);

        memory.add("s", List.of(ChatMessage.user("And where do I live?"), ChatMessage.ai("Lyon.")));
        List<ChatMessage> later = memory.messages("s");
        assertThat(later.get(0)).isEqualTo(new SystemMessage("S2"));
        assertThat(model.requests().get(1).messages().get(0).text()).contains("Summary so far:\nS1")
                .doesNotContain("I'm Bob.");
    }
}
