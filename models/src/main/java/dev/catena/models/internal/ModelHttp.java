package dev.catena.models.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.components.DeadlineExceededException;
import dev.catena.core.components.RetryPolicy;
import dev.catena.core.components.RunConfig;
import dev.catena.core.models.ModelHttpException;
import dev.catena.models.ModelClientBuilder;
import dev.catena.models.ModelConnectionException;
import dev.catena.models.RateLimiter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends JSON requests to one provider's endpoint: adds the auth and fixed headers, waits for the
 * rate limiter, bounds each call by the whole-call timeout and the run's deadline, turns error
 * answers into {@link ModelHttpException}s and connection failures into
 * {@link ModelConnectionException}s, and retries what is retryable with the {@link RetryPolicy}
 * (which honours the server's {@code Retry-After}). Streams are retried only until the server has
 * accepted them.
 */
public final class ModelHttp {

    private static final Logger LOG = LoggerFactory.getLogger(ModelHttp.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static volatile Connector connector;

    private final Provider provider;
    private final HttpUrl url;
    private final OkHttpClient client;
    private final Secret secret;
    private final Headers headers;
    private final RetryPolicy retry;
    private final RateLimiter limiter;
    private final Duration callTimeout;

    /** Builds a {@link ModelHttp} from a builder's settings; {@link ModelClientBuilder} is the only one. */
    public interface Connector {
        ModelHttp connect(ModelClientBuilder<?> settings, Provider provider, String... path);
    }

    public ModelHttp(Provider provider, HttpUrl url, OkHttpClient client, Secret secret, Headers headers,
                     RetryPolicy retry, RateLimiter limiter, Duration callTimeout) {
        this.provider = provider;
        this.url = url;
        this.client = client;
        this.secret = secret;
        this.headers = headers;
        this.retry = retry;
        this.limiter = limiter;
        this.callTimeout = callTimeout;
    }

    /**
     * Registers how builders are read. {@link ModelClientBuilder} calls it once, so that its settings
     * (the API key among them) reach this class without a public or protected getter.
     */
    public static synchronized void readBuildersWith(Connector value) {
        if (connector != null) {
            throw new IllegalStateException("builders are already read by " + connector);
        }
        connector = Objects.requireNonNull(value, "connector");
    }

    /** The sender for a client built with these settings, posting to the base URL plus {@code path}. */
    public static ModelHttp connect(ModelClientBuilder<?> settings, Provider provider, String... path) {
        return connector.connect(settings, provider, path);
    }

    public String provider() {
        return provider.name();
    }

    /** The endpoint every request goes to. */
    public HttpUrl url() {
        return url;
    }

    Secret secret() {
        return secret;
    }

    /**
     * POSTs the body and returns the parsed JSON answer, retrying as the policy allows. The token
     * estimate is asked for only when the rate limiter counts tokens (estimating costs time).
     */
    public JsonNode postJson(JsonNode body, IntSupplier estimatedTokens, RunConfig config) {
        return withRetries(config, estimatedTokens, () -> {
            Call call = newCall(body, config);
            try (Response response = call.execute()) {
                if (!response.isSuccessful()) {
                    throw ProviderErrors.fromResponse(provider(), response, secret);
                }
                String text = response.body().string();
                JsonNode json = Json.tryParse(text);
                if (json == null) {
                    String safe = secret.redact(text); // before cutting, so no part of an echoed key survives
                    throw new ModelHttpException(provider(), response.code(), "invalid_response", null,
                            "the answer was not JSON; check that the base URL points at the API", response.header("x-request-id"),
                            safe.length() > 500 ? safe.substring(0, 500) : safe, false, null);
                }
                if (ProviderErrors.isError(json)) {
                    throw ProviderErrors.fromPayload(provider(), json, response.headers(), secret);
                }
                return json;
            } catch (IOException e) {
                throw connectionFailure(e, config, true);
            }
        });
    }

    /**
     * POSTs the body and streams the answer's events through the decoder, lazily: the call is made
     * when the first chunk is pulled, and closing the stream cancels it.
     */
    public <T> Stream<T> stream(JsonNode body, IntSupplier estimatedTokens, RunConfig config, EventStreams.Decoder<T> decoder) {
        return EventStreams.stream(() -> postStream(body, estimatedTokens, config), decoder);
    }

    /** POSTs the body and returns the open event stream once the server has accepted it. */
    private OpenStream postStream(JsonNode body, IntSupplier estimatedTokens, RunConfig config) {
        return withRetries(config, estimatedTokens, () -> {
            Call call = newCall(body, config);
            Response response = null;
            try {
                response = call.execute();
                if (!response.isSuccessful()) {
                    try (Response failed = response) {
                        throw ProviderErrors.fromResponse(provider(), failed, secret);
                    }
                }
                return new OpenStream(this, call, response, config);
            } catch (IOException e) {
                if (response != null) {
                    response.close();
                }
                throw connectionFailure(e, config, true);
            }
        });
    }

    /** The exception for a failed read; {@code retryable} is false once part of an answer was delivered. */
    ModelConnectionException connectionFailure(IOException e, RunConfig config, boolean retryable) {
        String what = e instanceof InterruptedIOException ? "timed out" : "failed (" + e.getClass().getSimpleName() + ")";
        if (config.deadline().isPresent() && Instant.now().isAfter(config.deadline().get())) {
            DeadlineExceededException late = new DeadlineExceededException("the call to " + provider() + " at "
                    + url.redact(), config.deadline().get());
            late.initCause(e);
            throw late;
        }
        return new ModelConnectionException("the call to " + provider() + " at " + url.redact() + " " + what
                + ": " + secret.redact(String.valueOf(e.getMessage()))
                + (retryable ? "; check the base URL and network, or raise the timeouts"
                : "; the stream was interrupted after part of the answer arrived"), e, retryable);
    }

    private Call newCall(JsonNode body, RunConfig config) {
        Request.Builder request = new Request.Builder().url(url).headers(headers)
                .post(RequestBody.create(Json.write(body), JSON));
        if (secret.isPresent()) {
            request.header(provider.authHeader(), provider.authPrefix() + secret.reveal());
        }
        Call call = client.newCall(request.build());
        Duration timeout = callTimeout;
        Optional<Duration> remaining = config.remaining();
        if (remaining.isPresent() && (timeout.isZero() || remaining.get().compareTo(timeout) < 0)) {
            timeout = remaining.get();
        }
        if (!timeout.isZero()) {
            call.timeout().timeout(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        }
        return call;
    }

    private interface Attempt<T> {
        T run();
    }

    private <T> T withRetries(RunConfig config, IntSupplier estimatedTokens, Attempt<T> attempt) {
        int tokens = limiter != null && limiter.limitsTokens() ? estimatedTokens.getAsInt() : 0;
        for (int n = 1; ; n++) {
            if (config.deadline().isPresent() && config.remaining().orElseThrow().isZero()) {
                throw new DeadlineExceededException("the call to " + provider(), config.deadline().get());
            }
            if (limiter != null) {
                limiter.acquire(tokens, config);
            }
            try {
                return attempt.run();
            } catch (ModelHttpException | ModelConnectionException e) {
                if (!retry.shouldRetry(e, n)) {
                    throw e;
                }
                Duration delay = retry.delayAfter(e, n);
                if (config.deadline().isPresent() && Instant.now().plus(delay).isAfter(config.deadline().get())) {
                    DeadlineExceededException late = new DeadlineExceededException("retry #" + n + " of the call to "
                            + provider() + " after " + delay.toMillis() + " ms", config.deadline().get());
                    late.addSuppressed(e);
                    throw late;
                }
                LOG.debug("{} call to {} failed ({}); retry {} of {} in {} ms", provider(), url.redact(), e.getMessage(),
                        n, retry.maxAttempts() - 1, delay.toMillis());
                try {
                    retry.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(interrupted);
                    throw e;
                }
            }
        }
    }
}
