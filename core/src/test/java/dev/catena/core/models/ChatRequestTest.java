package dev.catena.core.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatRequestTest {

    private static final ChatRequest REQUEST = ChatRequest.of(ChatMessage.user("hi"));

    @Test
    void unsetOptionsAreEmptyNotNull() {
        assertThat(REQUEST.toolChoice()).isEmpty();
        assertThat(REQUEST.responseFormat()).isEmpty();
        assertThat(REQUEST.tools()).isEmpty();
    }

    @Test
    void settersRefuseNullAndNameTheWayToClear() {
        assertThatThrownBy(() -> REQUEST.withToolChoice(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("toolChoice").hasMessageContaining("withoutToolChoice()");
        assertThatThrownBy(() -> REQUEST.withResponseFormat(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("responseFormat").hasMessageContaining("withoutResponseFormat()");
        assertThatThrownBy(() -> REQUEST.withTools(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("tools");
    }

    @Test
    void setAndClearedOptionsRoundTrip() {
        ChatRequest set = REQUEST.withToolChoice(ToolChoice.REQUIRED)
                .withResponseFormat(ResponseFormat.jsonSchema("x", Map.of("type", "object")));

        assertThat(set.toolChoice()).contains(ToolChoice.REQUIRED);
        assertThat(set.responseFormat()).hasValueSatisfying(f -> assertThat(f.name()).isEqualTo("x"));
        assertThat(set.withoutToolChoice().withoutResponseFormat()).isEqualTo(REQUEST);
    }

    @Test
    void aModelRefusesANullBindingWhenBoundNotAtItsFirstCall() {
        ChatModel model = new OkModel();

        assertThatThrownBy(() -> model.withToolChoice(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("toolChoice");
        assertThatThrownBy(() -> model.withResponseFormat(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("responseFormat");
        assertThatThrownBy(() -> model.withTools(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("tools");
    }

    private static final class OkModel implements ChatModel {
        @Override
        public AiMessage generate(ChatRequest request, RunConfig config) {
            return AiMessage.of("ok");
        }
    }
}
