package dev.catena.models.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.models.LanguageModel;
import dev.catena.core.models.TokenCounter;
import dev.catena.models.ModelClientBuilder;
import dev.catena.models.ModelConnectionException;
import dev.catena.models.internal.EventStreams;
import dev.catena.models.internal.Json;
import dev.catena.models.internal.ModelHttp;
import dev.catena.models.internal.ModelMetadata;
import dev.catena.models.internal.OpenStream;
import dev.catena.models.internal.SseEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A text-completion model behind the OpenAI {@code /completions} API: text in, text out, as
 * LangChain's {@code OpenAI(model_name=...)}. The text carries no usage, so the client reports
 * the server's token usage to the run's callbacks ({@link RunConfig#reportUsage}); streamed calls
 * ask for it with {@code stream_options.include_usage} where the dialect allows. Use it for instruct models (gpt-3.5-turbo-instruct,
 * or base models served by vLLM / llama.cpp); chat models go through {@link OpenAiChatModel}.
 *
 * <pre>{@code
 * LanguageModel llm = OpenAiLanguageModel.builder().apiKey(key).model("gpt-3.5-turbo-instruct").build();
 * String text = llm.generate("Explain the concept of regularization in couple of lines");
 * }</pre>
 */
public final class OpenAiLanguageModel implements LanguageModel {

    private final ModelHttp http;
    private final String model;
    private final Double temperature;
    private final Integer maxTokens;
    private final List<String> stop;
    private final OpenAiDialect dialect;
    private final Map<String, Object> metadata;

    private OpenAiLanguageModel(Builder b) {
        this.dialect = b.dialect;
        this.model = b.model;
        this.temperature = b.temperature;
        this.maxTokens = b.maxTokens;
        this.stop = b.stop;
        this.http = ModelHttp.connect(b, dialect.provider(Map.of()), "completions");
        this.metadata = ModelMetadata.of(dialect.name(), model).with("temperature", temperature)
                .with("max_tokens", maxTokens).with("stop", stop).with("extra_body", dialect.extraBody()).build();
    }

    /** {@return a builder with the defaults documented on its setters and on {@link ModelClientBuilder}} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String complete(String prompt, RunConfig config) {
        return http.postJson(body(prompt, false), () -> estimate(prompt), config, answer -> {
            config.reportUsage(OpenAiReplies.usage(answer.get("usage"))); // spent even if the answer is malformed
            return OpenAiReplies.completionText(answer);
        });
    }

    @Override
    public Stream<String> completeStream(String prompt, RunConfig config) {
        return http.stream(body(prompt, true), () -> estimate(prompt), config, new Decoder(config));
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
            if (dialect.streamUsage()) {
                body.putObject("stream_options").put("include_usage", true);
            }
        }
        dialect.extraBody().forEach((k, v) -> body.set(k, Json.MAPPER.valueToTree(v)));
        return body;
    }

    private int estimate(String prompt) {
        return TokenCounter.forModel(model).count(prompt) + (maxTokens == null ? 0 : maxTokens);
    }

    /**
     * Text deltas of a streamed completion; the end without a finish reason is an error. The usage
     * comes in its own chunk ({@code "choices": []}) or on the last one, and is reported once, at
     * the end, since the chunks are plain strings that cannot carry it.
     */
    private static final class Decoder implements EventStreams.Decoder<String> {
        private final RunConfig config;
        private boolean finished;
        private TokenUsage usage;

        Decoder(RunConfig config) {
            this.config = config;
        }

        @Override
        public boolean onEvent(SseEvent event, OpenStream stream, Consumer<String> out) {
            if (event.data().startsWith("[DONE]")) {
                config.reportUsage(usage);
                if (!finished) {
                    throw OpenAiChatStream.doneWithoutFinishReason(stream);
                }
                return false;
            }
            JsonNode chunk = stream.payload(event);
            JsonNode usageNode = chunk.get("usage");
            if (usageNode != null && usageNode.isObject()) {
                usage = OpenAiReplies.usage(usageNode);
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
                throw new ModelConnectionException("the " + stream.provider() + " stream ended before the completion"
                        + " was finished; the server or a proxy closed the connection, try again", null, false);
            }
            config.reportUsage(usage); // a server that closes without [DONE]
        }
    }

    @Override
    public Map<String, Object> runMetadata() {
        return metadata;
    }

    @Override
    public String name() {
        return "OpenAiLanguageModel(" + model + ")";
    }

    /** The server, model and generation settings (never the key). */
    @Override
    public String toString() {
        return "OpenAiLanguageModel[" + dialect.name() + " " + http.displayUrl() + " model=" + model + " temperature=" + temperature
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
         * The model name, e.g. "gpt-3.5-turbo-instruct" or a base model served by vLLM.
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
         * The most tokens to generate.
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

        /** {@return the client; throws {@link IllegalArgumentException} if a hosted provider gets no API key} */
        public OpenAiLanguageModel build() {
            return new OpenAiLanguageModel(this);
        }
    }
}
