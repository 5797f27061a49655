package dev.catena.models;

import static dev.catena.models.testing.Wire.body;
import static dev.catena.models.testing.Wire.jsonResponse;
import static dev.catena.models.testing.Wire.sse;
import static dev.catena.models.testing.Wire.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.components.CallbackHandler;
import dev.catena.core.components.Component;
import dev.catena.core.components.RetryPolicy;
import dev.catena.core.components.RunConfig;
import dev.catena.core.components.RunInfo;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.models.PromptValue;
import dev.catena.core.models.TokenCounter;
import dev.catena.core.tracing.ConsoleTracer;
import dev.catena.core.tracing.JsonLinesTracer;
import dev.catena.models.anthropic.AnthropicChatModel;
import dev.catena.models.internal.Json;
import dev.catena.models.openai.OpenAiChatModel;
import dev.catena.models.openai.OpenAiDialect;
import dev.catena.models.openai.OpenAiEmbeddingModel;
import dev.catena.models.openai.OpenAiLanguageModel;
import dev.catena.models.testing.MockServerTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every model call reports its tokens to the run's callbacks, once, and a {@link UsageTracker} adds them up. */
class UsageReportingTest extends MockServerTest {

    private static final TokenCounter CL100K = TokenCounter.of("cl100k_base");

    /** Every usage report and every run end, in order. */
    static final class Reports implements CallbackHandler {
        record Report(RunInfo run, TokenUsage usage) {
        }

        final List<Report> usages = new CopyOnWriteArrayList<>();
        final List<Object> events = new CopyOnWriteArrayList<>();

        @Override
        public void onUsage(RunInfo run, TokenUsage usage) {
            usages.add(new Report(run, usage));
            events.add(usage);
        }

        @Override
        public void onEnd(RunInfo run, Object output, Duration elapsed) {
            events.add("end " + run.name());
        }
    }

    private final Reports reports = new Reports();
    private final UsageTracker tracker = new UsageTracker(Map.of("gpt-4o-mini", new ModelPrice(0.15, 0.60)));
    private final RunConfig config = RunConfig.builder().callbacks(reports, tracker).build();

    private OpenAiChatModel.Builder chatModel() {
        return OpenAiChatModel.builder().baseUrl(baseUrl("/v1")).apiKey("sk-test").model("gpt-4o-mini").maxRetries(0);
    }

    private OpenAiLanguageModel.Builder completionModel() {
        return OpenAiLanguageModel.builder().baseUrl(baseUrl("/v1")).apiKey("sk-test").maxRetries(0);
    }

    private static <T> List<T> drain(Stream<T> chunks) {
        try (chunks) {
            return chunks.collect(Collectors.toList());
        }
    }

    @Test
    void aPlainChatCallReportsTheUsageFieldOnceUnderItsModel() {
        server.enqueue(jsonResponse(200, text("openai-chat-response.json")));

        chatModel().build().chat(ChatRequest.of(ChatMessage.user("Hello!")), config);

        assertThat(reports.usages).singleElement().satisfies(r -> {
            assertThat(r.usage()).isEqualTo(new TokenUsage(19, 10, 29));
            assertThat(r.run().kind()).isEqualTo("chat_model");
            assertThat(r.run().modelName()).contains("gpt-4o-mini");
        });
        assertThat(reports.events).containsExactly(new TokenUsage(19, 10, 29), "end OpenAiChatModel(gpt-4o-mini)");
        assertThat(tracker.byModel()).containsOnly(Map.entry("gpt-4o-mini", new TokenUsage(19, 10, 29)));
        assertThat(tracker.cost("gpt-4o-mini")).isEqualTo((19 * 0.15 + 10 * 0.60) / 1e6);
    }

    @Test
    void aStreamedChatCallReportsOnceWhenTheUsageChunkArrives() {
        server.enqueue(sse(text("openai-chat-stream-text-with-usage.txt")));

        List<AiMessage> chunks = drain(chatModel().build().stream(PromptValue.of("weather as JSON"), config));

        assertThat(chunks.size()).isGreaterThan(10);
        assertThat(reports.usages).extracting(Reports.Report::usage).containsExactly(new TokenUsage(79, 14, 93));
        assertThat(reports.events).endsWith(new TokenUsage(79, 14, 93), "end OpenAiChatModel(gpt-4o-mini)");
        assertThat(tracker.calls()).containsOnly(Map.entry("gpt-4o-mini", 1));
    }

    @Test
    void anthropicReportsWholeAndStreamedCalls() {
        server.enqueue(jsonResponse(200, text("anthropic-messages-final-response.json")));
        server.enqueue(sse(text("anthropic-stream-text.txt")));
        AnthropicChatModel claude = AnthropicChatModel.builder().baseUrl(baseUrl("/")).apiKey("sk-ant-test")
                .model("claude-sonnet-4-5").maxRetries(0).build();

        claude.chat(ChatRequest.of(ChatMessage.user("Hi")), config);
        drain(claude.stream(PromptValue.of("Hi"), config));

        // message_start says 135 in; message_delta's cumulative count (10 out) is the one reported
        assertThat(reports.usages).extracting(Reports.Report::usage)
                .containsExactly(TokenUsage.of(705, 25), TokenUsage.of(135, 10));
        assertThat(tracker.byModel()).containsOnly(Map.entry("claude-sonnet-4-5", TokenUsage.of(840, 35)));
    }

    @Test
    void aCompletionReportsTheUsageItsPlainTextCannotCarry() throws Exception {
        server.enqueue(jsonResponse(200, text("openai-completions-response.json")));

        String text = completionModel().build().invoke(PromptValue.of("Say this is a test"), config);

        assertThat(text).isEqualTo("\n\nThis is indeed a test");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/completions");
        assertThat(reports.usages).singleElement().satisfies(r -> {
            assertThat(r.usage()).isEqualTo(new TokenUsage(5, 7, 12));
            assertThat(r.run().kind()).isEqualTo("llm");
        });
        assertThat(tracker.byModel()).containsOnly(Map.entry("gpt-3.5-turbo-instruct", new TokenUsage(5, 7, 12)));
    }

    @Test
    void aStreamedCompletionAsksForUsageAndReportsItOnceAtTheEnd() throws Exception {
        server.enqueue(sse(text("openai-completions-stream-with-usage.txt")));

        List<String> chunks = drain(completionModel().build().stream(PromptValue.of("Say this is a test"), config));

        assertThat(String.join("", chunks)).isEqualTo("\n\nThis is indeed a test");
        assertThat(body(server.takeRequest()).at("/stream_options/include_usage").asBoolean()).isTrue();
        assertThat(reports.usages).extracting(Reports.Report::usage).containsExactly(new TokenUsage(5, 7, 12));
        assertThat(reports.events).endsWith(new TokenUsage(5, 7, 12), "end OpenAiLanguageModel(gpt-3.5-turbo-instruct)");
    }

    @Test
    void aStreamedCompletionOnAServerThatRejectsStreamOptionsDoesNotAskAndReportsNothing() throws Exception {
        server.enqueue(sse("data: {\"choices\":[{\"text\":\"Hi\",\"index\":0,\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"));

        drain(completionModel().dialect(OpenAiDialect.GLM).build().stream(PromptValue.of("hi"), config));

        assertThat(body(server.takeRequest()).has("stream_options")).isFalse();
        assertThat(reports.usages).isEmpty();
    }

    @Test
    void embeddingsReportEachRequestsUsage() throws Exception {
        server.enqueue(jsonResponse(200, text("openai-embeddings-response.json")));
        server.enqueue(jsonResponse(200, text("openai-embeddings-response.json")));
        OpenAiEmbeddingModel model = OpenAiEmbeddingModel.builder().baseUrl(baseUrl("/v1")).apiKey("sk-test")
                .model("text-embedding-ada-002").batchSize(1).maxRetries(0).build();

        assertThat(model.invoke(List.of("The food was delicious", "and the waiter"), config)).hasSize(2);

        assertThat(reports.usages).hasSize(2).allSatisfy(r -> {
            assertThat(r.usage()).isEqualTo(new TokenUsage(8, 0, 8));
            assertThat(r.run().kind()).isEqualTo("embedding_model");
        });
        assertThat(tracker.byModel()).containsOnly(Map.entry("text-embedding-ada-002", new TokenUsage(16, 0, 16)));
        assertThat(tracker.calls()).containsOnly(Map.entry("text-embedding-ada-002", 2));
    }

    @Test
    void aCallRetriedWithWithRetryIsCountedOnceAndShownOnceInTheTree() {
        server.enqueue(jsonResponse(500, "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}"));
        server.enqueue(jsonResponse(200, text("openai-chat-response.json")));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ConsoleTracer tracer = new ConsoleTracer(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Component<PromptValue, AiMessage> retried = chatModel().build()
                .withRetry(RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ZERO).build());

        retried.invoke(PromptValue.of("Hello!"), config.toBuilder().callbacks(tracer).build());

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(tracker.calls()).containsOnly(Map.entry("gpt-4o-mini", 1));
        assertThat(tracker.total()).isEqualTo(new TokenUsage(19, 10, 29));
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("chain Retry(OpenAiChatModel(gpt-4o-mini)) [").contains("tokens: 19 in, 10 out, 29 total");
        assertThat(lines.get(1)).startsWith("  chat_model OpenAiChatModel(gpt-4o-mini) [").contains("ERROR").doesNotContain("tokens");
        assertThat(lines.get(2)).startsWith("  chat_model OpenAiChatModel(gpt-4o-mini) [").contains("tokens: 19 in, 10 out, 29 total");
    }

    @Test
    void aCallTheClientRetriesItselfIsCountedOnce() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after-ms", "1")
                .body(text("openai-error-429-rate-limit.json")).build());
        server.enqueue(jsonResponse(200, text("openai-chat-response.json")));

        chatModel().retryPolicy(RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ZERO).sleeper(d -> { }).build())
                .build().chat(ChatRequest.of(ChatMessage.user("Hello!")), config);

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(reports.usages).extracting(Reports.Report::usage).containsExactly(new TokenUsage(19, 10, 29));
    }

    @Test
    void aCacheHitReportsNothingWholeOrStreamed() {
        server.enqueue(jsonResponse(200, text("openai-chat-response.json")));
        ChatModel cached = CachedChatModel.of(chatModel().build(), new InMemoryCache());
        ChatRequest hello = ChatRequest.of(ChatMessage.user("Hello!"));

        cached.chat(hello, config);
        AiMessage again = cached.chat(hello, config);
        drain(cached.chatStream(hello, config));

        assertThat(again.text()).isEqualTo("Hello! How can I assist you today?");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(tracker.calls()).containsOnly(Map.entry("gpt-4o-mini", 1));
        assertThat(tracker.total()).isEqualTo(new TokenUsage(19, 10, 29));
    }

    @Test
    void aCachedCompletionHitReportsNothing() {
        FakeLanguageModel fake = FakeLanguageModel.of("Paris.", "Lyon.");
        CachedLanguageModel llm = CachedLanguageModel.of(fake, new InMemoryCache());

        llm.invoke(PromptValue.of("Capital of France?"), config);
        String again = llm.invoke(PromptValue.of("Capital of France?"), config);

        assertThat(again).isEqualTo("Paris.");
        assertThat(fake.prompts()).hasSize(1);
        assertThat(tracker.calls()).containsOnly(Map.entry("FakeLanguageModel", 1));
    }

    @Test
    void theFakesReportCl100kCountsWholeAndStreamed() {
        FakeLanguageModel llm = FakeLanguageModel.of("Regularization keeps a model simple.");
        FakeChatModel chat = FakeChatModel.of("Hello there, friend!");
        TokenUsage completion = TokenUsage.of(CL100K.count("Explain regularization"),
                CL100K.count("Regularization keeps a model simple."));
        ChatRequest request = ChatRequest.of(ChatMessage.user("hi"));
        TokenUsage chatUsage = TokenUsage.of(CL100K.count(request.messages()), CL100K.count("Hello there, friend!"));

        llm.invoke(PromptValue.of("Explain regularization"), config);
        List<String> pieces = drain(llm.stream(PromptValue.of("Explain regularization"), config));
        chat.chat(request, config);
        drain(chat.chatStream(request, config));

        assertThat(pieces).hasSizeGreaterThan(1);
        assertThat(reports.usages).extracting(Reports.Report::usage)
                .containsExactly(completion, completion, chatUsage, chatUsage);
        assertThat(completion.inputTokens()).isPositive();
        assertThat(tracker.byModel()).containsOnly(
                Map.entry("FakeLanguageModel", completion.plus(completion)), Map.entry("FakeChatModel", chatUsage.plus(chatUsage)));
    }

    @Test
    void theJsonLinesTraceCarriesTheUsageOnTheModelRunOnly(@TempDir Path dir) throws IOException {
        server.enqueue(sse(text("openai-completions-stream-with-usage.txt")));
        Path file = dir.resolve("runs.jsonl");
        Component<String, String> chain = Component.<String, PromptValue>of("prompt", PromptValue::of)
                .pipe(completionModel().build());

        try (JsonLinesTracer tracer = new JsonLinesTracer(file)) {
            drain(chain.stream("Say this is a test", RunConfig.builder().callbacks(tracer).build()));
        }

        Map<String, JsonNode> byName = Files.readAllLines(file).stream().map(Json::tryParse)
                .collect(Collectors.toMap(l -> l.get("name").asText(), l -> l));
        JsonNode usage = byName.get("OpenAiLanguageModel(gpt-3.5-turbo-instruct)").get("usage");
        assertThat(usage.get("input_tokens").asInt()).isEqualTo(5);
        assertThat(usage.get("output_tokens").asInt()).isEqualTo(7);
        assertThat(usage.get("total_tokens").asInt()).isEqualTo(12);
        assertThat(byName.get("Sequence").get("usage").isNull()).isTrue();
        assertThat(byName.get("prompt").get("usage").isNull()).isTrue();
    }
}
