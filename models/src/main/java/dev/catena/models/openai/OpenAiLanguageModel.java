package dev.catena.models.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.LanguageModel;
import dev.catena.core.RunConfig;
import dev.catena.core.TokenCounter;
import dev.catena.models.ModelClientBuilder;
import dev.catena.models.ModelConnectionException;
import dev.catena.models.internal.EventStreams;
import dev.catena.models.internal.Json;
import dev.catena.models.internal.ModelHttp;
import dev.catena.models.internal.OpenStream;
import dev.catena.models.internal.ProviderErrors;
import dev.catena.models.internal.SseEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.HttpUrl;

/**
 * A text-completion model behind the OpenAI {@code /completions} API: text in, text out, as
 * LangChain's {@code OpenAI(model_name=...)}. Use it for instruct models (gpt-3.5-turbo-instruct,
 * or base models served by vLLM / llama.cpp); chat models go through {@link OpenAiChatModel}.
 *
 * <pre>{@code
 * LanguageModel llm = OpenAiLanguageModel.builder().apiKey(key).model("gpt-3.5-turbo-instruct").build();
 * String text = llm.generate("Explain the concept of regularization in couple of lines");
 * }</pre>
 */
public final class OpenAiLanguageModel implements LanguageModel {

    private final ModelHttp http;
    private final HttpUrl url;
    private final String model;
    private final Double temperature;
    private final Integer maxTokens;
    private final List<String> stop;
    private final OpenAiDialect dialect;

    private OpenAiLanguageModel(Builder b) {
        this.dialect = b.dialect;
        if (dialect.requiresApiKey() && !b.hasKey()) {
            throw new IllegalArgumentException("no API key for " + dialect.name() + ": pass .apiKey(...)");
        }
        this.model = b.model;
        this.temperature = b.temperature;
        this.maxTokens = b.maxTokens;
        this.stop = b.stop;
        this.url = ModelClientBuilder.normalizeBaseUrl(b.baseUrlOr(dialect.defaultBaseUrl())).newBuilder()
                .addPathSegment("completions").build();
        this.http = b.buildHttp();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String complete(String prompt, RunConfig config) {
        JsonNode answer = http.postJson(url, body(prompt, false), estimate(prompt), config);
        JsonNode choice = answer.path("choices").path(0);
        if (choice.isMissingNode()) {
            throw new ModelConnectionException(dialect.name() + " answered without choices", null, false);
        }
        return choice.path("text").asText("");
    }

    @Override
    public Stream<String> completeStream(String prompt, RunConfig config) {
        ObjectNode body = body(prompt, true);
        return EventStreams.stream(() -> http.postStream(url, body, estimate(prompt), config), new Decoder());
    }

    private ObjectNode body(String prompt, boolean stream) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", model);
        body.put("prompt", prompt);
        if (temperature != null) {
            body.put("temperature", temperature);
        }
        if (maxTokens != null) {
            body.put("max_tokens", maxTokens);
        }
        if (stop != null && !stop.isEmpty()) {
            ArrayNode s = body.putArray("stop");
            stop.forEach(s::add);
        }
        if (stream) {
            body.put("stream", true);
        }
        dialect.extraBody().forEach((k, v) -> body.set(k, Json.MAPPER.valueToTree(v)));
        return body;
    }

    private int estimate(String prompt) {
        return http.countsTokens() ? TokenCounter.forModel(model).count(prompt) + (maxTokens == null ? 0 : maxTokens) : 0;
    }

    /** Text deltas of a streamed completion; the end without a finish reason is an error. */
    private final class Decoder implements EventStreams.Decoder<String> {
        private boolean finished;

        @Override
        public boolean onEvent(SseEvent event, OpenStream stream, Consumer<String> out) {
            if (event.data().startsWith("[DONE]")) {
                return false;
            }
            JsonNode chunk;
            try {
                chunk = Json.MAPPER.readTree(event.data());
            } catch (IOException e) {
                throw new ModelConnectionException(dialect.name() + " sent a stream event that is not JSON", e, false);
            }
            if (ProviderErrors.isError(chunk)) {
                throw ProviderErrors.fromPayload(dialect.name(), chunk, stream.headers(), http.secret());
            }
            JsonNode choice = chunk.path("choices").path(0);
            String text = choice.path("text").asText("");
            if (!text.isEmpty()) {
                out.accept(text);
            }
            if (!choice.path("finish_reason").isMissingNode() && !choice.path("finish_reason").isNull()) {
                finished = true;
            }
            return true;
        }

        @Override
        public void onEnd(OpenStream stream, Consumer<String> out) {
            if (!finished) {
                throw new ModelConnectionException("the " + dialect.name()
                        + " stream ended before the completion was finished; try again", null, false);
            }
        }
    }

    @Override
    public String name() {
        return "OpenAiLanguageModel(" + model + ")";
    }

    @Override
    public String toString() {
        return "OpenAiLanguageModel[" + dialect.name() + " " + url + " model=" + model + " temperature=" + temperature
                + " maxTokens=" + maxTokens + " stop=" + stop + "]";
    }

    /** Builds an {@link OpenAiLanguageModel}. */
    public static final class Builder extends ModelClientBuilder<Builder> {
        private OpenAiDialect dialect = OpenAiDialect.OPENAI;
        private String model = "gpt-3.5-turbo-instruct";
        private Double temperature;
        private Integer maxTokens;
        private List<String> stop;

        private Builder() {
        }

        public Builder dialect(OpenAiDialect value) {
            this.dialect = Objects.requireNonNull(value, "dialect");
            return this;
        }

        public Builder model(String value) {
            this.model = Objects.requireNonNull(value, "model");
            return this;
        }

        public Builder temperature(double value) {
            this.temperature = value;
            return this;
        }

        public Builder maxTokens(int value) {
            this.maxTokens = value;
            return this;
        }

        public Builder stop(String... values) {
            this.stop = List.of(values);
            return this;
        }

        String baseUrlOr(String fallback) {
            return baseUrlOrNull() != null ? baseUrlOrNull() : fallback;
        }

        boolean hasKey() {
            return hasApiKey();
        }

        ModelHttp buildHttp() {
            return http(dialect.name(), "Authorization", "Bearer ", Map.of());
        }

        public OpenAiLanguageModel build() {
            return new OpenAiLanguageModel(this);
        }
    }
}
