package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryStrategiesExampleTest {

    @Test
    void showsWhatEachStrategyPutsIntoThePrompt() throws Exception {
        String text = ExampleRun.output(() -> MemoryStrategiesExample.main(new String[0]));
        assertThat(text).contains("== buffer (everything): 7 messages")
                .containsPattern("== window, last 1 exchange: 2 messages, \\d+ tokens\nHuman: How many days should I spend in Kyoto\\?\n")
                .contains("== token buffer, 60 tokens, system pinned: 4 messages")
                .contains("System: Mei plans an April trip to Tokyo, Kyoto and Osaka; three days in Kyoto.")
                .contains("the summary prompt the model got starts: \"You keep a running summary")
                .contains("== summary buffer, 40 tokens verbatim: 3 messages")
                .contains("== trimMessages, 45 tokens, keep system, start on a user message: 3 messages");
        // Every token-budgeted strategy stays within its budget.
        assertThat(tokensAfter(text, "== token buffer, 60 tokens")).isLessThanOrEqualTo(60);
        assertThat(tokensAfter(text, "== trimMessages, 45 tokens")).isLessThanOrEqualTo(45);
    }

    private static int tokensAfter(String text, String heading) {
        String line = text.lines().filter(l -> l.startsWith(heading)).findFirst().orElseThrow();
        String[] words = line.split(" ");
        return Integer.parseInt(words[words.length - 2]);
    }
}
