package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatbotExampleTest {

    @TempDir
    Path dir;

    @Test
    void aRestartContinuesTheConversationFromTheDatabase() throws Exception {
        String db = dir.resolve("chat.db").toString();
        String first = run(db, "Hi, I'm Ada\nI like chess\nexit\n");
        assertThat(first).contains("New conversation")
                .contains("AI: Nice to meet you! You said: \"Hi, I'm Ada\".")
                .contains("AI: I remember 2 earlier messages; the first thing you told me was \"Hi, I'm Ada\".")
                .contains("Bye. 4 messages saved.");

        String second = run(db, "Do you remember me?\n"); // ends at end of input, no "exit"
        assertThat(second).contains("Resuming a conversation of 4 messages")
                .contains("AI: I remember 4 earlier messages; the first thing you told me was \"Hi, I'm Ada\".")
                .contains("Bye. 6 messages saved.");
    }

    private static String run(String db, String input) throws Exception {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            ChatbotExample.main(new String[] {db});
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
