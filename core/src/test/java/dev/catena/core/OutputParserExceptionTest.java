package dev.catena.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputParserExceptionTest {

    @Test
    void keepsTheWholeRawTextAndShowsAShortExcerpt() {
        String raw = "x".repeat(1000);
        OutputParserException e = new OutputParserException("bad", raw, "JSON");
        assertThat(e.rawOutput()).isEqualTo(raw);
        assertThat(e.getMessage()).startsWith("bad; expected JSON, got: \"").endsWith("…\" (1000 chars)")
                .hasSizeLessThan(400);
    }

    @Test
    void theExcerptNeverSplitsASupplementaryCharacter() {
        String raw = "a".repeat(299) + "😀" + "tail".repeat(100);
        String message = new OutputParserException("bad", raw, "JSON").getMessage();
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < message.length() && Character.isLowSurrogate(message.charAt(i + 1)))
                        .as("high surrogate at %d is followed by its low surrogate", i).isTrue();
            }
        }
        assertThat(message).contains("a".repeat(299) + "…");
    }
}
