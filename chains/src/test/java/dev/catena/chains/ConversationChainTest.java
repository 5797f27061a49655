package dev.catena.chains;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.messages.ChatMessage;
import dev.catena.memory.FileChatMessageHistory;
import dev.catena.memory.WindowMemory;
import dev.catena.models.FakeChatModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationChainTest {

    @Test
    void eachSessionSeesOnlyItsOwnWindowOfHistoryKeptOnDisk(@TempDir Path folder) {
        FakeChatModel model = FakeChatModel.of("Hi Alice!", "Hi Bob!", "You are Alice.", "ok");
        WindowMemory memory = WindowMemory.of(new FileChatMessageHistory(folder), 1);
        ConversationChain chat = ConversationChain.of(model, memory);

        assertThat(chat.chat("alice", "I'm Alice")).isEqualTo("Hi Alice!");
        assertThat(chat.chat("bob", "I'm Bob")).isEqualTo("Hi Bob!");
        assertThat(chat.chat("alice", "Who am I?")).isEqualTo("You are Alice.");
        chat.chat("alice", "Thanks");

        assertThat(model.requests().get(2).messages()).containsExactly(
                model.requests().get(0).messages().get(0), ChatMessage.user("I'm Alice"), ChatMessage.ai("Hi Alice!"),
                ChatMessage.user("Who am I?"));
        // A window of one exchange: the first turn is no longer sent, but the file keeps it.
        assertThat(model.requests().get(3).messages()).doesNotContain(ChatMessage.user("I'm Alice"));
        assertThat(new FileChatMessageHistory(folder).messages("alice")).hasSize(6);
        assertThat(chat.prompts()).containsEntry("prompt", ConversationChain.DEFAULT_PROMPT);
    }
}
