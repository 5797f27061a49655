package dev.catena.models.anthropic;

import static dev.catena.models.testing.Wire.body;
import static dev.catena.models.testing.Wire.jsonResponse;
import static dev.catena.models.testing.Wire.sse;
import static dev.catena.models.testing.Wire.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.components.RetryPolicy;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.models.ModelHttpException;
import dev.catena.core.models.PromptValue;
import dev.catena.core.tools.ToolSpec;
import dev.catena.models.ModelConnectionException;
import dev.catena.models.internal.Json;
import dev.catena.models.testing.MockServerTest;
import dev.catena.models.testing.PausedBody;
import dev.catena.models.testing.Wire;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class AnthropicChatModelTest extends MockServerTest {


    private AnthropicChatModel.Builder model() {
        return AnthropicChatModel.builder().baseUrl(baseUrl("/")).apiKey("sk-ant-test")
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ZERO).sleeper(d -> { }).build());
    }

    @SuppressWarnings("unchecked")
    private static ToolSpec weatherTool() {
        JsonNode schema = Wire.json("anthropic-messages-tooluse-request.json").at("/tools/0/input_schema");
        return new ToolSpec("get_weather", "", Json.MAPPER.convertValue(schema, Map.class));
    }

    @Test
    void sendsToolUseAndToolResultTurnsAndReadsTheAnswer() throws Exception {
        server.enqueue(jsonResponse(200, text("anthropic-messages-tooluse-response.json")));
        server.enqueue(jsonResponse(200, text("anthropic-messages-final-response.json")));
        AnthropicChatModel claude = model().model("claude-haiku-4-5").maxTokens(1024).build();
        ChatRequest first = ChatRequest.of(ChatMessage.user("What's the weather in SF in Celsius?")).withTools(List.of(weatherTool()));

        AiMessage call = claude.chat(first);
        assertThat(call.toolCalls()).containsExactly(new ToolCall("toolu_013DU6hV4C1M8dJ32ybQFAFi", "get_weather",
                "{\"location\":\"SF\",\"units\":\"c\"}"));
        assertThat(call.finishReason()).contains("tool_calls");
        assertThat(call.usage()).contains(TokenUsage.of(597, 71));

        AiMessage answer = claude.chat(first.withMessages(List.of(first.messages().get(0), call,
                ChatMessage.tool("toolu_013DU6hV4C1M8dJ32ybQFAFi", "{\"location\": \"SF\", \"temperature\": \"20\\u00b0C\", \"condition\": \"Sunny\"}"))));
        assertThat(answer.text()).isEqualTo("The weather in SF is currently **20°C** (68°F) and **Sunny**!");
        assertThat(answer.finishReason()).contains("stop");

        RecordedRequest r1 = server.takeRequest();
        assertThat(r1.getUrl().encodedPath()).isEqualTo("/v1/messages");
        assertThat(r1.getHeaders().get("x-api-key")).isEqualTo("sk-ant-test");
        assertThat(r1.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(r1.getHeaders().get("Authorization")).isNull();
        assertThat(body(r1)).isEqualTo(Wire.json("anthropic-messages-tooluse-request.json"));

        JsonNode expected = Wire.json("anthropic-messages-toolresult-request.json").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected.at("/messages/1/content/0")).remove("caller");
        assertThat(body(server.takeRequest())).isEqualTo(expected);
    }

    @Test
    void refusesChatRoleAndFunctionMessagesWhichAnthropicHasNoRoleFor() {
        AnthropicChatModel claude = model().build();

        assertThatThrownBy(() -> claude.chat(List.of(ChatMessage.user("hi"), ChatMessage.chat("critic", "x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no 'critic' role");
        assertThatThrownBy(() -> claude.chat(List.of(new dev.catena.core.messages.FunctionMessage("calc", "4"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no 'function' role");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void sendsSystemAtTheTopLevel() throws Exception {
        server.enqueue(jsonResponse(200, text("anthropic-messages-final-response.json")));
        model().build().chat(List.of(ChatMessage.system("Be brief."), ChatMessage.user("hi")));
        JsonNode sent = body(server.takeRequest());
        assertThat(sent.get("system").asText()).isEqualTo("Be brief.");
        assertThat(sent.get("messages")).hasSize(1);
        assertThat(sent.get("max_tokens").asInt()).isEqualTo(1024);
    }

    @Test
    void streamsTextWithUsage() {
        server.enqueue(sse(text("anthropic-stream-text.txt")));
        AiMessage whole = merge(model().build().generateStream(ChatRequest.of(ChatMessage.user("hi")), RunConfig.defaults()));
        assertThat(whole.text()).isNotEmpty();
        assertThat(whole.finishReason()).contains("stop");
        assertThat(whole.usage()).isPresent();
        assertThat(whole.usage().orElseThrow().inputTokens()).isPositive();
        assertThat(whole.usage().orElseThrow().outputTokens()).isPositive();
    }

    @Test
    void chunkUsagesSumToTheTotalAlthoughStartAndDeltaEventsBothCarryUsage() {
        // message_start says 135 in / 1 out, message_delta the cumulative 135 in / 10 out: the total is 135 / 10
        server.enqueue(sse(text("anthropic-stream-text.txt")));
        dev.catena.models.UsageTracker reported = new dev.catena.models.UsageTracker();
        List<AiMessage> chunks;
        try (Stream<AiMessage> s = model().build().stream(PromptValue.of("hi"), RunConfig.builder().callbacks(reported).build())) {
            chunks = s.toList();
        }
        TokenUsage summed = chunks.stream().map(AiMessage::usage).flatMap(java.util.Optional::stream)
                .reduce(TokenUsage.ZERO, TokenUsage::plus);
        assertThat(summed).isEqualTo(TokenUsage.of(135, 10));
        assertThat(chunks.stream().reduce(AiMessage::merge).orElseThrow().usage()).contains(TokenUsage.of(135, 10));
        assertThat(reported.total()).as("what the callbacks were told").isEqualTo(TokenUsage.of(135, 10));
    }

    @Test
    void deliversEachChunkAsItArrivesAndClosingHangsUp() throws Exception {
        String wire = text("anthropic-stream-text.txt");
        int secondDelta = wire.indexOf("event: content_block_delta", wire.indexOf("event: content_block_delta") + 1);
        PausedBody body = new PausedBody(wire.substring(0, secondDelta), wire.substring(secondDelta), Duration.ofSeconds(5));
        server.enqueue(body.response());

        assertThat(body.firstChunkThenClose(model().build().stream(PromptValue.of("hi"))).text()).isEqualTo("[");
    }

    @Test
    void streamsTextThenAToolCallAssembledFromJsonDeltas() {
        // the stored recording lost the blank line that ends its last event on the wire
        server.enqueue(sse(text("anthropic-stream-tooluse.txt") + "\n\n"));
        AiMessage whole = merge(model().build().generateStream(ChatRequest.of(ChatMessage.user("weather in Paris?")), RunConfig.defaults()));
        assertThat(whole.text()).isEqualTo("I'll check the current weather in Paris for you.");
        assertThat(whole.toolCalls()).hasSize(1);
        ToolCall call = whole.toolCalls().get(0);
        assertThat(call.id()).contains("toolu_01NRLabsLyVHZPKxbKvkfSMn");
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(Json.tryParse(call.arguments()).get("location").asText()).startsWith("Paris");
        assertThat(whole.finishReason()).contains("tool_calls");
        assertThat(whole.usage().orElseThrow().inputTokens()).isEqualTo(377);
        assertThat(whole.usage().orElseThrow().outputTokens()).isEqualTo(65);
    }

    @Test
    void givesANoArgumentToolAnEmptyObject() {
        server.enqueue(sse("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}\n\n"
                + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"now\",\"input\":{}}}\n\n"
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\"}}\n\n"
                + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"output_tokens\":12}}\n\n"
                + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));
        AiMessage whole = merge(model().build().generateStream(ChatRequest.of(ChatMessage.user("time?")), RunConfig.defaults()));
        assertThat(whole.toolCalls()).containsExactly(new ToolCall("toolu_1", "now", "{}"));
        assertThat(whole.usage()).contains(TokenUsage.of(10, 12));
    }

    @Test
    void retriesOverloadedAndReportsAnErrorEventInTheStream() {
        server.enqueue(new MockResponse.Builder().code(529).addHeader("request-id", "req_overloaded")
                .body(text("anthropic-error-overloaded.json")).build());
        server.enqueue(jsonResponse(200, text("anthropic-messages-final-response.json")));
        assertThat(model().build().chat("hi")).contains("Sunny");
        assertThat(server.getRequestCount()).isEqualTo(2);

        server.enqueue(sse("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}\n\n"
                + "event: error\ndata: " + text("anthropic-error-overloaded.json").replace("\n", "") + "\n\n"));
        assertThatThrownBy(() -> merge(model().build().generateStream(ChatRequest.of(ChatMessage.user("hi")), RunConfig.defaults())))
                .isInstanceOf(ModelHttpException.class).hasMessageContaining("overloaded_error");
    }

    @Test
    void aStreamWithoutMessageStopIsCut() {
        server.enqueue(sse("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n"));
        assertThatThrownBy(() -> merge(model().build().generateStream(ChatRequest.of(ChatMessage.user("hi")), RunConfig.defaults())))
                .isInstanceOf(ModelConnectionException.class).hasMessageContaining("before message_stop");
    }
}
