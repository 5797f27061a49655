package dev.catena.models.openai;

import static dev.catena.models.testing.Wire.body;
import static dev.catena.models.testing.Wire.jsonResponse;
import static dev.catena.models.testing.Wire.sse;
import static dev.catena.models.testing.Wire.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.models.ModelHttpException;
import dev.catena.core.models.PromptValue;
import dev.catena.core.models.ResponseFormat;
import dev.catena.core.models.ToolChoice;
import dev.catena.core.tools.ToolSpec;
import dev.catena.models.ModelConnectionException;
import dev.catena.models.UsageTracker;
import dev.catena.models.internal.Json;
import dev.catena.models.testing.MockServerTest;
import dev.catena.models.testing.PausedBody;
import dev.catena.models.testing.Wire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiChatModelTest extends MockServerTest {


    private OpenAiChatModel.Builder model() {
        return OpenAiChatModel.builder().baseUrl(baseUrl("/v1")).apiKey("sk-test").maxRetries(0);
    }

    @Test
    void sendsThePlainRequestAndReadsTextFinishReasonAndUsage() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("x-request-id", "req_1")
                .body(text("openai-chat-response.json")).build());
        OpenAiChatModel model = model().model("VAR_chat_model_id").dialect(OpenAiDialect.OPENAI.withDeveloperRole(true)).build();

        AiMessage reply = model.chat(ChatRequest.of(ChatMessage.system("You are a helpful assistant."), ChatMessage.user("Hello!")));

        assertThat(reply.text()).isEqualTo("Hello! How can I assist you today?");
        assertThat(reply.finishReason()).contains("stop");
        assertThat(reply.usage()).contains(new TokenUsage(19, 10, 29));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(body(request)).isEqualTo(Wire.json("openai-chat-request.json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/v1", "/v1/", "/v1/chat/completions", "/v1/chat/completions/"})
    void acceptsBaseUrlsWithOrWithoutV1AndSlashes(String suffix) throws Exception {
        server.enqueue(jsonResponse(200, text("openai-chat-response.json")));
        String base = baseUrl("/");
        base = base.substring(0, base.length() - 1) + suffix;
        OpenAiChatModel.builder().baseUrl(base).apiKey("k").build().chat("Hello!");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void keepsAPathThatIsNotV1() {
        assertThat(dev.catena.models.ModelClientBuilder.normalizeBaseUrl("https://open.bigmodel.cn/api/paas/v4/").toString())
                .isEqualTo("https://open.bigmodel.cn/api/paas/v4");
        assertThat(dev.catena.models.ModelClientBuilder.normalizeBaseUrl("https://api.deepseek.com").toString())
                .isEqualTo("https://api.deepseek.com/v1");
    }

    @Test
    void sendsToolsAndReadsToolCalls() throws Exception {
        server.enqueue(jsonResponse(200, text("openai-chat-tools-response.json")));
        ToolSpec weather = new ToolSpec("get_current_weather", "Get the current weather in a given location", Map.of(
                "type", "object",
                "properties", Map.of(
                        "location", Map.of("type", "string", "description", "The city and state, e.g. San Francisco, CA"),
                        "unit", Map.of("type", "string", "enum", List.of("celsius", "fahrenheit"))),
                "required", List.of("location")));

        AiMessage reply = model().model("gpt-5.4").build().chat(ChatRequest.of(ChatMessage.user("What is the weather like in Boston today?"))
                .withTools(List.of(weather)).withToolChoice(ToolChoice.AUTO));

        assertThat(reply.text()).isEmpty();
        assertThat(reply.finishReason()).contains("tool_calls");
        assertThat(reply.toolCalls()).containsExactly(new ToolCall("call_abc123", "get_current_weather", "{\n\"location\": \"Boston, MA\"\n}"));
        assertThat(body(server.takeRequest())).isEqualTo(Wire.json("openai-chat-tools-request.json"));
    }

    @Test
    void sendsAChatRoleMessageWithItsRoleAndAFunctionResultAsRoleFunction() throws Exception {
        server.enqueue(jsonResponse(200, text("openai-chat-response.json")));

        model().model("gpt-4o-mini").build().chat(ChatRequest.of(ChatMessage.user("2+2?"),
                ChatMessage.chat("critic", "Be exact."), new dev.catena.core.messages.FunctionMessage("calc", "4")));

        JsonNode messages = body(server.takeRequest()).get("messages");
        assertThat(messages.get(1)).isEqualTo(Json.MAPPER.readTree("{\"role\": \"critic\", \"content\": \"Be exact.\"}"));
        assertThat(messages.get(2)).isEqualTo(Json.MAPPER.readTree(
                "{\"role\": \"function\", \"content\": \"4\", \"name\": \"calc\"}"));
    }

    @Test
    void sendsAJsonSchemaResponseFormat() throws Exception {
        server.enqueue(jsonResponse(200, text("openai-chat-response.json")));
        JsonNode expected = Wire.json("openai-chat-json-schema-request.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = Json.MAPPER.convertValue(expected.at("/response_format/json_schema/schema"), Map.class);

        model().model("gpt-4o-2024-08-06").build().chat(ChatRequest.of(
                        ChatMessage.system(expected.at("/messages/0/content").asText()),
                        ChatMessage.user("how can I solve 8x + 7 = -23"))
                .withResponseFormat(ResponseFormat.jsonSchema("math_reasoning", schema)));

        assertThat(body(server.takeRequest())).isEqualTo(expected);
    }

    @Test
    void fallsBackToJsonObjectWhereJsonSchemaIsNotSupported() throws Exception {
        server.enqueue(jsonResponse(200, text("openai-chat-response.json")));
        model().dialect(OpenAiDialect.DEEPSEEK).model("deepseek-chat").build().chat(ChatRequest.of(ChatMessage.user("json please"))
                .withResponseFormat(ResponseFormat.jsonSchema("x", Map.of("type", "object"))));
        assertThat(body(server.takeRequest()).get("response_format").toString()).isEqualTo("{\"type\":\"json_object\"}");
    }

    @Test
    void aUsageTrackerCountsStreamedAndWholeCallsUnderTheModelsName() {
        server.enqueue(sse(text("openai-chat-stream-text-with-usage.txt")));
        server.enqueue(jsonResponse(200, text("openai-chat-response.json")));
        UsageTracker usage = new UsageTracker();
        RunConfig config = RunConfig.builder().callbacks(usage).build();
        OpenAiChatModel model = model().model("gpt-4o-mini").build();

        try (Stream<AiMessage> stream = model.stream(PromptValue.of("weather as JSON"), config)) {
            stream.forEach(chunk -> { });
        }
        model.chat(ChatRequest.of(ChatMessage.user("Hello!")), config);

        assertThat(usage.byModel()).containsOnly(Map.entry("gpt-4o-mini", new TokenUsage(79 + 19, 14 + 10, 93 + 29)));
        assertThat(usage.calls()).containsOnly(Map.entry("gpt-4o-mini", 2));
    }

    @Test
    void streamsTextDeltasAndReportsUsage() throws Exception {
        server.enqueue(sse(text("openai-chat-stream-text-with-usage.txt")));
        List<AiMessage> chunks;
        try (Stream<AiMessage> stream = model().build().stream(dev.catena.core.models.PromptValue.of("weather as JSON"))) {
            chunks = stream.collect(Collectors.toList());
        }
        AiMessage whole = chunks.stream().reduce(AiMessage::merge).orElseThrow();

        assertThat(chunks.size()).isGreaterThan(10);
        assertThat(whole.text()).isEqualTo("{\"city\":\"San Francisco\",\"temperature\":61,\"units\":\"f\"}");
        assertThat(whole.finishReason()).contains("stop");
        assertThat(whole.usage()).contains(new TokenUsage(79, 14, 93));
        JsonNode sent = body(server.takeRequest());
        assertThat(sent.get("stream").asBoolean()).isTrue();
        assertThat(sent.at("/stream_options/include_usage").asBoolean()).isTrue();
    }

    @Test
    void assemblesAStreamedToolCall() {
        server.enqueue(sse(text("openai-chat-stream-toolcall.txt")));
        AiMessage whole = merge(model().build().generateStream(ChatRequest.of(ChatMessage.user("weather?")), RunConfig.defaults()));
        assertThat(whole.toolCalls()).hasSize(1);
        ToolCall call = whole.toolCalls().get(0);
        assertThat(call.id()).contains("call_c91SqDXlYFuETYv8mUHzz6pp");
        assertThat(call.name()).isEqualTo("GetWeatherArgs");
        assertThat(Json.tryParse(call.arguments()).get("city").asText()).isEqualTo("Edinburgh");
        assertThat(whole.finishReason()).contains("tool_calls");
        assertThat(whole.usage().orElseThrow().totalTokens()).isEqualTo(100);
    }

    @Test
    void assemblesParallelToolCallsInterleavedByIndex() {
        server.enqueue(sse(text("openai-chat-stream-parallel-toolcalls.txt")));
        List<AiMessage> chunks;
        try (Stream<AiMessage> s = model().build().generateStream(ChatRequest.of(ChatMessage.user("weather and stock?")), RunConfig.defaults())) {
            chunks = s.collect(Collectors.toList());
        }
        // every fragment carries the id of its call, so fragments can be routed as they arrive
        assertThat(chunks.stream().flatMap(c -> c.toolCalls().stream()).map(c -> c.id().orElseThrow()))
                .allMatch(id -> id.equals("call_JMW1whyEaYG438VE1OIflxA2") || id.equals("call_DNYTawLBoN8fj3KN6qU9N1Ou"));
        AiMessage whole = chunks.stream().reduce(AiMessage::merge).orElseThrow();
        assertThat(whole.toolCalls()).extracting(ToolCall::name).containsExactly("GetWeatherArgs", "get_stock_price");
        for (ToolCall call : whole.toolCalls()) {
            assertThat(Json.tryParse(call.arguments())).as(call.arguments()).isNotNull();
        }
        assertThat(Json.tryParse(whole.toolCalls().get(1).arguments()).get("ticker").asText()).isEqualTo("AAPL");
    }

    @Test
    void assemblesOllamaStyleWholeCallsWithReusedIndexAndNoArguments() {
        String stream = ""
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"call_a\",\"index\":0,\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"arguments\":\"{}\"}}]},\"finish_reason\":null}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"id\":\"call_b\",\"index\":0,\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"北京\\\"}\"}}]},\"finish_reason\":null}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"id\":\"call_c\",\"index\":1,\"type\":\"function\",\"function\":{\"name\":\"list_tools\"}}]},\"finish_reason\":\"tool_calls\"}]}\n\n"
                + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"total_tokens\":12}}\n\n"
                + "data: [DONE]\n\n";
        server.enqueue(sse(stream));
        AiMessage whole = merge(model().dialect(OpenAiDialect.OLLAMA).build()
                .generateStream(ChatRequest.of(ChatMessage.user("go")), RunConfig.defaults()));
        assertThat(whole.toolCalls()).containsExactly(
                new ToolCall("call_a", "get_time", "{}"),
                new ToolCall("call_b", "get_weather", "{\"city\":\"北京\"}"),
                new ToolCall("call_c", "list_tools", "{}"));
        assertThat(whole.finishReason()).contains("tool_calls");
    }

    @Test
    void keepsAToolCallWhoseLastFragmentCarriesTheFinishReason() {
        String stream = ""
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"search\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"q\\\":\\\"jvm\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}\n\n"
                + "data: [DONE]\n\n";
        server.enqueue(sse(stream));
        AiMessage whole = merge(model().build().generateStream(ChatRequest.of(ChatMessage.user("go")), RunConfig.defaults()));
        assertThat(whole.toolCalls()).containsExactly(new ToolCall("call_1", "search", "{\"q\":\"jvm\"}"));
    }

    @Test
    void keepsDeepSeekReasoningApartFromTheAnswerInStreamsAndReplies() throws Exception {
        String stream = ""
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,\"reasoning_content\":\"9.11 vs 9.8: \"},\"finish_reason\":null}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":null,\"reasoning_content\":\"compare tenths.\"},\"finish_reason\":null}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"9.8 is larger.\",\"reasoning_content\":null},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n";
        server.enqueue(sse(stream));
        OpenAiChatModel deepseek = model().dialect(OpenAiDialect.DEEPSEEK).model("deepseek-reasoner").build();
        List<AiMessage> chunks;
        try (Stream<AiMessage> s = deepseek.generateStream(ChatRequest.of(ChatMessage.user("9.11 or 9.8?")), RunConfig.defaults())) {
            chunks = s.collect(Collectors.toList());
        }
        assertThat(chunks.get(0).reasoning()).contains("9.11 vs 9.8: ");
        assertThat(chunks.get(0).text()).isEmpty();
        AiMessage whole = chunks.stream().reduce(AiMessage::merge).orElseThrow();
        assertThat(whole.text()).isEqualTo("9.8 is larger.");
        assertThat(whole.reasoning()).contains("9.11 vs 9.8: compare tenths.");

        server.enqueue(jsonResponse(200, "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\",\"reasoning_content\":\"think\"},\"finish_reason\":\"stop\"}]}"));
        AiMessage withTool = new AiMessage("", List.of(new ToolCall("call_9", "lookup", "")), "I should look it up", null, null);
        AiMessage plain = new AiMessage("earlier answer", List.of(), "earlier thoughts", null, null);
        AiMessage reply = deepseek.chat(List.of(ChatMessage.user("q1"), plain, ChatMessage.user("q2"), withTool,
                ChatMessage.tool("call_9", "42")));
        assertThat(reply.reasoning()).contains("think");
        server.takeRequest();
        JsonNode sent = body(server.takeRequest()).get("messages");
        assertThat(sent.get(1).has("reasoning_content")).as("plain turns are stripped").isFalse();
        assertThat(sent.get(3).get("reasoning_content").asText()).as("tool-call turns are echoed").isEqualTo("I should look it up");
        assertThat(sent.get(3).at("/tool_calls/0/function/arguments").asText()).isEqualTo("{}");
    }

    @Test
    void appliesDialectSwitchesToTheRequestBody() throws Exception {
        server.enqueue(sse("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"));
        ChatRequest request = ChatRequest.of(ChatMessage.system("be brief"), ChatMessage.user("hi"))
                .withTools(List.of(ToolSpec.of("now", "the time"))).withToolChoice(ToolChoice.REQUIRED);
        merge(model().dialect(OpenAiDialect.GLM).model("glm-4-flash").maxTokens(100).parallelToolCalls(false)
                .extraBody("do_sample", false).build().generateStream(request, RunConfig.defaults()));
        JsonNode glm = body(server.takeRequest());
        assertThat(glm.has("stream_options")).isFalse();
        assertThat(glm.has("tool_choice")).isFalse();
        assertThat(glm.has("parallel_tool_calls")).isFalse();
        assertThat(glm.get("max_tokens").asInt()).isEqualTo(100);
        assertThat(glm.get("do_sample").asBoolean(true)).isFalse();

        server.enqueue(jsonResponse(200, text("openai-chat-response.json")));
        model().dialect(OpenAiDialect.OPENAI.withDeveloperRole(true)).maxTokens(100).parallelToolCalls(false).temperature(0.2)
                .build().chat(request);
        JsonNode openai = body(server.takeRequest());
        assertThat(openai.get("max_completion_tokens").asInt()).isEqualTo(100);
        assertThat(openai.has("max_tokens")).isFalse();
        assertThat(openai.at("/messages/0/role").asText()).isEqualTo("developer");
        assertThat(openai.get("tool_choice").asText()).isEqualTo("required");
        assertThat(openai.get("parallel_tool_calls").asBoolean(true)).isFalse();
        assertThat(openai.has("top_p")).as("unset options are left out, not sent as null").isFalse();

        server.enqueue(jsonResponse(200, text("openai-chat-response.json")));
        model().dialect(OpenAiDialect.QWEN).model("qwen-plus").extraBody("enable_thinking", false).build().chat("你好");
        JsonNode qwen = body(server.takeRequest());
        assertThat(qwen.get("enable_thinking").asBoolean(true)).isFalse();
        assertThat(qwen.at("/messages/0/content").asText()).isEqualTo("你好");
    }

    @Test
    void skipsSseCommentsAndAcceptsAStreamEndingInDone() {
        server.enqueue(sse(text("openrouter-stream-with-comment.txt")
                + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"));
        AiMessage whole = merge(model().build().generateStream(ChatRequest.of(ChatMessage.user("go")), RunConfig.defaults()));
        assertThat(whole.text()).isEqualTo("The next day");
        assertThat(whole.finishReason()).contains("stop");
    }

    @Test
    void aStreamSayingDoneWithoutAFinishReasonIsAnErrorNotAShortenedAnswer() {
        server.enqueue(sse(text("openrouter-stream-with-comment.txt") + "data: [DONE]\n\n"));
        List<String> delivered = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (var chunks = model().build().generateStream(ChatRequest.of(ChatMessage.user("go")), RunConfig.defaults())) {
                chunks.forEach(c -> delivered.add(c.text()));
            }
        }).isInstanceOf(ModelConnectionException.class).hasMessageContaining("[DONE] without a finish reason")
                .hasMessageContaining("may be incomplete");
        assertThat(String.join("", delivered)).isEqualTo("The next day");
    }

    @Test
    void treatsAnErrorObjectInsideA200StreamAsAnError() {
        server.enqueue(sse("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}\n\n"
                + "data: {\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\",\"code\":null}}\n\n"));
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (Stream<AiMessage> s = model().build().generateStream(ChatRequest.of(ChatMessage.user("go")), RunConfig.defaults())) {
                s.forEach(c -> seen.add(c.text()));
            }
        }).isInstanceOf(ModelHttpException.class)
                .hasMessageContaining("server_error")
                .hasMessageContaining("The server had an error");
        assertThat(seen).containsExactly("Hel");
    }

    @Test
    void aStreamCutBeforeTheFinishIsAnErrorNotAShortAnswer() {
        // the connection ends in the middle of an event, before any finish_reason
        server.enqueue(sse("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"The answer is\"},\"finish_reason\":null}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\" 4"));
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (Stream<AiMessage> s = model().build().generateStream(ChatRequest.of(ChatMessage.user("2+2")), RunConfig.defaults())) {
                s.forEach(c -> seen.add(c.text()));
            }
        }).isInstanceOf(ModelConnectionException.class).hasMessageContaining("ended before the answer was finished");
        assertThat(seen).containsExactly("The answer is");
    }

    @Test
    void closingTheStreamEarlyCancelsTheCall() {
        StringBuilder slow = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            slow.append("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"word \"},\"finish_reason\":null}]}\n\n");
        }
        slow.append("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
        // about 20 KB at 2 KB per 500 ms: the whole stream would take ~5 s
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .body(slow.toString()).throttleBody(2048, 500, TimeUnit.MILLISECONDS).build());
        long start = System.nanoTime();
        try (Stream<AiMessage> s = model().build().generateStream(ChatRequest.of(ChatMessage.user("go")), RunConfig.defaults())) {
            assertThat(s.findFirst().orElseThrow().text()).isEqualTo("word ");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void deliversEachChunkAsItArrivesAndClosingHangsUp() throws Exception {
        String delta = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":null}]}\n\n";
        PausedBody body = new PausedBody(delta.formatted("Hello"), delta.formatted(" world"), Duration.ofSeconds(5));
        server.enqueue(body.response());

        assertThat(body.firstChunkThenClose(model().build().stream(PromptValue.of("hi"))).text()).isEqualTo("Hello");
    }

    @Test
    void aStreamPausedMidwayGoesOnWhenTheServerDoes() {
        String delta = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":%s}]}\n\n";
        PausedBody body = new PausedBody(delta.formatted("Hello", "null"),
                delta.formatted(" world", "\"stop\"") + "data: [DONE]\n\n", Duration.ZERO);
        server.enqueue(body.response());

        List<String> texts = new ArrayList<>();
        try (Stream<AiMessage> s = model().build().stream(PromptValue.of("hi"))) {
            s.forEach(chunk -> {
                texts.add(chunk.text());
                body.release(); // the rest is sent only once the first chunk has been seen
            });
        }
        assertThat(texts).containsExactly("Hello", " world", "");
    }

    @Test
    void refusesToBuildWithoutAKeyForAHostedProviderButNotForOllama() {
        assertThatThrownBy(() -> OpenAiChatModel.builder().dialect(OpenAiDialect.DEEPSEEK).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no API key for DeepSeek");
        assertThat(OpenAiChatModel.builder().dialect(OpenAiDialect.OLLAMA).model("llama3.2").build().name())
                .isEqualTo("OpenAiChatModel(llama3.2)");
    }

    @Test
    void aMessageThatIsAStringIsATypedInvalidResponseNotAnEmptyAnswer() {
        server.enqueue(jsonResponse(200, "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                + "\"message\":\"Hello there\",\"finish_reason\":\"stop\"}]}"));
        assertThatThrownBy(() -> model().build().chat("Hello!")).isInstanceOf(dev.catena.models.InvalidResponseException.class)
                .hasMessageContaining("choices[0].message is a string, not an object")
                .satisfies(e -> assertThat(((ModelHttpException) e).bodyExcerpt()).contains("Hello there"))
                .satisfies(e -> assertThat(((ModelHttpException) e).retryable()).isFalse());
        assertThat(server.getRequestCount()).as("not retried").isEqualTo(1);
    }

    /** A server that sends one endless line: it writes until the client hangs up, counting the bytes. */
    private static final class EndlessLine implements mockwebserver3.MockResponseBody {
        volatile long written;

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(okio.BufferedSink sink) throws java.io.IOException {
            byte[] chunk = ("data: " + "a".repeat(8186)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            while (written < 1L << 30) {
                sink.write(chunk).flush();
                written += chunk.length;
            }
        }
    }

    @Test
    void aStreamLineThatNeverEndsFailsTheCallWithATypedErrorOnceItPassesTheBound() {
        EndlessLine body = new EndlessLine();
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(body).build());
        assertThatThrownBy(() -> merge(model().build().generateStream(ChatRequest.of(ChatMessage.user("go")), RunConfig.defaults())))
                .isInstanceOf(dev.catena.models.InvalidResponseException.class)
                .hasMessageContaining("a stream line longer than " + dev.catena.models.internal.SseReader.MAX_LINE_BYTES + " bytes");
        assertThat(body.written).as("bytes the server got out before the client hung up (bound plus socket buffers)")
                .isLessThan(dev.catena.models.internal.SseReader.MAX_LINE_BYTES + (32L << 20));
    }

    @Test
    void anAnswerLargerThanMaxResponseSizeIsRefusedBeforeItIsHeldInMemory() {
        String big = text("openai-chat-response.json").replace("Hello! How can I assist you today?", "x".repeat(4096));
        server.enqueue(jsonResponse(200, big));
        assertThatThrownBy(() -> model().maxResponseSize(2048).build().chat("Hello!"))
                .isInstanceOf(dev.catena.models.InvalidResponseException.class)
                .hasMessageContaining("an answer larger than 2048 bytes");
        server.enqueue(jsonResponse(200, big));
        assertThat(model().maxResponseSize(8192).build().chat("Hello!")).hasSize(4096);
    }
}
