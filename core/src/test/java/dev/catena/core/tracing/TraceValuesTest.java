package dev.catena.core.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.models.ToolChoice;
import org.junit.jupiter.api.Test;

class TraceValuesTest {

    @Test
    void aChatRequestIsTracedFieldByFieldWithAnUnsetOptionAsNull() {
        JsonNode node = TraceValues.render(ChatRequest.of(ChatMessage.user("hi")).withToolChoice(ToolChoice.REQUIRED));

        assertThat(node.get("messages").get(0).get("content").asText()).isEqualTo("hi");
        assertThat(node.get("tools").isArray()).isTrue();
        assertThat(node.get("toolChoice").get("mode").asText()).isEqualTo("required");
        assertThat(node.get("responseFormat").isNull()).isTrue();
    }
}
