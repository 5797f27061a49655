package dev.catena.core.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Authorization: Bearer sk-abc123def456ghi789 | Authorization: ***",
            "authorization=Basic dXNlcjpwYXNz | authorization=***",
            "{\"x-api-key\": \"ant-secret-1\", \"model\": \"m\"} | {\"x-api-key\": \"***\", \"model\": \"m\"}",
            "use sk-ant-api03-AbCdEfGhIjKl now | use *** now",
            "header Bearer abcdefghijkl0123 sent | header Bearer *** sent",
            "key AIzaSyA1234567890abcdefghijklmnopqrstuv | key ***",
            "api_key=hunter22hunter | api_key=***",
            "nothing secret: sky-high risk | nothing secret: sky-high risk",
    })
    void masksSecrets(String text, String expected) {
        assertThat(Secrets.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"Authorization, true", "x-api-key, true", "apiKey, true", "OPENAI_API_KEY, true", "password, true",
            "model, false", "tokens, false", "max_tokens, false"})
    void knowsSecretNames(String name, boolean secret) {
        assertThat(Secrets.isSecretName(name)).isEqualTo(secret);
    }
}
