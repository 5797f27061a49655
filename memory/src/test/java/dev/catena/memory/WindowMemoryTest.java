package dev.catena.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowMemoryTest {

    private final InMemoryChatMessageHistory history = new InMemoryChatMessageHistory();

    @Test
    void keepsTheLastKExchanges() {
        history.add("s", List.of(ChatMessage.user("u1"), ChatMessage.ai("a1"), ChatMessage.user("u2"), ChatMessage.ai("a2"),
                ChatMessage.user("u3"), ChatMessage.ai("a3")));
        assertThat(WindowMemory.of(history, 2).messages("s")).extracting(ChatMessage::text).containsExactly("u2", "a2", "u3", "a3");
        assertThat(WindowMemory.of(history, 0).messages("s")).isEmpty();
        assertThat(WindowMemory.of(history, 5).messages("s")).hasSize(6);
        assertThat(new BufferMemory(history).messages("s")).hasSize(6);
    }

    @Test
    void toolCallsStayWithTheirExchange() {
        history.add("s", List.of(ChatMessage.user("u1"), ChatMessage.ai("a1"), ChatMessage.user("weather?"),
                AiMessage.ofToolCalls(List.of(new ToolCall("c1", "weather", "{}"))), new ToolMessage("c1", "sunny", null),
                ChatMessage.ai("It is sunny.")));
        assertThat(WindowMemory.of(history, 1).messages("s")).extracting(ChatMessage::role).containsExactly(
                ChatMessage.Role.USER, ChatMessage.Role.AI, ChatMessage.Role.TOOL, ChatMessage.Role.AI);
    }

    @Test
    void pinnedSystemMessagesStayFirst() {
        history.add("s", List.of(ChatMessage.system("be brief"), ChatMessage.user("u1"), ChatMessage.ai("a1"),
                ChatMessage.user("u2"), ChatMessage.ai("a2")));
        assertThat(new WindowMemory(history, 1, true).messages("s")).extracting(ChatMessage::text)
                .containsExactly("be brief", "u2", "a2");
        assertThat(new WindowMemory(history, 1, false).messages("s")).extracting(ChatMessage::text).containsExactly("u2", "a2");
    }
}
