package dev.catena.traceviewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceServerTest {

    @TempDir
    Path dir;

    private Path folder;
    private TraceServer server;

    @BeforeEach
    void serve() throws IOException {
        folder = Files.createDirectory(dir.resolve("traces"));
        SampleTraces.write(folder.resolve("app.jsonl"), true);
        // A trace outside the served folder that no request may reach.
        Files.writeString(dir.resolve("secret.jsonl"), Files.readString(folder.resolve("app.jsonl")).replace("Paris", "SECRET-OUTSIDE"));
        server = TraceServer.start(folder, 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Sends the request line exactly as written (an HTTP client would normalise the dots away). */
    private String get(String rawPath, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String get(String rawPath) throws IOException {
        return get(rawPath, "localhost:" + server.address().getPort());
    }

    @Test
    void listensOnTheLoopbackAddressOnly() throws IOException {
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(server.url()).startsWith("http://127.0.0.1:");
        List<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).toList();
        for (InetAddress address : external) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, server.address().getPort()), 2000))
                        .as("connecting through %s", address).isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void servesTheLivePageAndItsData() throws IOException {
        String page = get("/");
        assertThat(page).startsWith("HTTP/1.1 200").contains("\"live\":true", "\"runsUrl\":\"/api/runs\"", "ScriptedChat");
        String runs = get("/api/runs");
        assertThat(runs).startsWith("HTTP/1.1 200").contains("\"name\":\"ScriptedChat\"").doesNotContain("SECRET-OUTSIDE");
        assertThat(get("/file/app.jsonl")).startsWith("HTTP/1.1 200").contains("\"runsUrl\":\"/api/runs/app.jsonl\"");
        assertThat(get("/api/runs/app.jsonl")).startsWith("HTTP/1.1 200").contains("ScriptedChat");
    }

    @Test
    void theVersionChangesWhenRunsArrive() throws IOException {
        String before = body(get("/api/version"));
        SampleTraces.write(folder.resolve("app.jsonl"), true);
        assertThat(body(get("/api/version"))).isNotEqualTo(before);
        assertThat(body(get("/api/runs"))).contains("\"runs\":10");
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void refusesPathsOutsideTheFolder() throws IOException {
        for (String path : List.of("/api/runs/../secret.jsonl", "/file/../secret.jsonl", "/api/runs/%2e%2e/secret.jsonl",
                "/api/runs/%2E%2E%2Fsecret.jsonl", "/api/runs/..%2fsecret.jsonl", "/api/runs/%252e%252e%252fsecret.jsonl",
                "/api/runs/" + dir.resolve("secret.jsonl").toString().replace("/", "%2F"),
                "/api/runs//" + dir.resolve("secret.jsonl"), "/api/runs/..%5csecret.jsonl", "/api/version/../secret.jsonl")) {
            String response = get(path);
            assertThat(response).as(path).doesNotStartWith("HTTP/1.1 200").doesNotContain("SECRET-OUTSIDE");
        }
    }

    @Test
    void refusesASymbolicLinkOutOfTheFolder() throws IOException {
        Files.createSymbolicLink(folder.resolve("link.jsonl"), dir.resolve("secret.jsonl"));
        assertThat(get("/api/runs/link.jsonl")).startsWith("HTTP/1.1 404").doesNotContain("SECRET-OUTSIDE");
        assertThat(server.resolve("link.jsonl")).isEqualTo(Optional.empty());
        assertThat(server.resolve("app.jsonl")).isPresent();
    }

    @Test
    void refusesRequestsAddressedToAnotherHost() throws IOException {
        assertThat(get("/api/runs", "attacker.example:80")).startsWith("HTTP/1.1 403");
        assertThat(get("/api/runs", "127.0.0.1:" + server.address().getPort())).startsWith("HTTP/1.1 200");
    }

    @Test
    void refusesAFolderThatIsNotThere() {
        assertThatThrownBy(() -> TraceServer.start(dir.resolve("missing"), 0))
                .isInstanceOf(TraceFormatException.class).hasMessageContaining("it is not a folder");
    }
}
