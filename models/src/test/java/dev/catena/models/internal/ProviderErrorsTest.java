package dev.catena.models.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class ProviderErrorsTest {

    @Test
    void readsRetryAfterMsBeforeRetryAfter() {
        assertThat(ProviderErrors.retryAfter(Headers.of("retry-after-ms", "250", "retry-after", "9"), null))
                .isEqualTo(Duration.ofMillis(250));
        assertThat(ProviderErrors.retryAfter(Headers.of("retry-after", "1.5"), null)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void readsRetryAfterAsAnHttpDate() {
        String in30s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        Duration d = ProviderErrors.retryAfter(Headers.of("retry-after", in30s), null);
        assertThat(d).isBetween(Duration.ofSeconds(27), Duration.ofSeconds(31));
    }

    @Test
    void readsTheWaitFromOpenAisMessageWhenNoHeaderSaysIt() {
        String message = Json.tryParse(text("openai-error-429-rate-limit.json")).at("/error/message").asText();
        assertThat(ProviderErrors.retryAfter(Headers.of(), message)).isEqualTo(Duration.ofMillis(456));
        assertThat(ProviderErrors.retryAfter(Headers.of(), "Please try again in 2s.")).isEqualTo(Duration.ofSeconds(2));
        assertThat(ProviderErrors.retryAfter(Headers.of(), "nothing here")).isNull();
    }

    @Test
    void classifiesByBodyAndHeadersNotOnlyStatus() {
        assertThat(ProviderErrors.retryable(429, "tokens", "rate_limit_exceeded", Headers.of(), null, true)).isTrue();
        assertThat(ProviderErrors.retryable(429, "insufficient_quota", null, Headers.of(), null, true)).isFalse();
        assertThat(ProviderErrors.retryable(429, "invalid_request_error", "credit_balance_exhausted", Headers.of(), null, true)).isFalse();
        assertThat(ProviderErrors.retryable(529, "overloaded_error", null, Headers.of(), null, true)).isTrue();
        assertThat(ProviderErrors.retryable(408, null, null, Headers.of(), null, true)).isTrue();
        assertThat(ProviderErrors.retryable(409, null, null, Headers.of(), null, true)).isTrue();
        for (int status : new int[] {400, 401, 403, 404, 422}) {
            assertThat(ProviderErrors.retryable(status, null, null, Headers.of(), null, true)).as("%s", status).isFalse();
        }
        assertThat(ProviderErrors.retryable(400, null, null, Headers.of("x-should-retry", "true"), null, true)).isTrue();
        assertThat(ProviderErrors.retryable(503, null, null, Headers.of("x-should-retry", "false"), null, true)).isFalse();
        assertThat(ProviderErrors.retryable(429, null, null, Headers.of(), Duration.ofSeconds(121), true))
                .as("a wait over two minutes is not worth retrying").isFalse();
    }

    private static String text(String name) {
        try {
            return new String(ProviderErrorsTest.class.getResourceAsStream("/wire/" + name).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
