package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatbotExampleTest {

    @TempDir
    Path dir;

    @Test
    void aRestartContinuesTheConversationFromTheDatabase() throws Exception {
        String db = dir.resolve("chat.db").toString();
        String first = ExampleRun.output(() -> ChatbotExample.main(new String[] {db}), "Hi, I'm Ada\nI like chess\nexit\n");
        assertThat(first).contains("New conversation")
                .contains("AI: Nice to meet you! You said: \"Hi, I'm Ada\".")
                .contains("AI: I remember 2 earlier messages; the first thing you told me was \"Hi, I'm Ada\".")
                .contains("Bye. 4 messages saved.");

        String second = ExampleRun.output(() -> ChatbotExample.main(new String[] {db}), "Do you remember me?\n"); // ends at end of input, no "exit"
        assertThat(second).contains("Resuming a conversation of 4 messages")
                .contains("AI: I remember 4 earlier messages; the first thing you told me was \"Hi, I'm Ada\".")
                .contains("Bye. 6 messages saved.");
    }

}
