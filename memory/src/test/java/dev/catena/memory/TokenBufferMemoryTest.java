package dev.catena.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import dev.catena.core.models.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class TokenBufferMemoryTest {

    private static final TokenCounter COUNTER = TokenCounter.of("o200k_base");

    static List<ChatMessage> mixedConversation(int turns) {
        String[] english = {"What is the capital of France?", "Tell me a long story about a dragon who learned to code in Java.",
                "ok", "Explain tokenization, briefly."};
        String[] chinese = {"法国的首都是巴黎。", "从前有一条龙，它学会了用 Java 编程，并且写了一个聊天机器人。", "好的", "分词就是把文本切成小块。"};
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < turns; i++) {
            messages.add(ChatMessage.user(english[i % english.length] + (i % 3 == 0 ? " 请用中文回答。" : "")));
            messages.add(ChatMessage.ai(chinese[(i * 7) % chinese.length] + " (" + i + ")"));
        }
        return messages;
    }

    @Test
    void windowIsExactlyTheNewestMessagesThatFitOnMixedEnglishAndChinese() {
        List<ChatMessage> conversation = mixedConversation(30);
        for (int budget : new int[] {0, 5, 9, 10, 11, 37, 100, 123, 250, 499, 10_000}) {
            InMemoryChatMessageHistory history = new InMemoryChatMessageHistory();
            history.add("s", conversation);
            TokenBufferMemory memory = TokenBufferMemory.builder(history).maxTokens(budget).tokenCounter(COUNTER).build();
            List<ChatMessage> window = memory.messages("s");

            // The expected window, worked out message by message with the counter directly.
            int used = 0;
            int start = conversation.size();
            while (start > 0 && used + COUNTER.count(conversation.get(start - 1)) <= budget) {
                used += COUNTER.count(conversation.get(start - 1));
                start--;
            }
            assertThat(window).as("budget %d", budget).isEqualTo(conversation.subList(start, conversation.size()));
            int cost = window.stream().mapToInt(COUNTER::count).sum();
            assertThat(cost).isLessThanOrEqualTo(budget);
            if (start > 0) {
                assertThat(cost + COUNTER.count(conversation.get(start - 1))).as("next older message overflows").isGreaterThan(budget);
            }
        }
    }

    @Test
    void perTurnTokenizerWorkDoesNotGrowWithHistoryLength() {
        int[] callsPerTurnShort = tokenizerCallsPerTurn(10);
        int[] callsPerTurnLong = tokenizerCallsPerTurn(10_000);
        // Each turn adds a user and an AI message: exactly those two are counted, however long the history.
        assertThat(callsPerTurnShort).containsOnly(2);
        assertThat(callsPerTurnLong).containsOnly(2);
    }

    private static int[] tokenizerCallsPerTurn(int historyLength) {
        InMemoryChatMessageHistory history = new InMemoryChatMessageHistory();
        List<ChatMessage> start = mixedConversation(historyLength / 2);
        history.add("s", start);
        AtomicInteger calls = new AtomicInteger();
        ToIntFunction<ChatMessage> counting = m -> {
            calls.incrementAndGet();
            return COUNTER.count(m);
        };
        TokenBufferMemory memory = TokenBufferMemory.builder(history).maxTokens(300).messageTokens(counting).build();
        memory.messages("s");
        assertThat(calls.get()).as("first read counts every message once").isEqualTo(historyLength);
        int[] perTurn = new int[20];
        for (int turn = 0; turn < perTurn.length; turn++) {
            calls.set(0);
            memory.add("s", List.of(ChatMessage.user("turn " + turn + " 你好"), ChatMessage.ai("reply " + turn)));
            List<ChatMessage> window = memory.messages("s");
            assertThat(window.get(window.size() - 1).text()).isEqualTo("reply " + turn);
            perTurn[turn] = calls.get();
        }
        return perTurn;
    }

    @Test
    void recountsWhenTheHistoryWasClearedBehindItsBack() {
        InMemoryChatMessageHistory history = new InMemoryChatMessageHistory();
        TokenBufferMemory memory = TokenBufferMemory.builder(history).maxTokens(1000).build();
        history.add("s", mixedConversation(3));
        assertThat(memory.messages("s")).hasSize(6);
        history.clear("s");
        List<ChatMessage> other = List.of(ChatMessage.user("a completely different conversation, much longer than before ".repeat(30)),
                ChatMessage.ai("yes"), ChatMessage.user("x"), ChatMessage.ai("y"), ChatMessage.user("z"), ChatMessage.ai("w"),
                ChatMessage.user("v"));
        history.add("s", other);
        List<ChatMessage> window = memory.messages("s");
        assertThat(window.stream().mapToInt(COUNTER::count).sum()).isLessThanOrEqualTo(1000);
        assertThat(window).isEqualTo(other.subList(other.size() - window.size(), other.size()));
    }

    @Test
    void pinnedSystemMessagesAreKeptFirstAndCountAgainstTheBudget() {
        InMemoryChatMessageHistory history = new InMemoryChatMessageHistory();
        ChatMessage system = ChatMessage.system("You are a pirate. 你是海盗。");
        history.add("s", system);
        history.add("s", mixedConversation(20));
        int budget = 120;
        TokenBufferMemory memory = TokenBufferMemory.builder(history).maxTokens(budget).pinSystemMessages(true).build();
        List<ChatMessage> window = memory.messages("s");
        assertThat(window.get(0)).isEqualTo(system);
        assertThat(window.subList(1, window.size())).doesNotContain(system).isNotEmpty();
        assertThat(window.stream().mapToInt(COUNTER::count).sum()).isLessThanOrEqualTo(budget);

        TokenBufferMemory unpinned = TokenBufferMemory.builder(history).maxTokens(budget).build();
        assertThat(unpinned.messages("s")).doesNotContain(system);
    }

    @Test
    void windowNeverStartsWithAnOrphanedToolResult() {
        InMemoryChatMessageHistory history = new InMemoryChatMessageHistory();
        AiMessage call = AiMessage.ofToolCalls(List.of(new ToolCall("c1", "lookup", "{\"q\":\"" + "long query ".repeat(40) + "\"}")));
        ToolMessage result = new ToolMessage("c1", "result", "lookup");
        history.add("s", List.of(ChatMessage.user("look it up"), call, result, ChatMessage.ai("done")));
        int budget = COUNTER.count(result) + COUNTER.count(ChatMessage.ai("done")); // fits the result but not its call
        List<ChatMessage> window = TokenBufferMemory.builder(history).maxTokens(budget).build().messages("s");
        assertThat(window).containsExactly(ChatMessage.ai("done"));
    }

    @Test
    void bufferStringUsesLangChainsPrefixes() {
        InMemoryChatMessageHistory history = new InMemoryChatMessageHistory();
        history.add("s", List.of(ChatMessage.user("hi"), ChatMessage.ai("hello")));
        TokenBufferMemory memory = TokenBufferMemory.builder(history).build();
        assertThat(memory.bufferString("s")).isEqualTo("Human: hi\nAI: hello");
        assertThat(memory.bufferString("s", "User", "Bot")).isEqualTo("User: hi\nBot: hello");
    }
}
