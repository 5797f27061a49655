package dev.catena.models;

import dev.catena.core.components.RetryPolicy;
import dev.catena.models.internal.ModelHttp;
import dev.catena.models.internal.Provider;
import dev.catena.models.internal.Credentials;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
 * between two bytes) 120 s, write 30 s, each attempt ({@link #callTimeout}) 10 min, no total limit
 * over all attempts ({@link #totalTimeout}); 2 retries (3 attempts) with exponential backoff from
 * 0.5 s to 8 s and 25% jitter, honouring the server's {@code Retry-After}.
 *
 * <p>Credentials (the API key, credential headers, credential query parameters of the base URL)
 * are checked when set, masked in every message, trace and {@code toString}, and never sent to
 * another host than the base URL's: a redirect to another scheme, host or port fails the call
 * with a {@link dev.catena.core.models.ModelHttpException} of type {@code redirect_refused}.
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
    private Duration totalTimeout = Duration.ZERO;
    private long maxResponseSize = 128L * 1024 * 1024;
    private RetryPolicy retryPolicy = defaultRetryPolicy(2);
    private RateLimiter rateLimiter;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** For a provider's builder; every setting starts at the defaults in the class comment. */
    protected ModelClientBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * The API's base URL, with or without a trailing {@code /} (a bare host gets {@code /v1}).
     * Unset, the provider's default is used.
     *
     * @param value the base URL, normalised as {@link #normalizeBaseUrl} says when the client is built
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public B baseUrl(String value) {
        this.baseUrl = Objects.requireNonNull(value, "baseUrl; leave it unset for the provider's default");
        return self();
    }

    /**
     * The API key; optional for local servers such as Ollama and vLLM. Whitespace around it (a
     * trailing newline or no-break space from a copy and paste) is trimmed; any other invisible or
     * non-ASCII character is refused with an {@link IllegalArgumentException} naming its position,
     * never the key.
     *
     * @param value the API key
     * @return this builder
     * @throws IllegalArgumentException if the key is null, blank or has an invisible or non-ASCII character
     */
    public B apiKey(String value) {
        if (value == null) {
            throw new IllegalArgumentException("the API key is null (is its environment variable set?); a local"
                    + " server that needs no key: do not call apiKey(...)");
        }
        this.apiKey = Credentials.checkKey(value, "the API key");
        return self();
    }

    /**
     * Sends these requests through your client (its pool, proxy, interceptors); the timeouts set here still apply.
     * Unset, a client shared by every model in the process is used.
     *
     * @param value the client to derive this model's client from
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public B httpClient(OkHttpClient value) {
        this.httpClient = Objects.requireNonNull(value, "httpClient");
        return self();
    }

    /**
     * The longest wait for a connection to open.
     *
     * @param value the timeout; zero for none
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is null or negative
     */
    public B connectTimeout(Duration value) {
        this.connectTimeout = requireNotNegative(value, "connectTimeout");
        return self();
    }

    /**
     * The longest silence between two reads (for a stream: between two chunks).
     *
     * @param value the timeout; zero for none
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is null or negative
     */
    public B readTimeout(Duration value) {
        this.readTimeout = requireNotNegative(value, "readTimeout");
        return self();
    }

    /**
     * The longest wait while sending the request.
     *
     * @param value the timeout; zero for none
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is null or negative
     */
    public B writeTimeout(Duration value) {
        this.writeTimeout = requireNotNegative(value, "writeTimeout");
        return self();
    }

    /**
     * The longest one attempt may take (a whole stream included), as OkHttp's call timeout; each
     * retry gets this much again. Zero for no limit. To bound the whole call, retries and their
     * waits included, use {@link #totalTimeout}; a {@code RunConfig} deadline shortens both.
     *
     * @param value the limit per attempt; zero for none
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is null or negative
     */
    public B callTimeout(Duration value) {
        this.callTimeout = requireNotNegative(value, "callTimeout");
        return self();
    }

    /**
     * The longest a whole call may take, every attempt and every wait between retries included
     * (default zero: no limit beyond {@link #callTimeout} per attempt). Past it the call fails with
     * a {@link dev.catena.core.components.DeadlineExceededException}; a retry that could not finish
     * in time is not started. A {@code RunConfig} deadline that comes earlier wins.
     *
     * @param value the limit for the whole call; zero for none
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is null or negative
     */
    public B totalTimeout(Duration value) {
        this.totalTimeout = requireNotNegative(value, "totalTimeout");
        return self();
    }

    /**
     * The largest answer read (default 128 MiB): a bigger non-streamed answer fails the call with an
     * {@link InvalidResponseException} before more is held in memory. Streams are bounded per line
     * (4 MiB) and per event (16 Mi characters) instead, since a stream may rightly run long.
     *
     * @param bytes the largest non-streamed answer body, in bytes; at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is below 1
     */
    public B maxResponseSize(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("maxResponseSize must be at least 1 byte, was " + bytes);
        }
        this.maxResponseSize = bytes;
        return self();
    }

    /**
     * Retries after the first attempt (default 2), with the default backoff. Replaces a policy set
     * with {@link #retryPolicy}.
     *
     * @param value the number of retries; zero for a single attempt
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is negative
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
     * @param value the policy; replaces the one {@link #maxRetries} set
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public B retryPolicy(RetryPolicy value) {
        this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
        return self();
    }

    /**
     * Waits for this (possibly shared) limiter before every request.
     *
     * @param value the limiter
     * @return this builder
     * @throws NullPointerException if {@code value} is null (use {@link #noRateLimiter()} instead)
     */
    public B rateLimiter(RateLimiter value) {
        this.rateLimiter = Objects.requireNonNull(value, "rateLimiter; call noRateLimiter() to send without one");
        return self();
    }

    /**
     * Sends without a rate limiter (the default).
     *
     * @return this builder
     */
    public B noRateLimiter() {
        this.rateLimiter = null;
        return self();
    }

    /**
     * Sends this header on every request (for example {@code OpenAI-Organization}, or Azure's
     * {@code api-key}). A header whose name says it is a credential (it contains {@code auth},
     * {@code key}, {@code token}, {@code secret}, {@code password}, {@code sig}, {@code credential}
     * or {@code cookie}) is checked and trimmed as {@link #apiKey} is and masked everywhere. A value
     * with a character HTTP does not allow in a header is refused, naming its position, not the value.
     * Setting a header again replaces its value.
     *
     * @param name the header name, a valid HTTP token
     * @param value the header value
     * @return this builder
     * @throws NullPointerException if {@code name} or {@code value} is null
     * @throws IllegalArgumentException if the name or the value has a character HTTP does not allow
     */
    public B header(String name, String value) {
        Objects.requireNonNull(name, "header name");
        Objects.requireNonNull(value, "header value");
        if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ':')) {
            throw new IllegalArgumentException("header name '" + name + "' is not a valid HTTP header name");
        }
        if (Credentials.isCredentialName(name)) {
            value = Credentials.checkHeaderCredential(value, "header " + name);
        } else {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                    throw new IllegalArgumentException("header " + name + " has a character HTTP does not allow ("
                            + String.format(java.util.Locale.ROOT, "U+%04X", (int) c) + ") at position " + (i + 1)
                            + " of its value");
                }
            }
        }
        headers.put(name, value);
        return self();
    }

    /** The HTTP sender these settings describe, for one provider's endpoint. */
    private ModelHttp connect(Provider provider, String... path) {
        if (provider.requiresApiKey() && apiKey == null) {
            throw new IllegalArgumentException("no API key for " + provider.name() + ": pass .apiKey(...), for example"
                    + " read from an environment variable; only local servers (pick their dialect) run without one");
        }
        HttpUrl base = normalizeBaseUrl(baseUrl != null ? baseUrl : provider.defaultBaseUrl());
        HttpUrl.Builder url = base.newBuilder();
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
        return new ModelHttp(provider, url.build(), client, Credentials.of(apiKey, headers, base), all.build(), retryPolicy,
                rateLimiter, callTimeout, totalTimeout, maxResponseSize);
    }

    /**
     * A base URL made joinable: trailing slashes dropped, an endpoint path pasted by mistake
     * ({@code /chat/completions}, {@code /embeddings}, {@code /messages}) dropped, and {@code /v1}
     * added when the URL is a bare host.
     *
     * @param url the base URL as given
     * @return the parsed, normalised URL
     * @throws IllegalArgumentException if {@code url} is not an http(s) URL
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
            throw new IllegalArgumentException("base URL '" + Credentials.withoutQuery(url)
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

    /**
     * Checks the stop sequences a client's {@code stop(...)} setter was given.
     *
     * @param values the stop sequences, none null; none at all sends no stop sequence
     * @return an unmodifiable copy
     * @throws NullPointerException if {@code values} or one of them is null, saying how to send none
     */
    protected static List<String> stopSequences(String... values) {
        Objects.requireNonNull(values, "stop sequences must not be null; call stop() with none to send no stop sequence");
        for (int i = 0; i < values.length; i++) {
            Objects.requireNonNull(values[i], "stop sequence " + i + " is null; pass only the sequences to stop at");
        }
        return List.of(values);
    }

    private static Duration requireNotNegative(Duration d, String what) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be zero or positive, was " + d);
        }
        return d;
    }
}
