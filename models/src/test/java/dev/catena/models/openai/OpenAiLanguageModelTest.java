package dev.catena.models.openai;

import static dev.catena.models.testing.Wire.body;
import static dev.catena.models.testing.Wire.jsonResponse;
import static dev.catena.models.testing.Wire.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.components.RunConfig;
import dev.catena.core.models.PromptValue;
import dev.catena.models.ModelConnectionException;
import dev.catena.models.testing.MockServerTest;
import dev.catena.models.testing.PausedBody;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OpenAiLanguageModelTest extends MockServerTest {


    private OpenAiLanguageModel model() {
        return OpenAiLanguageModel.builder().baseUrl(baseUrl("/")).apiKey("sk-test").maxTokens(64).maxRetries(0).build();
    }

    @Test
    void completesText() throws Exception {
        server.enqueue(jsonResponse(200, "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"model\":\"gpt-3.5-turbo-instruct\","
                + "\"choices\":[{\"text\":\"\\n\\nRegularization penalises complexity.\",\"index\":0,\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":5,\"total_tokens\":14}}"));
        assertThat(model().generate("Explain regularization")).isEqualTo("\n\nRegularization penalises complexity.");
        var request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/completions");
        assertThat(body(request).get("prompt").asText()).isEqualTo("Explain regularization");
        assertThat(body(request).get("max_tokens").asInt()).isEqualTo(64);
    }

    @Test
    void streamsTextAndRejectsACutStream() {
        server.enqueue(sse("data: {\"choices\":[{\"text\":\"Hello\",\"index\":0,\"finish_reason\":null}]}\n\n"
                + "data: {\"choices\":[{\"text\":\" world\",\"index\":0,\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"));
        List<String> chunks;
        try (Stream<String> s = model().completeStream("say hello", RunConfig.defaults())) {
            chunks = s.collect(Collectors.toList());
        }
        assertThat(chunks).containsExactly("Hello", " world");

        server.enqueue(sse("data: {\"choices\":[{\"text\":\"Hel\",\"index\":0,\"finish_reason\":null}]}\n\n"));
        assertThatThrownBy(() -> {
            try (Stream<String> s = model().completeStream("say hello", RunConfig.defaults())) {
                s.forEach(x -> { });
            }
        }).isInstanceOf(ModelConnectionException.class);
    }

    @Test
    void aCompletionStreamSayingDoneWithoutAFinishReasonIsAnError() {
        server.enqueue(sse("data: {\"choices\":[{\"text\":\"Hel\",\"index\":0,\"finish_reason\":null}]}\n\ndata: [DONE]\n\n"));
        assertThatThrownBy(() -> {
            try (Stream<String> s = model().completeStream("say hello", RunConfig.defaults())) {
                s.forEach(x -> { });
            }
        }).isInstanceOf(ModelConnectionException.class).hasMessageContaining("may be incomplete");
    }

    @Test
    void deliversEachChunkAsItArrivesAndClosingHangsUp() throws Exception {
        String text = "data: {\"choices\":[{\"text\":\"%s\",\"index\":0,\"finish_reason\":null}]}\n\n";
        PausedBody body = new PausedBody(text.formatted("Hello"), text.formatted(" world"), Duration.ofSeconds(5));
        server.enqueue(body.response());

        assertThat(body.firstChunkThenClose(model().stream(PromptValue.of("say hello")))).isEqualTo("Hello");
    }
}
