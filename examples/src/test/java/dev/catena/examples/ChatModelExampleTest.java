package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChatModelExampleTest {

    @Test
    void streamsTheOfflineReplyChunkByChunkAndCountsItsTokens() {
        assumeTrue(System.getenv("OPENAI_API_KEY") == null && System.getenv("OPENAI_BASE_URL") == null
                && System.getenv("ANTHROPIC_API_KEY") == null, "a real model is configured; this test checks the offline run");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ChatModelExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\\R");
        assertThat(lines[0]).startsWith("Model: the offline FakeChatModel");
        assertThat(lines[1]).startsWith("Catena is a Java library that brings LangChain's ideas to the JVM");
        int chunks = Integer.parseInt(lines[2].substring("Chunks: ".length()));
        assertThat(chunks).isEqualTo(lines[1].split(" ").length); // one chunk per word
        assertThat(lines[3]).matches("Tokens: TokenUsage\\[inputTokens=[1-9]\\d*, outputTokens=[1-9]\\d*, totalTokens=[1-9]\\d*]");
        assertThat(lines[4]).isEqualTo("Calls by model: {FakeChatModel=1}");
    }
}
