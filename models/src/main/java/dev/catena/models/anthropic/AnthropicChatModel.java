package dev.catena.models.anthropic;

import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.models.TokenCounter;
import dev.catena.models.ModelClientBuilder;
import dev.catena.models.internal.ModelHttp;
import dev.catena.models.internal.ModelMetadata;
import dev.catena.models.internal.Provider;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A chat model behind Anthropic's Messages API ({@code /v1/messages}), streaming included. System
 * messages become the top-level {@code system}, tool calls and results travel as
 * {@code tool_use} / {@code tool_result} blocks, and {@code thinking} is kept as reasoning.
 * Errors and retries behave as for the OpenAI clients (529 "overloaded" is retried). Token usage
 * (cache reads and writes counted as input) is reported to the run's callbacks.
 *
 * <pre>{@code
 * ChatModel claude = AnthropicChatModel.builder().apiKey(System.getenv("ANTHROPIC_API_KEY"))
 *         .model("claude-haiku-4-5").maxTokens(1024).build();
 * }</pre>
 */
public final class AnthropicChatModel implements ChatModel {

    /** The API version this client speaks. */
    public static final String API_VERSION = "2023-06-01";

    private final ModelHttp http;
    private final AnthropicMessages.Settings settings;
    private final Map<String, Object> metadata;

    private AnthropicChatModel(Builder b) {
        this.settings = new AnthropicMessages.Settings(b.model, b.maxTokens, b.temperature, b.topP, b.stop);
        Provider anthropic = new Provider("Anthropic", "https://api.anthropic.com/v1", true, "x-api-key", "",
                Map.of("anthropic-version", b.version));
        this.http = ModelHttp.connect(b, anthropic, "messages");
        this.metadata = ModelMetadata.of(anthropic.name(), settings.model()).with("max_tokens", settings.maxTokens())
                .with("temperature", settings.temperature()).with("top_p", settings.topP())
                .with("stop", settings.stop()).build();
    }

    /** {@return a builder with the defaults documented on its setters and on {@link ModelClientBuilder}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the model name sent to the server} */
    public String model() {
        return settings.model();
    }

    @Override
    public AiMessage generate(ChatRequest request, RunConfig config) {
        AiMessage reply = http.postJson(AnthropicMessages.request(request, settings, false), () -> estimate(request),
                config, AnthropicMessages::reply);
        reply.usage().ifPresent(config::reportUsage);
        return reply;
    }

    @Override
    public Stream<AiMessage> generateStream(ChatRequest request, RunConfig config) {
        // only the message_stop chunk carries usage, so the run reports it once, with the final output count
        return http.stream(AnthropicMessages.request(request, settings, true), () -> estimate(request), config,
                new AnthropicStream()).peek(chunk -> chunk.usage().ifPresent(config::reportUsage));
    }

    private int estimate(ChatRequest request) {
        // Anthropic's tokenizer is not public; cl100k_base is a close enough estimate for rate limiting
        return TokenCounter.of("cl100k_base").count(request.messages()) + settings.maxTokens();
    }

    @Override
    public Map<String, Object> runMetadata() {
        return metadata;
    }

    @Override
    public String name() {
        return "AnthropicChatModel(" + settings.model() + ")";
    }

    @Override
    public String toString() {
        return "AnthropicChatModel[" + http.displayUrl() + " " + settings + "]";
    }

    /** Builds an {@link AnthropicChatModel}. */
    public static final class Builder extends ModelClientBuilder<Builder> {
        private String model = "claude-haiku-4-5";
        private int maxTokens = 1024;
        private Double temperature;
        private Double topP;
        private List<String> stop;
        private String version = API_VERSION;

        private Builder() {
        }

        /**
         * The model name, e.g. "claude-haiku-4-5" or "claude-sonnet-4-5".
         *
         * @param value the model name
         * @return this builder
         */
        public Builder model(String value) {
            this.model = Objects.requireNonNull(value, "model");
            return this;
        }

        /**
         * The most tokens to generate; Anthropic requires it (default 1024).
         *
         * @param value the token limit
         * @return this builder
         */
        public Builder maxTokens(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxTokens must be at least 1, was " + value);
            }
            this.maxTokens = value;
            return this;
        }

        /**
         * Sampling temperature, 0 to 1.
         *
         * @param value the temperature
         * @return this builder
         */
        public Builder temperature(double value) {
            this.temperature = value;
            return this;
        }

        /**
         * Nucleus sampling: only the most likely tokens whose probabilities add up to this.
         *
         * @param value the cumulative probability, 0 to 1
         * @return this builder
         */
        public Builder topP(double value) {
            this.topP = value;
            return this;
        }

        /**
         * Sequences at which the model stops generating (sent as {@code stop_sequences}).
         *
         * @param values the stop sequences; none null (no arguments to send none)
         * @return this builder
         * @throws NullPointerException if {@code values} or one of them is null
         */
        public Builder stop(String... values) {
            this.stop = stopSequences(values);
            return this;
        }

        /**
         * The {@code anthropic-version} header (default {@value #API_VERSION}).
         *
         * @param value the API version, e.g. "2023-06-01"
         * @return this builder
         */
        public Builder apiVersion(String value) {
            this.version = Objects.requireNonNull(value, "apiVersion");
            return this;
        }

        /** {@return the client; throws {@link IllegalArgumentException} if a hosted provider gets no API key} */
        public AnthropicChatModel build() {
            return new AnthropicChatModel(this);
        }
    }
}
