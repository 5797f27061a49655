package dev.catena.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import dev.catena.core.models.TokenCounter;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class MessageTrimmerTest {

    // One token per message makes budgets easy to read, as in LangChain's own trim_messages tests.
    private static final ToIntFunction<ChatMessage> ONE_EACH = m -> 1;

    private static final ChatMessage SYSTEM = ChatMessage.system("be nice");
    private static final AiMessage CALL = AiMessage.ofToolCalls(List.of(new ToolCall("c1", "f", "{}"), new ToolCall("c2", "g", "{}")));
    private static final List<ChatMessage> MESSAGES = List.of(SYSTEM, ChatMessage.user("u1"), ChatMessage.ai("a1"),
            ChatMessage.user("u2"), CALL, new ToolMessage("c1", "r1", null), new ToolMessage("c2", "r2", null), ChatMessage.ai("a2"));

    private static MessageTrimmer.Builder trimmer(int max) {
        return MessageTrimmer.builder(ONE_EACH).maxTokens(max);
    }

    @Test
    void keepsTheLastMessagesWithoutSplittingAToolCallFromItsResults() {
        assertThat(trimmer(1).build().trim(MESSAGES)).containsExactly(ChatMessage.ai("a2"));
        // 3 would cut the call off from one result: the whole group is left out instead.
        assertThat(trimmer(3).build().trim(MESSAGES)).containsExactly(ChatMessage.ai("a2"));
        assertThat(trimmer(4).build().trim(MESSAGES)).containsExactly(CALL, MESSAGES.get(5), MESSAGES.get(6), ChatMessage.ai("a2"));
        assertThat(trimmer(100).build().trim(MESSAGES)).isEqualTo(MESSAGES);
    }

    @Test
    void includeSystemAndStartOnAsInLangChain() {
        assertThat(trimmer(3).includeSystem(true).build().trim(MESSAGES)).containsExactly(SYSTEM, ChatMessage.ai("a2"));
        assertThat(trimmer(6).includeSystem(true).startOn(ChatMessage.Role.USER).build().trim(MESSAGES))
                .containsExactly(SYSTEM, ChatMessage.user("u2"), CALL, MESSAGES.get(5), MESSAGES.get(6), ChatMessage.ai("a2"));
        assertThat(trimmer(5).includeSystem(true).startOn(ChatMessage.Role.USER).build().trim(MESSAGES))
                .as("the kept tail had no user message to start on").containsExactly(SYSTEM);
    }

    @Test
    void firstStrategyKeepsTheBeginning() {
        assertThat(trimmer(4).strategy(MessageTrimmer.Strategy.FIRST).build().trim(MESSAGES))
                .containsExactly(SYSTEM, ChatMessage.user("u1"), ChatMessage.ai("a1"), ChatMessage.user("u2"));
        assertThat(trimmer(6).strategy(MessageTrimmer.Strategy.FIRST).endOn(ChatMessage.Role.USER).build().trim(MESSAGES))
                .containsExactly(SYSTEM, ChatMessage.user("u1"), ChatMessage.ai("a1"), ChatMessage.user("u2"));
    }

    @Test
    void countsRealTokensWithATokenCounter() {
        TokenCounter counter = TokenCounter.of("cl100k_base");
        List<ChatMessage> chat = List.of(ChatMessage.user("你好，今天天气怎么样？"), ChatMessage.ai("It is sunny and warm today."),
                ChatMessage.user("谢谢"));
        int lastTwo = counter.count(chat.get(1)) + counter.count(chat.get(2));
        assertThat(MessageTrimmer.trimMessages(chat, lastTwo, counter)).isEqualTo(chat.subList(1, 3));
        assertThat(MessageTrimmer.trimMessages(chat, lastTwo - 1, counter)).isEqualTo(chat.subList(2, 3));
    }
}
