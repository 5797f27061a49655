package dev.catena.agents.toolkits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.tools.Tool;
import dev.catena.core.tools.ToolExecutionException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** All traffic stays on this machine: a MockWebServer on 127.0.0.1, and refusals that never connect. */
class HttpToolkitTest {

    private final MockWebServer server = new MockWebServer();
    private String base;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        base = "http://127.0.0.1:" + server.getPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Map<String, Tool> tools(HttpToolkit toolkit) {
        return toolkit.tools().stream().collect(Collectors.toMap(t -> t.spec().name(), t -> t));
    }

    private static Tool get(HttpToolkit toolkit) {
        return tools(toolkit).get("http_get");
    }

    private static String url(String url) {
        return "{\"url\": \"" + url + "\"}";
    }

    @Test
    void loopbackIsRefusedBeforeAnyConnection() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Tool get = get(HttpToolkit.builder().build());
            assertThatThrownBy(() -> get.execute(url("http://127.0.0.1:" + listener.getLocalPort() + "/")))
                    .isInstanceOf(ToolExecutionException.class)
                    .hasMessage("tool 'http_get' failed: refused: http://127.0.0.1:" + listener.getLocalPort()
                            + "/: 127.0.0.1 is a loopback address; only public addresses can be fetched");
            listener.setSoTimeout(300);
            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void ipv6LoopbackPrivateAndMetadataAddressesAreRefused() {
        Tool get = get(HttpToolkit.builder().build());
        assertThatThrownBy(() -> get.execute(url("http://[::1]:" + server.getPort() + "/")))
                .hasMessageContaining("refused: http://[::1]:" + server.getPort() + "/: 0:0:0:0:0:0:0:1 is a loopback address");
        assertThatThrownBy(() -> get.execute(url("http://10.0.0.1/")))
                .hasMessageContaining("/: 10.0.0.1 is a private address");
        assertThatThrownBy(() -> get.execute(url("http://127.1:" + server.getPort() + "/"))).hasMessageContaining("is a loopback address");
        assertThatThrownBy(() -> get.execute(url("http://2130706433:" + server.getPort() + "/")))
                .hasMessageContaining("is a loopback address");
        assertThatThrownBy(() -> get.execute(url("http://192.168.1.1/"))).hasMessageContaining("is a private address");
        assertThatThrownBy(() -> get.execute(url("http://172.31.255.255/"))).hasMessageContaining("is a private address");
        assertThatThrownBy(() -> get.execute(url("http://169.254.169.254/latest/meta-data/")))
                .hasMessageContaining("169.254.169.254 is a cloud metadata address");
        assertThatThrownBy(() -> get.execute(url("http://[fd00:ec2::254]/")))
                .hasMessageContaining("is a cloud metadata address");
        assertThatThrownBy(() -> get.execute(url("http://0.0.0.0:" + server.getPort() + "/")))
                .hasMessageContaining("is an unspecified address");
        assertThatThrownBy(() -> get.execute(url("http://[::ffff:127.0.0.1]:" + server.getPort() + "/")))
                .hasMessageContaining("127.0.0.1 is a loopback address");
        assertThatThrownBy(() -> get.execute(url("http://224.0.0.1/"))).hasMessageContaining("is a multicast address");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void onlyHttpAndHttpsUrlsAreFetched() {
        Tool get = get(HttpToolkit.builder().build());
        assertThatThrownBy(() -> get.execute(url("file:///etc/passwd")))
                .hasMessageContaining("'file:///etc/passwd' is not an absolute http or https URL");
        assertThatThrownBy(() -> get.execute(url("/relative"))).hasMessageContaining("is not an absolute http or https URL");
    }

    @Test
    void aHostnameThatResolvesToLoopbackIsRefused() {
        Dns hostile = host -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        Tool get = get(HttpToolkit.builder().dns(hostile).build());
        assertThatThrownBy(() -> get.execute(url("http://innocent.example:" + server.getPort() + "/")))
                .isInstanceOf(ToolExecutionException.class)
                .hasMessage("tool 'http_get' failed: refused: innocent.example resolves only to addresses that are not "
                        + "allowed (127.0.0.1 is a loopback address); only public addresses can be fetched");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void onlyTheAllowedAddressesOfAMixedAnswerAreUsed() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain").body("hi").build());
        Dns mixed = host -> List.of(InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7}),
                InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        Tool get = get(HttpToolkit.builder().dns(mixed).allowRanges("127.0.0.1/32").build());
        assertThat(get.execute(url("http://service.example:" + server.getPort() + "/"))).endsWith("\nhi");
    }

    @Test
    void anAllowListedServerIsFetchedAndHtmlBecomesText() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html; charset=utf-8")
                .body("<html><head><title>Prices</title><script>var x = 1;</script></head>"
                        + "<body><h1>Tea</h1><p>Green tea costs <b>4 €</b>.</p></body></html>").build());
        Tool get = get(HttpToolkit.builder().allowRanges("127.0.0.1/32").build());
        assertThat(get.execute(url(base + "/prices")))
                .isEqualTo("HTTP 200 OK\nURL: " + base + "/prices\n\nTitle: Prices\n\nTea Green tea costs 4 €.");
        assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
    }

    @Test
    void aRedirectToANotAllowedLoopbackAddressIsRefused() {
        server.enqueue(new MockResponse.Builder().code(302)
                .addHeader("Location", "http://127.0.0.2:" + server.getPort() + "/admin").build());
        Tool get = get(HttpToolkit.builder().allowRanges("127.0.0.1/32").build());
        assertThatThrownBy(() -> get.execute(url(base + "/start")))
                .hasMessageContaining("refused: http://127.0.0.2:" + server.getPort()
                        + "/admin: 127.0.0.2 is a loopback address");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anAllowListedHostNameDoesNotAllowItsAddressInARedirect() {
        server.enqueue(new MockResponse.Builder().code(301)
                .addHeader("Location", base + "/secret").build());
        Dns local = host -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        Tool get = get(HttpToolkit.builder().dns(local).allowHosts("Intranet.example").build());
        assertThatThrownBy(() -> get.execute(url("http://intranet.example:" + server.getPort() + "/")))
                .hasMessageContaining("refused: " + base + "/secret: 127.0.0.1 is a loopback address");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void allowedRedirectsAreFollowedAndCounted() {
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/next").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"ok\": true}").build());
        Tool get = get(HttpToolkit.builder().allowRanges("127.0.0.0/8").build());
        assertThat(get.execute(url(base + "/first"))).isEqualTo("HTTP 200 OK\nURL: " + base + "/next\n\n{\"ok\": true}");
        for (int i = 0; i < 6; i++) {
            server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/again").build());
        }
        assertThatThrownBy(() -> get.execute(url(base + "/loop"))).hasMessageContaining("stopped after 5 redirects");
    }

    @Test
    void anErrorStatusIsAnAnswerForTheModel() {
        server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "text/plain").body("no such page").build());
        Tool get = get(HttpToolkit.builder().allowRanges("127.0.0.1/32").build());
        assertThat(get.execute(url(base + "/missing"))).startsWith("HTTP 404").endsWith("\n\nno such page");
    }

    @Test
    void responsesAreCutAtTheSizeLimitAndBinaryIsNotShown() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain")
                .body("x".repeat(5_000)).build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "image/png").body("PNG....").build());
        Tool get = get(HttpToolkit.builder().allowRanges("127.0.0.1/32").maxResponseBytes(100).build());
        assertThat(get.execute(url(base + "/big")))
                .endsWith("\n" + "x".repeat(100) + "\n\n[truncated: the response is longer than 100 bytes]");
        assertThat(get.execute(url(base + "/image"))).endsWith("Content-Type: image/png\n\n(binary content, 7 bytes, not shown)");
    }

    @Test
    void aSlowServerRunsIntoTheTimeLimit() {
        server.enqueue(new MockResponse.Builder().code(200).body("late").headersDelay(3, TimeUnit.SECONDS).build());
        Tool get = get(HttpToolkit.builder().allowRanges("127.0.0.1/32").timeout(Duration.ofMillis(500)).build());
        assertThatThrownBy(() -> get.execute(url(base + "/slow")))
                .hasMessageContaining(base + "/slow did not answer within 500 ms");
    }

    @Test
    void postIsOffUnlessEnabled() throws InterruptedException {
        assertThat(tools(HttpToolkit.builder().build())).containsOnlyKeys("http_get");
        server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "text/plain").body("made").build());
        Tool post = tools(HttpToolkit.builder().allowPost(true).allowRanges("127.0.0.1/32").build()).get("http_post");
        assertThat(post.execute("{\"url\": \"" + base + "/items\", \"body\": \"{\\\"a\\\": 1}\"}")).startsWith("HTTP 201");
        var request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getBody().utf8()).isEqualTo("{\"a\": 1}");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    }

    @Test
    void allowListEntriesAreValidated() {
        assertThatThrownBy(() -> HttpToolkit.builder().allowRanges("example.com/8"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an address range");
        assertThatThrownBy(() -> HttpToolkit.builder().allowRanges("10.0.0.0/33"))
                .hasMessageContaining("prefix length outside 0..32");
    }
}
