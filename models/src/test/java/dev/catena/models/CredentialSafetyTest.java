package dev.catena.models;

import static dev.catena.models.testing.Wire.jsonResponse;
import static dev.catena.models.testing.Wire.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.catena.core.components.RunConfig;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ModelHttpException;
import dev.catena.core.models.PromptValue;
import dev.catena.core.tracing.ConsoleTracer;
import dev.catena.core.tracing.JsonLinesTracer;
import dev.catena.models.anthropic.AnthropicChatModel;
import dev.catena.models.openai.OpenAiChatModel;
import dev.catena.models.openai.OpenAiEmbeddingModel;
import dev.catena.models.testing.MockServerTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Catena promises for credentials: they never leave the configured host and are never printed. */
class CredentialSafetyTest extends MockServerTest {

    private static final String KEY = "sk-ant-api03-KEYSECRET0123456789";
    private static final String AZURE_KEY = "azure0123456789abcdef0123456789ab";
    private static final String CUSTOM_TOKEN = "tok_CUSTOM_77a1b2c3";
    private static final String QUERY_KEY = "qk-9f8e7d6c5b4a";
    private static final List<String> SECRETS = List.of(KEY, AZURE_KEY, CUSTOM_TOKEN, QUERY_KEY);

    /** Where a redirect points: another host (another port on this machine is another origin). */
    private final MockWebServer elsewhere = new MockWebServer();

    @AfterEach
    void stopElsewhere() {
        elsewhere.close();
    }

    private AnthropicChatModel.Builder anthropic() {
        return AnthropicChatModel.builder().baseUrl(baseUrl("/v1")).apiKey(KEY).maxRetries(0)
                .header("api-key", AZURE_KEY).header("X-Custom-Token", CUSTOM_TOKEN);
    }

    @Test
    void aCrossHostRedirectIsRefusedAndTheOtherHostReceivesNothing() throws IOException {
        elsewhere.start();
        elsewhere.enqueue(jsonResponse(200, text("anthropic-messages-final-response.json")));
        server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", elsewhere.url("/v1/messages")).build());

        Throwable thrown = catchThrowable(() -> anthropic().build().chat("Hello"));

        assertThat(thrown).isInstanceOf(ModelHttpException.class);
        ModelHttpException e = (ModelHttpException) thrown;
        assertThat(e.errorType()).contains("redirect_refused");
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("never sends credentials to another host").contains(elsewhere.getHostName());
        assertThat(elsewhere.getRequestCount()).as("requests the redirect target received").isZero();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRedirectWithinTheConfiguredHostIsFollowedWithItsCredentials() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(308).addHeader("Location", "/v2/messages").build());
        server.enqueue(jsonResponse(200, text("anthropic-messages-final-response.json")));

        assertThat(anthropic().build().chat("Hello")).isNotEmpty();

        server.takeRequest();
        RecordedRequest followed = server.takeRequest();
        assertThat(followed.getUrl().encodedPath()).isEqualTo("/v2/messages");
        assertThat(followed.getMethod()).isEqualTo("POST");
        assertThat(followed.getHeaders().get("x-api-key")).isEqualTo(KEY);
        assertThat(followed.getBody().utf8()).contains("Hello");
    }

    /** Everything a user or an operator can see of a failed call. */
    private static String everySurface(Throwable e, ByteArrayOutputStream console, Path traceFile, Object client)
            throws IOException {
        StringWriter stack = new StringWriter();
        e.printStackTrace(new PrintWriter(stack));
        StringBuilder all = new StringBuilder().append(e.getMessage()).append('\n').append(e).append('\n').append(stack)
                .append('\n').append(console.toString(StandardCharsets.UTF_8)).append('\n')
                .append(Files.readString(traceFile)).append('\n').append(client);
        if (e instanceof ModelHttpException http) {
            all.append('\n').append(http.providerMessage().orElse("")).append('\n').append(http.bodyExcerpt());
        }
        return all.toString();
    }

    private String callAndCollectEverySurface(ChatModel model, Path dir) throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path traceFile = dir.resolve("trace.jsonl");
        Throwable e;
        try (JsonLinesTracer jsonl = new JsonLinesTracer(traceFile)) {
            RunConfig config = RunConfig.builder()
                    .callbacks(new ConsoleTracer(new PrintStream(console, true, StandardCharsets.UTF_8)), jsonl).build();
            e = catchThrowable(() -> model.invoke(PromptValue.of("Hello"), config));
        }
        assertThat(e).isInstanceOf(ModelHttpException.class);
        return everySurface(e, console, traceFile, model);
    }

    /** A body echoing the request's credentials, as some servers and proxies do. */
    private static String echo(String wrapper) {
        return wrapper.formatted("key " + KEY + " azure " + AZURE_KEY + " token " + CUSTOM_TOKEN + " query " + QUERY_KEY);
    }

    @Test
    void credentialsEchoedByA401AreMaskedOnEverySurface(@TempDir Path dir) throws IOException {
        server.enqueue(jsonResponse(401, echo("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                + "\"message\":\"invalid credentials, received %s\"}}")));
        ChatModel model = anthropic().baseUrl(baseUrl("/v1") + "?api-key=" + QUERY_KEY).build();

        String seen = callAndCollectEverySurface(model, dir);

        assertThat(seen).contains("authentication_error", "***");
        for (String secret : SECRETS) {
            assertThat(seen).as("every surface").doesNotContain(secret);
        }
    }

    @Test
    void credentialsEchoedByA200ThatIsNotACompletionAreMaskedToo(@TempDir Path dir) throws IOException {
        server.enqueue(jsonResponse(200, echo("{\"proxy\":\"echo\",\"headers\":\"%s\"}")));
        ChatModel model = OpenAiChatModel.builder().baseUrl(baseUrl("/v1") + "?api-key=" + QUERY_KEY).apiKey(KEY)
                .maxRetries(0).header("api-key", AZURE_KEY).header("X-Custom-Token", CUSTOM_TOKEN).build();

        String seen = callAndCollectEverySurface(model, dir);

        assertThat(seen).contains(InvalidResponseException.ERROR_TYPE, "without choices", "\"proxy\":\"echo\"");
        for (String secret : SECRETS) {
            assertThat(seen).as("every surface").doesNotContain(secret);
        }
    }

    @Test
    void aKeyInTheBaseUrlsQueryIsMaskedInTheClientsToString() {
        String url = baseUrl("/openai/deployments/gpt") + "?api-version=2024-10-21&api-key=" + QUERY_KEY;
        assertThat(OpenAiChatModel.builder().baseUrl(url).apiKey(KEY).build().toString())
                .contains("api-version=2024-10-21").doesNotContain(QUERY_KEY).doesNotContain(KEY);
        assertThat(OpenAiEmbeddingModel.builder().baseUrl(url).apiKey(KEY).build().toString()).doesNotContain(QUERY_KEY);
    }

    @Test
    void aPastedKeyIsTrimmedAndInvisibleCharactersAreRefusedWithoutQuotingTheKey() throws InterruptedException {
        server.enqueue(jsonResponse(200, text("anthropic-messages-final-response.json")));
        AnthropicChatModel.builder().baseUrl(baseUrl("/v1")).apiKey(" " + KEY + "\u00a0\n").build().chat("Hello");
        assertThat(server.takeRequest().getHeaders().get("x-api-key")).isEqualTo(KEY);

        String nbspInside = KEY.substring(0, 10) + "\u00a0" + KEY.substring(10);
        assertThatThrownBy(() -> AnthropicChatModel.builder().apiKey(nbspInside))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+00A0").hasMessageContaining("position 11")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY.substring(0, 10)));

        String zeroWidth = KEY.substring(0, 4) + "\u200b" + KEY.substring(4);
        assertThatThrownBy(() -> AnthropicChatModel.builder().apiKey(zeroWidth))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+200B").hasMessageContaining("position 5")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY.substring(4)));

        assertThatThrownBy(() -> OpenAiChatModel.builder().header("api-key", AZURE_KEY + "\u200b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header api-key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(AZURE_KEY));
        assertThat(OpenAiChatModel.builder().header("Authorization", " Bearer " + CUSTOM_TOKEN + " ").apiKey(KEY).build())
                .as("a credential header may have a space inside").isNotNull();
        assertThatThrownBy(() -> OpenAiChatModel.builder().header("X-Trace", "caf\u00e9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position 4")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("caf"));
    }
}
