package dev.catena.models.openai;

import static dev.catena.models.testing.Wire.jsonResponse;
import static dev.catena.models.testing.Wire.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.catena.core.components.CallbackHandler;
import dev.catena.core.components.DeadlineExceededException;
import dev.catena.core.components.RetryPolicy;
import dev.catena.core.components.RunConfig;
import dev.catena.core.components.RunInfo;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.models.ModelHttpException;
import dev.catena.models.ModelConnectionException;
import dev.catena.models.testing.MockServerTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiErrorsTest extends MockServerTest {

    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    /** Two retries whose waits are recorded rather than slept. */
    private OpenAiChatModel.Builder model() {
        RetryPolicy recorded = RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(500)).jitter(0)
                .sleeper(sleeps::add).build();
        return OpenAiChatModel.builder().baseUrl(baseUrl("/v1")).apiKey("sk-test").retryPolicy(recorded);
    }

    @Test
    void retriesA429AfterTheServersRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after", "3").addHeader("x-request-id", "req_429")
                .body(text("openai-error-429-rate-limit.json")).build());
        server.enqueue(jsonResponse(200, text("openai-chat-response.json")));

        assertThat(model().build().chat("Hello!")).isEqualTo("Hello! How can I assist you today?");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void honoursRetryAfterMs() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("retry-after-ms", "1200").body("{}").build());
        server.enqueue(jsonResponse(200, text("openai-chat-response.json")));
        model().build().chat("Hello!");
        assertThat(sleeps).containsExactly(Duration.ofMillis(1200));
    }

    @Test
    void doesNotRetryAQuotaThatIsUsedUp() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("x-request-id", "req_q")
                .body(text("openai-error-429-insufficient-quota.json")).build());
        ModelHttpException e = (ModelHttpException) catchThrowable(() -> model().build().chat("Hello!"));
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.errorType()).contains("insufficient_quota");
        assertThat(e.retryable()).isFalse();
        assertThat(e.requestId()).contains("req_q");
        assertThat(e.getMessage()).contains("You exceeded your current quota").contains("check billing");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 422})
    void doesNotRetryClientErrors(int status) {
        server.enqueue(jsonResponse(status, text("ollama-openai-error-shape.json")));
        ModelHttpException e = (ModelHttpException) catchThrowable(() -> model().build().chat("Hello!"));
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.errorType()).contains("not_found_error");
        assertThat(e.bodyExcerpt()).contains("<error text from Ollama>");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void givesUpOnServerErrorsAfterTheLastAttempt() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(jsonResponse(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\",\"param\":null,\"code\":null}}"));
        }
        assertThatThrownBy(() -> model().build().chat("Hello!")).isInstanceOf(ModelHttpException.class)
                .hasMessageContaining("HTTP 500").hasMessageContaining("boom");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void obeysXShouldRetry() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("x-should-retry", "false").body("{}").build());
        assertThatThrownBy(() -> model().build().chat("Hello!")).isInstanceOf(ModelHttpException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void readsDeepSeeksReasoningContentError() {
        server.enqueue(jsonResponse(400, text("deepseek-error-400-reasoning-content.json")));
        assertThatThrownBy(() -> model().dialect(OpenAiDialect.DEEPSEEK).build().chat("Hello!"))
                .isInstanceOf(ModelHttpException.class)
                .hasMessageStartingWith("DeepSeek returned HTTP 400 invalid_request_error")
                .hasMessageContaining("must be passed back");
    }

    @Test
    void retriesATimeoutAndThenReportsIt() {
        server.enqueue(new MockResponse.Builder().code(200).body(text("openai-chat-response.json"))
                .headersDelay(2, TimeUnit.SECONDS).build());
        server.enqueue(new MockResponse.Builder().code(200).body(text("openai-chat-response.json"))
                .headersDelay(2, TimeUnit.SECONDS).build());
        OpenAiChatModel model = model().readTimeout(Duration.ofMillis(200)).maxRetries(1).build();
        assertThatThrownBy(() -> model.chat("Hello!")).isInstanceOf(ModelConnectionException.class)
                .hasMessageContaining("timed out");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void stopsAtTheRunDeadline() {
        server.enqueue(new MockResponse.Builder().code(200).body(text("openai-chat-response.json"))
                .headersDelay(3, TimeUnit.SECONDS).build());
        long start = System.nanoTime();
        RunConfig config = RunConfig.builder().timeout(Duration.ofMillis(300)).build();
        assertThatThrownBy(() -> model().build().chat(ChatRequest.of(ChatMessage.user("Hello!")), config))
                .isInstanceOf(DeadlineExceededException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void callTimeoutBoundsEachAttemptAndTotalTimeoutTheWholeCallWithItsRetries() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(new MockResponse.Builder().code(200).body(text("openai-chat-response.json"))
                    .headersDelay(3, TimeUnit.SECONDS).build());
        }
        // each attempt times out after 400 ms and is retried at once (the sleeper records, it does not wait)
        OpenAiChatModel perAttempt = model().callTimeout(Duration.ofMillis(400)).maxRetries(2)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(1)).jitter(0)
                        .sleeper(sleeps::add).build()).build();
        assertThatThrownBy(() -> perAttempt.chat("Hello!")).isInstanceOf(ModelConnectionException.class)
                .hasMessageContaining("timed out");
        assertThat(server.getRequestCount()).as("callTimeout applies to each of the 3 attempts").isEqualTo(3);

        OpenAiChatModel bounded = model().callTimeout(Duration.ofMillis(400)).totalTimeout(Duration.ofMillis(600))
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(1)).jitter(0)
                        .sleeper(sleeps::add).build()).build();
        assertThatThrownBy(() -> bounded.chat("Hello!")).isInstanceOf(DeadlineExceededException.class)
                .hasMessageContaining("totalTimeout 600 ms");
        assertThat(server.getRequestCount() - 3).as("attempts that fit in the total timeout").isEqualTo(2);
    }

    @Test
    void theApiKeyAppearsInNoExceptionMessageTraceOrToString() {
        String key = "sk-proj-SECRET-abcdef0123456789";
        // some servers echo the key back in their error text
        server.enqueue(jsonResponse(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + key
                + ". You can find your API key at https://platform.openai.com/account/api-keys.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));
        server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(2, TimeUnit.SECONDS).build());
        List<String> traced = Collections.synchronizedList(new ArrayList<>());
        CallbackHandler recorder = new CallbackHandler() {
            @Override
            public void onStart(RunInfo run, Object input) {
                traced.add(run + " " + input);
            }

            @Override
            public void onError(RunInfo run, Throwable error, Duration elapsed) {
                traced.add(run + " " + stackTrace(error));
            }
        };
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(baseUrl("/v1")).apiKey(key)
                .readTimeout(Duration.ofMillis(200)).maxRetries(0).build();
        RunConfig config = RunConfig.builder().callbacks(recorder).build();

        Throwable unauthorized = catchThrowable(() -> model.chat(ChatRequest.of(ChatMessage.user("hi")), config));
        Throwable timeout = catchThrowable(() -> model.chat(ChatRequest.of(ChatMessage.user("hi")), config));

        assertThat(unauthorized).isInstanceOf(ModelHttpException.class).hasMessageContaining("invalid_api_key");
        assertThat(timeout).isInstanceOf(ModelConnectionException.class);
        assertThat(((ModelHttpException) unauthorized).bodyExcerpt()).doesNotContain(key).contains("***");
        for (Throwable t : List.of(unauthorized, timeout)) {
            assertThat(stackTrace(t)).doesNotContain(key).doesNotContain("SECRET");
        }
        assertThat(traced).hasSize(4).allSatisfy(line -> assertThat(line).doesNotContain("SECRET"));
        assertThat(model.toString() + model.name() + model.dialect()).doesNotContain("SECRET");
    }

    @Test
    void anApiKeyEchoedWhereTheBodyExcerptIsCutIsStillMasked() {
        String key = "sk-proj-SECRETabcdefghijklmnopqrstuvwxyz0123456789";
        // a proxy's error page echoing the key so that the 500-character excerpt cuts through it
        String body = "x".repeat(480) + " key " + key + " rejected";
        server.enqueue(new MockResponse.Builder().code(400).body(body).build());
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(baseUrl("/v1")).apiKey(key).maxRetries(0).build();

        Throwable error = catchThrowable(() -> model.chat("hi"));

        assertThat(error).isInstanceOf(ModelHttpException.class);
        assertThat(((ModelHttpException) error).bodyExcerpt()).doesNotContain("SECRET").contains("***");
        assertThat(stackTrace(error)).doesNotContain("SECRET");
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out + " " + t;
    }
}
