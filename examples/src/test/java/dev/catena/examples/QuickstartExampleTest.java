package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.TokenCounter;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickstartExampleTest {

@Test
    void printsTheTraceTreeAndTheAnswerOffline() throws Exception {
        List<String> lines = ExampleRun.lines(() -> QuickstartExample.main(new String[0]));

        // The fake model reports usage as cl100k_base counts of the request and the reply.
        TokenCounter counter = TokenCounter.of("cl100k_base");
        int in = counter.count(List.of(ChatMessage.system("You answer in one sentence."), ChatMessage.user("What is Catena?")));
        int out = counter.count("Catena chains prompts, models and parsers on the JVM.");
        String tokens = "tokens: " + in + " in, " + out + " out, " + (in + out) + " total";

        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("chain Sequence [").contains(tokens);
        assertThat(lines.get(1)).startsWith("  prompt ChatPromptTemplate [").contains("What is Catena?");
        assertThat(lines.get(2)).startsWith("  chat_model FakeChatModel [").contains(tokens);
        assertThat(lines.get(3)).startsWith("  parser StringOutputParser [").endsWith("=> \"Catena chains prompts, models and parsers on the JVM.\"");
        assertThat(lines.get(4)).isEmpty();
        assertThat(lines.get(5)).isEqualTo("Answer: Catena chains prompts, models and parsers on the JVM.");
        // The second reply streams through the parser chunk by chunk: one chunk per Chinese character.
        assertThat(lines.get(6)).isEqualTo("Streamed: [LangChain ][是][一][个][用][语][言][模][型][构][建][端][到][端][应][用][的][框][架][。]");
    }
}
