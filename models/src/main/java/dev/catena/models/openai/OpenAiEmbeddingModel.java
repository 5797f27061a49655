package dev.catena.models.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.components.RunConfig;
import dev.catena.core.models.Embedding;
import dev.catena.core.models.EmbeddingModel;
import dev.catena.core.models.TokenCounter;
import dev.catena.models.ModelClientBuilder;
import dev.catena.models.internal.MalformedResponse;
import dev.catena.models.internal.Json;
import dev.catena.models.internal.ModelHttp;
import dev.catena.models.internal.ModelMetadata;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An embedding model behind the OpenAI {@code /embeddings} API (also Ollama, vLLM, DashScope…).
 * Large input lists are split into requests of {@link Builder#batchSize} texts, sent at most
 * {@link Builder#maxConcurrency} at a time, and the vectors come back in input order. Vectors
 * travel as base64 by default (half the bytes of a JSON float list), decoded here; pass a
 * {@link dev.catena.models.RateLimiter} to keep bulk ingestion under the account's limits. Each
 * request's token usage is reported to the run's callbacks, so a run split into several requests
 * reports several times.
 *
 * <pre>{@code
 * EmbeddingModel model = OpenAiEmbeddingModel.builder().apiKey(key).model("text-embedding-3-small").dimensions(256).build();
 * }</pre>
 */
public final class OpenAiEmbeddingModel implements EmbeddingModel {

    /** How vectors travel over the wire. */
    public enum Encoding {
        /** A JSON array of numbers. */
        FLOAT,
        /** Base64 of little-endian 32-bit floats: fewer bytes than the numbers as JSON text. */
        BASE64
    }

    private final ModelHttp http;
    private final String model;
    private final Integer dimensions;
    private final Encoding encoding;
    private final int batchSize;
    private final int maxConcurrency;
    private final Map<String, Object> metadata;

    private OpenAiEmbeddingModel(Builder b) {
        this.model = b.model;
        this.dimensions = b.dimensions;
        this.encoding = b.encoding;
        this.batchSize = b.batchSize;
        this.maxConcurrency = b.maxConcurrency;
        this.http = ModelHttp.connect(b, b.dialect.provider(Map.of()), "embeddings");
        this.metadata = ModelMetadata.of(http.provider(), model).with("dimensions", dimensions).build();
    }

    /** {@return a builder with the defaults documented on its setters and on {@link ModelClientBuilder}} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<Embedding> call(List<String> texts, RunConfig config) {
        if (texts.isEmpty()) {
            return List.of();
        }
        int batches = (texts.size() + batchSize - 1) / batchSize;
        if (batches == 1) {
            return embedBatch(texts, config);
        }
        Semaphore inFlight = new Semaphore(Math.max(1, Math.min(maxConcurrency, config.maxConcurrency())));
        List<CompletableFuture<List<Embedding>>> futures = new ArrayList<>(batches);
        AtomicBoolean failed = new AtomicBoolean();
        for (int start = 0; start < texts.size(); start += batchSize) {
            List<String> batch = texts.subList(start, Math.min(texts.size(), start + batchSize));
            inFlight.acquireUninterruptibly();
            if (failed.get()) {
                break; // a failed batch (a bad key, an exhausted quota) fails the call: sending the rest only costs
            }
            futures.add(CompletableFuture.supplyAsync(() -> embedBatch(batch, config), config.executor())
                    .whenComplete((r, e) -> {
                        if (e != null) {
                            failed.set(true);
                        }
                        inFlight.release();
                    }));
        }
        List<Embedding> all = new ArrayList<>(texts.size());
        try {
            for (CompletableFuture<List<Embedding>> f : futures) {
                all.addAll(f.join());
            }
        } catch (CompletionException e) {
            futures.forEach(f -> f.cancel(false));
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        return all;
    }

    private List<Embedding> embedBatch(List<String> batch, RunConfig config) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", model);
        ArrayNode input = body.putArray("input");
        batch.forEach(input::add);
        body.put("encoding_format", encoding == Encoding.BASE64 ? "base64" : "float");
        if (dimensions != null) {
            body.put("dimensions", dimensions);
        }
        return http.postJson(body, () -> batch.stream().mapToInt(TokenCounter.of("cl100k_base")::count).sum(), config,
                answer -> {
                    // one report per request: a failed batch still cost its tokens
                    config.reportUsage(OpenAiReplies.usage(answer.get("usage")));
                    return vectors(answer, batch.size());
                });
    }

    /**
     * The vectors of an embeddings answer in input order, every one checked: the answer has one per
     * text, each {@code index} is in range and used once, and all vectors have the same length.
     */
    static List<Embedding> vectors(JsonNode answer, int texts) {
        JsonNode data = answer.path("data");
        if (!data.isArray()) {
            throw new MalformedResponse("data is " + OpenAiReplies.kind(data) + ", not a list of embeddings");
        }
        if (data.size() != texts) {
            throw new MalformedResponse(data.size() + " embeddings for " + texts
                    + " texts; the server may cap the batch size, lower batchSize");
        }
        Embedding[] ordered = new Embedding[texts];
        int dimensions = -1;
        for (int i = 0; i < data.size(); i++) {
            JsonNode item = data.get(i);
            JsonNode indexNode = item.path("index");
            if (!indexNode.isMissingNode() && !indexNode.canConvertToExactIntegral()) {
                throw new MalformedResponse("data[" + i + "].index is " + OpenAiReplies.kind(indexNode) + ", not an integer");
            }
            int index = indexNode.isMissingNode() ? i : indexNode.asInt(); // sort by index: order is not promised
            if (index < 0 || index >= ordered.length || ordered[index] != null) {
                throw new MalformedResponse("embedding index " + index + " for a batch of " + texts
                        + " texts (out of range or repeated); the server does not follow the embeddings API");
            }
            float[] vector = vector(item.get("embedding"), i);
            if (dimensions >= 0 && vector.length != dimensions) {
                throw new MalformedResponse("data[" + i + "].embedding has " + vector.length + " dimensions where the"
                        + " ones before had " + dimensions + "; the vectors of one answer must have one length");
            }
            dimensions = vector.length;
            ordered[index] = new Embedding(vector);
        }
        return List.of(ordered);
    }

    /** A vector from a JSON list of numbers, or from base64 of little-endian float32 bytes. */
    static float[] vector(JsonNode node, int position) {
        String where = "data[" + position + "].embedding";
        if (node != null && node.isTextual()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(node.asText());
            } catch (IllegalArgumentException e) {
                throw new MalformedResponse(where + " is not valid base64 (" + e.getMessage() + ")");
            }
            if (bytes.length % Float.BYTES != 0) {
                throw new MalformedResponse(where + " has " + bytes.length + " bytes of base64, not a whole number of"
                        + " 4-byte floats");
            }
            float[] v = new float[bytes.length / Float.BYTES];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            return v;
        }
        if (node == null || !node.isArray()) {
            throw new MalformedResponse(where + " is " + OpenAiReplies.kind(node) + ", neither a list of numbers nor"
                    + " base64; if the server only speaks one encoding, set .encoding(...) to it");
        }
        float[] v = new float[node.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode number = node.get(i);
            if (!number.isNumber()) {
                throw new MalformedResponse(where + "[" + i + "] is " + OpenAiReplies.kind(number) + ", not a number");
            }
            v[i] = (float) number.asDouble();
        }
        return v;
    }

    @Override
    public Map<String, Object> runMetadata() {
        return metadata;
    }

    @Override
    public String name() {
        return "OpenAiEmbeddingModel(" + model + ")";
    }

    /** The server, model and dimensions (never the key). */
    @Override
    public String toString() {
        return "OpenAiEmbeddingModel[" + http.provider() + " " + http.displayUrl() + " model=" + model + " dimensions=" + dimensions + "]";
    }

    /** Builds an {@link OpenAiEmbeddingModel}. */
    public static final class Builder extends ModelClientBuilder<Builder> {
        private OpenAiDialect dialect = OpenAiDialect.OPENAI;
        private String model = "text-embedding-3-small";
        private Integer dimensions;
        private Encoding encoding = Encoding.BASE64;
        private int batchSize = 512;
        private int maxConcurrency = 4;

        private Builder() {
        }

        /**
         * The server's dialect (default OpenAI); sets the default base URL.
         *
         * @param value the dialect
         * @return this builder
         */
        public Builder dialect(OpenAiDialect value) {
            this.dialect = Objects.requireNonNull(value, "dialect");
            return this;
        }

        /**
         * The model name, e.g. "text-embedding-3-small" or "nomic-embed-text".
         *
         * @param value the model name
         * @return this builder
         */
        public Builder model(String value) {
            this.model = Objects.requireNonNull(value, "model");
            return this;
        }

        /**
         * Asks for vectors of this many dimensions (text-embedding-3 models); leave it unset for servers that
         * reject it.
         *
         * @param value the number of dimensions
         * @return this builder
         */
        public Builder dimensions(int value) {
            this.dimensions = value;
            return this;
        }

        /**
         * How vectors travel (default BASE64; some servers only know FLOAT).
         *
         * @param value the encoding
         * @return this builder
         */
        public Builder encoding(Encoding value) {
            this.encoding = Objects.requireNonNull(value, "encoding");
            return this;
        }

        /**
         * Texts per request (default 512; OpenAI allows 2048).
         *
         * @param value the number of texts per request
         * @return this builder
         */
        public Builder batchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, was " + value);
            }
            this.batchSize = value;
            return this;
        }

        /**
         * Requests in flight at once (default 4; the RunConfig's maxConcurrency lowers it).
         *
         * @param value the number of concurrent requests
         * @return this builder
         */
        public Builder maxConcurrency(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + value);
            }
            this.maxConcurrency = value;
            return this;
        }

        /** {@return the client; throws {@link IllegalArgumentException} if a hosted provider gets no API key} */
        public OpenAiEmbeddingModel build() {
            return new OpenAiEmbeddingModel(this);
        }
    }
}
