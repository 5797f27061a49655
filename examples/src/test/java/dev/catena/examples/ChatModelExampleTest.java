package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class ChatModelExampleTest {

    @Test
    void streamsTheOfflineReplyChunkByChunkAndCountsItsTokens() throws Exception {
        assumeTrue(System.getenv("OPENAI_API_KEY") == null && System.getenv("OPENAI_BASE_URL") == null
                && System.getenv("ANTHROPIC_API_KEY") == null, "a real model is configured; this test checks the offline run");
        String[] lines = ExampleRun.output(() -> ChatModelExample.main(new String[0])).split("\\R");
        assertThat(lines[0]).startsWith("Model: the offline FakeChatModel");
        assertThat(lines[1]).startsWith("Catena is a Java library that brings LangChain's ideas to the JVM");
        int chunks = Integer.parseInt(lines[2].substring("Chunks: ".length()));
        assertThat(chunks).isEqualTo(lines[1].split(" ").length); // one chunk per word
        assertThat(lines[3]).matches("Tokens: TokenUsage\\[inputTokens=[1-9]\\d*, outputTokens=[1-9]\\d*, totalTokens=[1-9]\\d*]");
        assertThat(lines[4]).isEqualTo("Calls by model: {FakeChatModel=1}");
    }
}
