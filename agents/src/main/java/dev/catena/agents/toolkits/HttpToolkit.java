package dev.catena.agents.toolkits;

import dev.catena.core.tools.Tool;
import dev.catena.core.tools.ToolExecutionException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jsoup.Jsoup;

/**
 * Tools to fetch web pages and APIs with OkHttp: {@code http_get}, and {@code http_post} when
 * enabled. HTML is reduced to its text; other text (JSON, XML, plain) is returned as it is.
 *
 * <p>Safety rules, on by default: only {@code http} and {@code https}; no connection to loopback,
 * link-local, private ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}, {@code fc00::/7}),
 * unspecified, multicast or cloud metadata addresses ({@code 169.254.169.254},
 * {@code fd00:ec2::254}) unless the host or its range is allow-listed. Names are checked after DNS
 * resolution by the client's own resolver, so the connection goes only to a checked address; an
 * address written in the URL is checked before anything is sent; redirects are followed by hand,
 * at most five, each one checked the same way. Responses stop at a size limit and calls at a time
 * limit; POST is off unless {@link Builder#allowPost}. No proxy is used, so the checked address is
 * the one connected to.
 *
 * <p>A refused address, an unsupported URL, a DNS or connection failure and a timeout throw
 * {@link ToolExecutionException} (the model asked for something that cannot be fetched); an HTTP
 * error status is an answer, returned as text with its status line, since the model can read a 404.
 *
 * <p>HTML is reduced with jsoup's own {@code Element.text()}. The retrieval module's HTML loader
 * keeps paragraph breaks for its splitters, but agents may not depend on retrieval, and core, the
 * one module both share, must not make every user carry jsoup; jsoup's text is what a model needs.
 */
public final class HttpToolkit implements Toolkit {

    private static final int MAX_REDIRECTS = 5;

    private final AddressPolicy policy;
    private final OkHttpClient client;
    private final boolean post;
    private final long maxResponseBytes;
    private final Duration timeout;

    private HttpToolkit(Builder builder) {
        this.policy = new AddressPolicy(Set.copyOf(builder.allowedHosts), builder.allowedRanges);
        this.post = builder.post;
        this.maxResponseBytes = builder.maxResponseBytes;
        this.timeout = builder.timeout;
        this.client = new OkHttpClient.Builder()
                .dns(new GuardedDns(builder.dns, policy))
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .callTimeout(timeout)
                .build();
    }

    /**
     * A builder with the safe defaults: GET only, public addresses only, 1 MB and 30 s per request.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The tools: {@code http_get}, plus {@code http_post} when POST is allowed. */
    @Override
    public List<Tool> tools() {
        List<Tool> tools = new ArrayList<>();
        tools.add(new ToolkitTool("http_get", "Fetches a web page or API over HTTP(S) and returns its status and text "
                + "(HTML reduced to text). Only public addresses.", """
                {"type": "object",
                 "properties": {"url": {"type": "string", "description": "an absolute http or https URL"}},
                 "required": ["url"],
                 "additionalProperties": false}""", args -> fetch(args.tool(), "GET", args.string("url"), null, null)));
        if (post) {
            tools.add(new ToolkitTool("http_post", "Sends a POST request over HTTP(S) and returns the response's "
                    + "status and text. Only public addresses.", """
                    {"type": "object",
                     "properties": {
                       "url": {"type": "string", "description": "an absolute http or https URL"},
                       "body": {"type": "string", "description": "the request body"},
                       "content_type": {"type": "string", "description": "the body's media type; default application/json"}},
                     "required": ["url", "body"],
                     "additionalProperties": false}""",
                    args -> fetch(args.tool(), "POST", args.string("url"), args.string("body"),
                            args.optionalString("content_type").orElse("application/json"))));
        }
        return List.copyOf(tools);
    }

    private String fetch(String tool, String method, String url, String body, String contentType) {
        HttpUrl target = HttpUrl.parse(url);
        if (target == null) {
            throw new ToolExecutionException(tool, "'" + url + "' is not an absolute http or https URL");
        }
        MediaType bodyType = null;
        if (body != null) {
            bodyType = MediaType.parse(contentType);
            if (bodyType == null) {
                throw new ToolExecutionException(tool, "'" + contentType + "' is not a media type such as application/json");
            }
        }
        for (int hop = 0; ; hop++) {
            checkLiteral(tool, target);
            Request.Builder request = new Request.Builder().url(target);
            if (body != null) {
                request.post(RequestBody.create(body, bodyType));
            }
            try (Response response = client.newCall(request.build()).execute()) {
                if (!response.isRedirect()) {
                    return describe(response);
                }
                if (hop == MAX_REDIRECTS) {
                    throw new ToolExecutionException(tool, "stopped after " + MAX_REDIRECTS + " redirects at " + target);
                }
                String location = response.header("Location");
                HttpUrl next = location == null ? null : target.resolve(location);
                if (next == null) {
                    throw new ToolExecutionException(tool, "the redirect from " + target + " has no usable http(s) "
                            + "Location (" + location + ")");
                }
                int code = response.code();
                if (code == 303 || ((code == 301 || code == 302) && body != null)) {
                    body = null; // as browsers do: the redirected request is a GET
                }
                target = next;
            } catch (IOException e) {
                throw failure(tool, target, e);
            }
        }
    }

    /** An IP address written in the URL is not looked up, so the resolver never sees it: check it here. */
    private void checkLiteral(String tool, HttpUrl url) {
        String host = url.host();
        if (!AddressRange.isLiteral(host)) {
            return;
        }
        try {
            String refusal = policy.refusal(host, InetAddress.getByName(host));
            if (refusal != null) {
                throw new ToolExecutionException(tool, "refused: " + url + ": " + refusal
                        + "; only public addresses can be fetched");
            }
        } catch (UnknownHostException e) {
            throw new ToolExecutionException(tool, "'" + host + "' is not a valid address", e);
        }
    }

    private ToolExecutionException failure(String tool, HttpUrl url, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GuardedDns.RefusedAddressException refused) {
                return new ToolExecutionException(tool, refused.getMessage() + "; only public addresses can be fetched", e);
            }
            for (Throwable s : t.getSuppressed()) {
                if (s instanceof GuardedDns.RefusedAddressException refused) {
                    return new ToolExecutionException(tool, refused.getMessage() + "; only public addresses can be fetched", e);
                }
            }
        }
        if (e instanceof InterruptedIOException) {
            return new ToolExecutionException(tool, url + " did not answer within "
                    + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms"), e);
        }
        if (e instanceof UnknownHostException) {
            return new ToolExecutionException(tool, "the host " + url.host() + " is unknown (DNS found no address)", e);
        }
        return new ToolExecutionException(tool, "fetching " + url + " failed: " + e, e);
    }

    private String describe(Response response) throws IOException {
        StringBuilder out = new StringBuilder("HTTP ").append(response.code());
        if (!response.message().isEmpty()) {
            out.append(' ').append(response.message());
        }
        out.append('\n').append("URL: ").append(response.request().url()).append('\n');
        ResponseBody body = response.body();
        MediaType type = body.contentType();
        String subtype = type == null ? "" : (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
        Buffer bytes = new Buffer();
        BufferedSource source = body.source();
        boolean truncated = false;
        while (bytes.size() <= maxResponseBytes && source.read(bytes, 8192) != -1) {
            // read until the limit is passed or the body ends
        }
        if (bytes.size() > maxResponseBytes) {
            truncated = true;
            Buffer kept = new Buffer();
            kept.write(bytes, maxResponseBytes);
            bytes = kept;
        }
        if (type != null && !textual(subtype)) {
            return out.append("Content-Type: ").append(type).append("\n\n(binary content, ")
                    .append(truncated ? "over " + maxResponseBytes : bytes.size()).append(" bytes, not shown)").toString();
        }
        Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        String text = bytes.readString(charset);
        if (subtype.equals("text/html") || subtype.equals("application/xhtml+xml")) {
            org.jsoup.nodes.Document page = Jsoup.parse(text, response.request().url().toString());
            String title = page.title();
            text = (title.isBlank() ? "" : "Title: " + title + "\n\n") + page.body().text();
        }
        out.append('\n').append(text);
        if (truncated) {
            out.append("\n\n[truncated: the response is longer than ").append(maxResponseBytes).append(" bytes]");
        }
        return out.toString();
    }

    private static boolean textual(String subtype) {
        return subtype.startsWith("text/") || subtype.endsWith("json") || subtype.endsWith("xml")
                || subtype.endsWith("+json") || subtype.endsWith("+xml") || subtype.equals("application/javascript")
                || subtype.equals("application/x-www-form-urlencoded");
    }

    /** Settings of an {@link HttpToolkit}. */
    public static final class Builder {
        private final Set<String> allowedHosts = new LinkedHashSet<>();
        private final List<AddressRange> allowedRanges = new ArrayList<>();
        private boolean post;
        private long maxResponseBytes = 1_000_000;
        private Duration timeout = Duration.ofSeconds(30);
        private Dns dns = Dns.SYSTEM;

        private Builder() {
        }

        /**
         * Offers {@code http_post}; off by default.
         *
         * @param value true to offer {@code http_post}
         * @return this builder
         */
        public Builder allowPost(boolean value) {
            this.post = value;
            return this;
        }

        /**
         * Hosts that may be reached whatever they resolve to (an intranet service, a local model
         * server), by exact name, case-insensitive. An address written in a URL is a host of its own:
         * allow-listing {@code localhost} does not allow {@code 127.0.0.1}.
         *
         * @param hosts the host names; not null
         * @return this builder
         */
        public Builder allowHosts(String... hosts) {
            for (String host : hosts) {
                allowedHosts.add(Objects.requireNonNull(host, "host").toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /**
         * Address ranges that may be reached, in CIDR notation ({@code 10.1.0.0/16}, {@code 127.0.0.1/32}).
         *
         * @param cidrs the ranges, such as {@code 10.0.0.0/8} or {@code fc00::/7}
         * @return this builder
         * @throws IllegalArgumentException if a range is not in CIDR notation
         */
        public Builder allowRanges(String... cidrs) {
            for (String cidr : cidrs) {
                allowedRanges.add(AddressRange.parse(cidr));
            }
            return this;
        }

        /**
         * The most bytes of a response body read; the rest is cut with a note. 1 MB by default.
         *
         * @param value the limit in bytes, positive
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is not positive
         */
        public Builder maxResponseBytes(long value) {
            if (value <= 0) {
                throw new IllegalArgumentException("maxResponseBytes must be positive, got " + value);
            }
            this.maxResponseBytes = value;
            return this;
        }

        /**
         * How long one request may take in all (connect, send, wait, read); 30 s by default.
         *
         * @param value the time limit, positive
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is null, zero or negative
         */
        public Builder timeout(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + value);
            }
            this.timeout = value;
            return this;
        }

        /**
         * The resolver that turns names into addresses ({@link Dns#SYSTEM} by default); its answers
         * are still checked, so a resolver cannot open the way to a refused address.
         *
         * @param value the resolver; not null
         * @return this builder
         */
        public Builder dns(Dns value) {
            this.dns = Objects.requireNonNull(value, "dns");
            return this;
        }

        /**
         * The toolkit.
         *
         * @return a toolkit with these settings
         */
        public HttpToolkit build() {
            return new HttpToolkit(this);
        }
    }
}
