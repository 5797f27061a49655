package dev.catena.models;

import dev.catena.core.components.RetryPolicy;
import dev.catena.models.internal.ModelHttp;
import dev.catena.models.internal.Provider;
import dev.catena.models.internal.Secret;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The connection settings every HTTP model client shares: base URL, API key, extra headers,
 * timeouts, retries, a rate limiter and, optionally, your own {@link OkHttpClient} (its
 * connection pool, proxy and interceptors are kept).
 *
 * <p>Defaults suit LLMs, whose answers can take minutes: connect 10 s, read (the longest silence
 * between two bytes) 120 s, write 30 s, whole call 10 min; 2 retries (3 attempts) with
 * exponential backoff from 0.5 s to 8 s and 25% jitter, honouring the server's {@code Retry-After}.
 *
 * @param <B> the concrete builder
 */
public abstract class ModelClientBuilder<B extends ModelClientBuilder<B>> {

    private static final OkHttpClient SHARED = new OkHttpClient();

    static {
        // The clients' HTTP layer reads these settings through this hook, so none of them (the
        // API key least of all) needs a public or protected getter.
        ModelHttp.readBuildersWith((settings, provider, path) -> settings.connect(provider, path));
    }

    private String baseUrl;
    private String apiKey;
    private OkHttpClient httpClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(120);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofMinutes(10);
    private RetryPolicy retryPolicy = defaultRetryPolicy(2);
    private RateLimiter rateLimiter;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** For subclasses: the builder of each model client. */
    protected ModelClientBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * The API's base URL, with or without a trailing {@code /} (a bare host gets {@code /v1}).
     *
     * @param value the base URL
     * @return this builder
     */
    public B baseUrl(String value) {
        this.baseUrl = value;
        return self();
    }

    /**
     * The API key; optional for local servers such as Ollama and vLLM.
     *
     * @param value the API key
     * @return this builder
     */
    public B apiKey(String value) {
        this.apiKey = value;
        return self();
    }

    /**
     * Sends these requests through your client (its pool, proxy, interceptors); the timeouts set here still
     * apply.
     *
     * @param value the client to build on
     * @return this builder
     */
    public B httpClient(OkHttpClient value) {
        this.httpClient = Objects.requireNonNull(value, "httpClient");
        return self();
    }

    /**
     * The longest wait for a connection to open.
     *
     * @param value the connect timeout
     * @return this builder
     */
    public B connectTimeout(Duration value) {
        this.connectTimeout = requireNotNegative(value, "connectTimeout");
        return self();
    }

    /**
     * The longest silence between two reads (for a stream: between two chunks).
     *
     * @param value the read timeout
     * @return this builder
     */
    public B readTimeout(Duration value) {
        this.readTimeout = requireNotNegative(value, "readTimeout");
        return self();
    }

    /**
     * The longest wait while sending the request.
     *
     * @param value the write timeout
     * @return this builder
     */
    public B writeTimeout(Duration value) {
        this.writeTimeout = requireNotNegative(value, "writeTimeout");
        return self();
    }

    /**
     * The longest a whole call (a whole stream included) may take; zero for no limit. A
     * {@code RunConfig} deadline shortens it.
     *
     * @param value the call timeout
     * @return this builder
     */
    public B callTimeout(Duration value) {
        this.callTimeout = requireNotNegative(value, "callTimeout");
        return self();
    }

    /**
     * Retries after the first attempt (default 2), with the default backoff.
     *
     * @param value the number of retries, 0 for none
     * @return this builder
     */
    public B maxRetries(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("maxRetries must be zero or more, was " + value);
        }
        this.retryPolicy = defaultRetryPolicy(value);
        return self();
    }

    /**
     * Retries as this policy says (it still obeys each error's own retryable flag and {@code Retry-After}).
     *
     * @param value the retry policy
     * @return this builder
     */
    public B retryPolicy(RetryPolicy value) {
        this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
        return self();
    }

    /**
     * Waits for this (possibly shared) limiter before every request.
     *
     * @param value the rate limiter
     * @return this builder
     */
    public B rateLimiter(RateLimiter value) {
        this.rateLimiter = value;
        return self();
    }

    /**
     * Sends this header on every request (for example {@code OpenAI-Organization}).
     *
     * @param name the header name
     * @param value the header value
     * @return this builder
     */
    public B header(String name, String value) {
        headers.put(Objects.requireNonNull(name, "header name"), Objects.requireNonNull(value, "header value"));
        return self();
    }

    /** The HTTP sender these settings describe, for one provider's endpoint. */
    private ModelHttp connect(Provider provider, String... path) {
        if (provider.requiresApiKey() && (apiKey == null || apiKey.isBlank())) {
            throw new IllegalArgumentException("no API key for " + provider.name() + ": pass .apiKey(...), for example"
                    + " read from an environment variable; only local servers (pick their dialect) run without one");
        }
        HttpUrl.Builder url = normalizeBaseUrl(baseUrl != null ? baseUrl : provider.defaultBaseUrl()).newBuilder();
        for (String segment : path) {
            url.addPathSegment(segment);
        }
        Headers.Builder all = new Headers.Builder();
        provider.headers().forEach(all::set);
        headers.forEach(all::set);
        OkHttpClient client = (httpClient != null ? httpClient : SHARED).newBuilder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(writeTimeout)
                .build();
        return new ModelHttp(provider, url.build(), client, Secret.of(apiKey), all.build(), retryPolicy, rateLimiter,
                callTimeout);
    }

    /**
     * {@return a base URL made joinable: trailing slashes dropped, an endpoint path pasted by mistake
     * ({@code /chat/completions}, {@code /embeddings}, {@code /messages}) dropped, and {@code /v1}
     * added when the URL is a bare host}
     *
     * @param url the base URL as given
     */
    public static HttpUrl normalizeBaseUrl(String url) {
        Objects.requireNonNull(url, "base URL");
        String s = url.trim();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        for (String endpoint : new String[] {"/chat/completions", "/completions", "/embeddings", "/messages"}) {
            if (s.endsWith(endpoint)) {
                s = s.substring(0, s.length() - endpoint.length());
                break;
            }
        }
        HttpUrl parsed = HttpUrl.parse(s);
        if (parsed == null) {
            throw new IllegalArgumentException("base URL '" + url
                    + "' is not an http(s) URL; use for example https://api.openai.com/v1 or http://localhost:11434/v1");
        }
        if (parsed.encodedPath().equals("/")) {
            parsed = parsed.newBuilder().addPathSegment("v1").build();
        }
        return parsed;
    }

    static RetryPolicy defaultRetryPolicy(int retries) {
        return RetryPolicy.builder().maxAttempts(retries + 1).initialDelay(Duration.ofMillis(500))
                .maxDelay(Duration.ofSeconds(8)).jitter(0.25).build();
    }

    private static Duration requireNotNegative(Duration d, String what) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be zero or positive, was " + d);
        }
        return d;
    }
}
