package dev.catena.models.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.models.TokenCounter;
import dev.catena.models.ModelClientBuilder;
import dev.catena.models.internal.ModelHttp;
import dev.catena.models.internal.ModelMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A chat model behind the OpenAI {@code /chat/completions} API, or any server that speaks it:
 * Ollama, vLLM, llama.cpp, DeepSeek, Qwen (DashScope), Zhipu GLM… Pick the server's
 * {@link OpenAiDialect}; it sets the default base URL and the small differences between servers.
 *
 * <pre>{@code
 * ChatModel gpt = OpenAiChatModel.builder().apiKey(System.getenv("OPENAI_API_KEY")).model("gpt-4o-mini").build();
 * ChatModel local = OpenAiChatModel.builder().dialect(OpenAiDialect.OLLAMA).model("qwen3:8b").build();
 * }</pre>
 *
 * <p>Replies carry text, tool calls, reasoning (kept apart from the text), the finish reason and
 * token usage; the usage is also reported to the run's callbacks
 * ({@link RunConfig#reportUsage}). Streaming sends {@code stream_options.include_usage} where the
 * dialect allows, so streamed calls report usage too. Errors are {@link dev.catena.core.models.ModelHttpException}s (or
 * {@link dev.catena.models.ModelConnectionException}s); retryable ones are retried, see
 * {@link ModelClientBuilder}. Runs carry the provider, model and settings in their metadata.
 */
public final class OpenAiChatModel implements ChatModel {

    private final ModelHttp http;
    private final OpenAiDialect dialect;
    private final OpenAiChatBody.Settings settings;
    private final Map<String, Object> metadata;

    private OpenAiChatModel(Builder b) {
        this.dialect = b.dialect;
        this.settings = new OpenAiChatBody.Settings(b.model, b.temperature, b.topP, b.maxTokens, b.stop, b.seed, b.user,
                b.parallelToolCalls, b.reasoningEffort, Map.copyOf(b.extraBody));
        this.http = ModelHttp.connect(b, dialect.provider(b.organizationHeaders()), "chat", "completions");
        Map<String, Object> extraBody = new LinkedHashMap<>(dialect.extraBody());
        extraBody.putAll(settings.extraBody());
        this.metadata = ModelMetadata.of(dialect.name(), settings.model()).with("temperature", settings.temperature())
                .with("top_p", settings.topP()).with("max_tokens", settings.maxTokens()).with("stop", settings.stop())
                .with("seed", settings.seed()).with("user", settings.user())
                .with("parallel_tool_calls", settings.parallelToolCalls())
                .with("reasoning_effort", settings.reasoningEffort()).with("extra_body", extraBody).build();
    }

    /** {@return a builder with the defaults documented on its setters and on {@link ModelClientBuilder}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the model name sent to the server} */
    public String model() {
        return settings.model();
    }

    /** {@return the dialect this client speaks} */
    public OpenAiDialect dialect() {
        return dialect;
    }

    @Override
    public AiMessage generate(ChatRequest request, RunConfig config) {
        ObjectNode body = OpenAiChatBody.write(request, settings, dialect, false);
        AiMessage reply = http.postJson(body, () -> estimate(request), config, OpenAiReplies::chat);
        reply.usage().ifPresent(config::reportUsage);
        return reply;
    }

    @Override
    public Stream<AiMessage> generateStream(ChatRequest request, RunConfig config) {
        ObjectNode body = OpenAiChatBody.write(request, settings, dialect, true);
        // only the last chunk carries usage, so the run reports it once, when the final count is known
        return http.stream(body, () -> estimate(request), config, new OpenAiChatStream())
                .peek(chunk -> chunk.usage().ifPresent(config::reportUsage));
    }

    private int estimate(ChatRequest request) {
        int prompt = TokenCounter.forModel(settings.model()).count(request.messages());
        return prompt + (settings.maxTokens() == null ? 0 : settings.maxTokens());
    }

    @Override
    public Map<String, Object> runMetadata() {
        return metadata;
    }

    @Override
    public String name() {
        return "OpenAiChatModel(" + settings.model() + ")";
    }

    /** The server, model and generation settings (never the key). */
    @Override
    public String toString() {
        return "OpenAiChatModel[" + dialect.name() + " " + http.displayUrl() + " " + settings + "]";
    }

    /** Builds an {@link OpenAiChatModel}. */
    public static final class Builder extends ModelClientBuilder<Builder> {
        private OpenAiDialect dialect = OpenAiDialect.OPENAI;
        private String model = "gpt-4o-mini";
        private Double temperature;
        private Double topP;
        private Integer maxTokens;
        private List<String> stop;
        private Long seed;
        private String user;
        private Boolean parallelToolCalls;
        private String reasoningEffort;
        private final Map<String, Object> extraBody = new LinkedHashMap<>();
        private String organization;
        private String project;

        private Builder() {
        }

        /**
         * The server's dialect (default {@link OpenAiDialect#OPENAI}); also the default base URL.
         *
         * @param value the dialect
         * @return this builder
         */
        public Builder dialect(OpenAiDialect value) {
            this.dialect = Objects.requireNonNull(value, "dialect");
            return this;
        }

        /**
         * The model name, e.g. "gpt-4o-mini", "deepseek-chat", "qwen-plus", "glm-4-flash", "llama3.2".
         *
         * @param value the model name
         * @return this builder
         */
        public Builder model(String value) {
            this.model = Objects.requireNonNull(value, "model");
            return this;
        }

        /**
         * Sampling temperature; 0 for the most repeatable answers.
         *
         * @param value the temperature, 0 to 2
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
         * The most tokens to generate (sent as max_tokens or max_completion_tokens, as the dialect says).
         *
         * @param value the token limit
         * @return this builder
         */
        public Builder maxTokens(int value) {
            this.maxTokens = value;
            return this;
        }

        /**
         * Sequences at which the model stops generating.
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
         * Asks the server for repeatable sampling (best effort on most servers).
         *
         * @param value the seed
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * An end-user id the provider can use to detect abuse.
         *
         * @param value the end-user id
         * @return this builder
         */
        public Builder user(String value) {
            this.user = Objects.requireNonNull(value, "user; it is unset unless you set it");
            return this;
        }

        /**
         * Whether the model may call several tools in one turn (sent only where the dialect accepts it).
         *
         * @param value true to allow several tool calls in one turn
         * @return this builder
         */
        public Builder parallelToolCalls(boolean value) {
            this.parallelToolCalls = value;
            return this;
        }

        /**
         * For reasoning models: "minimal", "low", "medium" or "high" (Ollama also "none").
         *
         * @param value the effort
         * @return this builder
         */
        public Builder reasoningEffort(String value) {
            this.reasoningEffort = Objects.requireNonNull(value, "reasoningEffort; it is unset unless you set it");
            return this;
        }

        /**
         * A field added to every request body, e.g. {@code extraBody("enable_thinking", false)} for Qwen.
         *
         * @param field the body field's name
         * @param value its value, serialized as JSON
         * @return this builder
         */
        public Builder extraBody(String field, Object value) {
            this.extraBody.put(Objects.requireNonNull(field, "field"), value);
            return this;
        }

        /**
         * Sends the {@code OpenAI-Organization} header.
         *
         * @param value the organization id
         * @return this builder
         */
        public Builder organization(String value) {
            this.organization = Objects.requireNonNull(value, "organization; it is unset unless you set it");
            return this;
        }

        /**
         * Sends the {@code OpenAI-Project} header.
         *
         * @param value the project id
         * @return this builder
         */
        public Builder project(String value) {
            this.project = Objects.requireNonNull(value, "project; it is unset unless you set it");
            return this;
        }

        private Map<String, String> organizationHeaders() {
            Map<String, String> headers = new LinkedHashMap<>();
            if (organization != null) {
                headers.put("OpenAI-Organization", organization);
            }
            if (project != null) {
                headers.put("OpenAI-Project", project);
            }
            return headers;
        }

        /** {@return the client; throws {@link IllegalArgumentException} if a hosted provider gets no API key} */
        public OpenAiChatModel build() {
            return new OpenAiChatModel(this);
        }
    }
}
