package dev.catena.models.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.components.DeadlineExceededException;
import dev.catena.core.components.RetryPolicy;
import dev.catena.core.components.RunConfig;
import dev.catena.core.models.ModelHttpException;
import dev.catena.models.ModelClientBuilder;
import dev.catena.models.InvalidResponseException;
import dev.catena.models.ModelConnectionException;
import dev.catena.models.RateLimiter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * rate limiter, bounds each attempt by the attempt timeout and the whole call (retries included)
 * by the total timeout and the run's deadline, turns error answers into {@link ModelHttpException}s,
 * answers of the wrong shape into {@link InvalidResponseException}s and connection failures into
 * {@link ModelConnectionException}s, and retries what is retryable with the {@link RetryPolicy}
 * (which honours the server's {@code Retry-After}). Streams are retried only until the server has
 * accepted them.
 *
 * <p>Credentials never leave the configured origin: redirects are followed here, not by OkHttp,
 * and only within the base URL's scheme, host and port; a redirect anywhere else is refused
 * before anything is sent there. Every text taken from an answer is masked with the client's
 * {@link Credentials} before it reaches an exception.
 */
public final class ModelHttp {

    private static final Logger LOG = LoggerFactory.getLogger(ModelHttp.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;
    private static final int EXCERPT_CHARS = 500;
    private static volatile Connector connector;

    private final Provider provider;
    private final HttpUrl url;
    private final OkHttpClient client;
    private final Credentials credentials;
    private final Headers headers;
    private final RetryPolicy retry;
    private final RateLimiter limiter;
    private final Duration attemptTimeout;
    private final Duration totalTimeout;
    private final long maxResponseBytes;

    /** Builds a {@link ModelHttp} from a builder's settings; {@link ModelClientBuilder} is the only one. */
    public interface Connector {
        ModelHttp connect(ModelClientBuilder<?> settings, Provider provider, String... path);
    }

    /** A sender; {@code client}'s own redirect following is switched off here (see the class comment). */
    public ModelHttp(Provider provider, HttpUrl url, OkHttpClient client, Credentials credentials, Headers headers,
                     RetryPolicy retry, RateLimiter limiter, Duration attemptTimeout, Duration totalTimeout,
                     long maxResponseBytes) {
        this.provider = provider;
        this.url = url;
        this.client = client.newBuilder().followRedirects(false).followSslRedirects(false).build();
        this.credentials = credentials;
        this.headers = headers;
        this.retry = retry;
        this.limiter = limiter;
        this.attemptTimeout = attemptTimeout;
        this.totalTimeout = totalTimeout;
        this.maxResponseBytes = maxResponseBytes;
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

    /** The endpoint every request goes to, as it may be shown: credential query values masked. */
    public String displayUrl() {
        return Credentials.display(url);
    }

    Credentials credentials() {
        return credentials;
    }

    /**
     * POSTs the body and returns what {@code reader} makes of the JSON answer, retrying as the policy
     * allows. A reader that finds the answer malformed throws {@link MalformedResponse}; the caller
     * gets an {@link InvalidResponseException} with a masked excerpt of the answer. The token
     * estimate is asked for only when the rate limiter counts tokens (estimating costs time).
     */
    public <T> T postJson(JsonNode body, IntSupplier estimatedTokens, RunConfig config, Function<JsonNode, T> reader) {
        return withRetries(config, estimatedTokens, bounded -> {
            try (Response response = execute(body, bounded).response()) {
                if (!response.isSuccessful()) {
                    throw ProviderErrors.fromResponse(provider(), response, credentials);
                }
                String text = readBounded(response);
                JsonNode json = Json.tryParse(text);
                if (json == null) {
                    throw invalid(response.code(), "the answer was not JSON; check that the base URL points at the API",
                            response.header("x-request-id"), text);
                }
                if (ProviderErrors.isError(json)) {
                    throw ProviderErrors.fromPayload(provider(), json, response.headers(), credentials);
                }
                try {
                    return reader.apply(json);
                } catch (MalformedResponse e) {
                    throw invalid(response.code(), e.getMessage(), response.header("x-request-id"), text);
                }
            } catch (IOException e) {
                throw connectionFailure(e, bounded, true);
            }
        });
    }

    /**
     * The whole body of a successful answer, read only while it stays within the bound: a larger
     * answer is refused before more than the bound (plus one read) is held in memory.
     */
    private String readBounded(Response response) throws IOException {
        okio.BufferedSource source = response.body().source();
        if (source.request(maxResponseBytes + 1)) {
            throw invalid(response.code(), "an answer larger than " + maxResponseBytes + " bytes (maxResponseSize);"
                    + " raise maxResponseSize if such answers are expected", response.header("x-request-id"), "");
        }
        MediaType type = response.body().contentType();
        java.nio.charset.Charset charset = type == null ? null : type.charset();
        return source.getBuffer().readString(charset == null ? java.nio.charset.StandardCharsets.UTF_8 : charset);
    }

    /** The exception for an answer of the wrong shape, with the answer's start, masked, as excerpt and in the message. */
    InvalidResponseException invalid(int status, String reason, String requestId, String answer) {
        String safe = credentials.redact(answer == null ? "" : answer); // before cutting, so no part of an echoed key survives
        String excerpt = safe.length() > EXCERPT_CHARS ? safe.substring(0, EXCERPT_CHARS) + "…" : safe;
        return new InvalidResponseException(provider(), status, credentials.redact(reason)
                + (excerpt.isEmpty() ? "" : "; the answer began: " + excerpt), requestId, excerpt);
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
        return withRetries(config, estimatedTokens, bounded -> {
            Exchange exchange = null;
            try {
                exchange = execute(body, bounded);
                Response response = exchange.response();
                if (!response.isSuccessful()) {
                    try (Response failed = response) {
                        throw ProviderErrors.fromResponse(provider(), failed, credentials);
                    }
                }
                return new OpenStream(this, exchange.call(), response, bounded);
            } catch (IOException e) {
                if (exchange != null) {
                    exchange.response().close();
                }
                throw connectionFailure(e, bounded, true);
            }
        });
    }

    /** The exception for a failed read; {@code retryable} is false once part of an answer was delivered. */
    ModelConnectionException connectionFailure(IOException e, RunConfig config, boolean retryable) {
        String what = e instanceof InterruptedIOException ? "timed out" : "failed (" + e.getClass().getSimpleName() + ")";
        if (config.deadline().isPresent() && Instant.now().isAfter(config.deadline().get())) {
            DeadlineExceededException late = new DeadlineExceededException("the call to " + provider() + " at "
                    + url.redact() + totalTimeoutNote(), config.deadline().get());
            late.initCause(e);
            throw late;
        }
        return new ModelConnectionException("the call to " + provider() + " at " + url.redact() + " " + what
                + ": " + credentials.redact(String.valueOf(e.getMessage()))
                + (retryable ? "; check the base URL and network, or raise the timeouts"
                : "; the stream was interrupted after part of the answer arrived"), e, retryable);
    }

    private String totalTimeoutNote() {
        return totalTimeout.isZero() ? "" : " (totalTimeout " + totalTimeout.toMillis() + " ms)";
    }

    /** One HTTP exchange: the call (to cancel a stream) and its response. */
    private record Exchange(Call call, Response response) {
    }

    /**
     * Sends the request, following redirects within the configured origin only. A redirect to
     * another scheme, host or port is refused before anything is sent there: the request carries
     * the API key and credential headers, and OkHttp would strip only {@code Authorization}.
     */
    private Exchange execute(JsonNode body, RunConfig config) throws IOException {
        Request.Builder request = new Request.Builder().url(url).headers(headers)
                .post(RequestBody.create(Json.write(body), JSON));
        if (credentials.hasApiKey()) {
            request.header(provider.authHeader(), provider.authPrefix() + credentials.apiKey());
        }
        HttpUrl target = url;
        for (int hops = 0; ; hops++) {
            Call call = newCall(request.url(target).build(), config);
            Response response = call.execute();
            if (!REDIRECTS.contains(response.code())) {
                return new Exchange(call, response);
            }
            String location = response.header("Location");
            HttpUrl next = location == null ? null : response.request().url().resolve(location);
            response.close();
            if (next == null) {
                throw new ModelHttpException(provider(), response.code(), "invalid_redirect", null,
                        "a redirect without a usable Location; check the base URL", null, "", false, null);
            }
            if (!sameOrigin(next, url)) {
                throw new ModelHttpException(provider(), response.code(), "redirect_refused", null,
                        "the server redirected the call to " + next.scheme() + "://" + next.host() + ":" + next.port()
                        + "; Catena never sends credentials to another host than the configured "
                        + url.scheme() + "://" + url.host() + ":" + url.port()
                        + ", so the call stopped here. If that host is the right one, make it the base URL",
                        response.header("x-request-id"), "", false, null);
            }
            if (hops == MAX_REDIRECTS) {
                throw new ModelHttpException(provider(), response.code(), "too_many_redirects", null,
                        "more than " + MAX_REDIRECTS + " redirects; check the base URL", null, "", false, null);
            }
            target = next; // same origin: sent again as is (method, body and headers), as for a 307
        }
    }

    private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
    }

    private Call newCall(Request request, RunConfig config) {
        Call call = client.newCall(request);
        Duration timeout = attemptTimeout;
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
        T run(RunConfig bounded);
    }

    /** The run's config with its deadline brought forward to the end of the total timeout, if that comes first. */
    private RunConfig bounded(RunConfig config) {
        if (totalTimeout.isZero()) {
            return config;
        }
        Instant end = Instant.now().plus(totalTimeout);
        if (config.deadline().isPresent() && !config.deadline().get().isAfter(end)) {
            return config;
        }
        return config.toBuilder().deadline(end).build();
    }

    private <T> T withRetries(RunConfig runConfig, IntSupplier estimatedTokens, Attempt<T> attempt) {
        RunConfig config = bounded(runConfig);
        int tokens = limiter != null && limiter.limitsTokens() ? estimatedTokens.getAsInt() : 0;
        for (int n = 1; ; n++) {
            if (config.deadline().isPresent() && config.remaining().orElseThrow().isZero()) {
                throw new DeadlineExceededException("the call to " + provider() + totalTimeoutNote(),
                        config.deadline().get());
            }
            if (limiter != null) {
                limiter.acquire(tokens, config);
            }
            try {
                return attempt.run(config);
            } catch (ModelHttpException | ModelConnectionException e) {
                if (!retry.shouldRetry(e, n)) {
                    throw e;
                }
                Duration delay = retry.delayAfter(e, n);
                if (config.deadline().isPresent() && Instant.now().plus(delay).isAfter(config.deadline().get())) {
                    DeadlineExceededException late = new DeadlineExceededException("retry #" + n + " of the call to "
                            + provider() + " after " + delay.toMillis() + " ms" + totalTimeoutNote(), config.deadline().get());
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
