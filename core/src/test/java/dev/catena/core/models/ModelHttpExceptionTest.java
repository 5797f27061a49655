package dev.catena.core.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ModelHttpExceptionTest {

    @Test
    void whatTheProviderLeftOutIsEmptyNotNull() {
        ModelHttpException e = new ModelHttpException("Ollama", 502, null, null, null, null, null, true, null);

        assertThat(e.errorType()).isEmpty();
        assertThat(e.errorCode()).isEmpty();
        assertThat(e.providerMessage()).isEmpty();
        assertThat(e.requestId()).isEmpty();
        assertThat(e.bodyExcerpt()).isEmpty();
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.getMessage()).isEqualTo("Ollama returned HTTP 502; this is temporary, retry later");
    }

    @Test
    void whatTheProviderSaidIsPresent() {
        ModelHttpException e = new ModelHttpException("OpenAI", 429, "insufficient_quota", "quota", "You exceeded",
                "req_1", "{\"error\":{}}", true, Duration.ofSeconds(2));

        assertThat(e.errorType()).contains("insufficient_quota");
        assertThat(e.errorCode()).contains("quota");
        assertThat(e.providerMessage()).contains("You exceeded");
        assertThat(e.requestId()).contains("req_1");
        assertThat(e.bodyExcerpt()).isEqualTo("{\"error\":{}}");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    }
}
