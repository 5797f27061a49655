package dev.catena.core.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AiMessageMergeTest {

    @Test
    void mergingChunksSumsTheirTokenUsage() {
        AiMessage start = new AiMessage("", List.of(), null, null, TokenUsage.of(135, 1));
        AiMessage text = AiMessage.of("Hello");
        AiMessage end = new AiMessage("", List.of(), null, "stop", TokenUsage.of(0, 9));

        AiMessage whole = start.merge(text).merge(end);

        assertThat(whole.usage()).isEqualTo(TokenUsage.of(135, 10));
        assertThat(whole.finishReason()).isEqualTo("stop");
        assertThat(text.merge(text).usage()).as("no usage on either side stays none").isNull();
    }
}
