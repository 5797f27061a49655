package dev.catena.traceviewer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a folder of traces live on the loopback address, for a running application: the page
 * polls for new runs and redraws as they arrive. It listens on 127.0.0.1 (the loopback address)
 * only, so nothing outside this machine can reach it, answers only requests addressed to
 * {@code localhost} or the loopback address (so a web page elsewhere cannot rebind a host name onto
 * it), and serves only {@code .jsonl} files inside the folder: {@code ..}, encoded {@code ..},
 * absolute paths and symbolic links leading out of the folder are refused.
 *
 * <ul>
 *   <li>{@code /} the page for every trace file in the folder, {@code /file/<name>} for one file;</li>
 *   <li>{@code /api/runs} and {@code /api/runs/<name>} the page's data as JSON;</li>
 *   <li>{@code /api/version} and {@code /api/version/<name>} a value that changes when the traces do.</li>
 * </ul>
 *
 * <pre>{@code
 * try (TraceServer server = TraceServer.start(Path.of("traces"), 0)) {
 *     System.out.println("open " + server.url());
 * }
 * }</pre>
 */
public final class TraceServer implements Closeable {

    private static final int POLL_MILLIS = 1000;

    private final Path folder;
    private final Path realFolder;
    private final HttpServer http;
    private final ExecutorService executor;

    private TraceServer(Path folder, int port) throws IOException {
        this.folder = folder.toAbsolutePath().normalize();
        this.realFolder = this.folder.toRealPath();
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "catena-trace-server");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", this::handle);
    }

    /**
     * Starts serving {@code folder} on the loopback address; port 0 picks a free port.
     *
     * @throws TraceFormatException if {@code folder} is not a readable folder
     * @throws UncheckedIOException if the port cannot be bound
     * @param folder the folder of trace files to serve
     * @param port the port to listen on, or 0 for a free one
     * @return the running server; close it to stop
     */
    public static TraceServer start(Path folder, int port) {
        if (!Files.isDirectory(folder)) {
            throw new TraceFormatException("cannot serve " + folder + ": it is not a folder; give the folder your "
                    + "JsonLinesTracer files are written to");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range; use 0 to pick a free port, or 1-65535");
        }
        try {
            TraceServer server = new TraceServer(folder, port);
            server.http.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve traces on the loopback address, port " + port
                    + ": " + e.getMessage() + "; pick another port, or 0 for a free one", e);
        }
    }

    /**
     * The address the server listens on (always a loopback address).
     *
     * @return the bound loopback address and port
     */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /**
     * The page's address, e.g. {@code http://127.0.0.1:8765/}.
     *
     * @return the page's URL, ending with a slash
     */
    public String url() {
        return "http://" + address().getAddress().getHostAddress() + ":" + address().getPort() + "/";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!isLocalHost(exchange.getRequestHeaders().getFirst("Host"))) {
                send(exchange, 403, "text/plain", "this server answers only requests addressed to localhost");
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "only GET is served");
                return;
            }
            String raw = exchange.getRequestURI().getRawPath();
            if (raw.equals("/")) {
                send(exchange, 200, "text/html; charset=utf-8", page(folder, "", "folder " + TracePage.title(folder)));
            } else if (raw.equals("/api/runs")) {
                send(exchange, 200, "application/json", TracePage.scriptJson(RunTree.build(TraceReader.read(folder))));
            } else if (raw.equals("/api/version")) {
                send(exchange, 200, "text/plain", version(folder));
            } else if (raw.startsWith("/file/")) {
                Optional<Path> file = resolve(raw.substring("/file/".length()));
                if (file.isEmpty()) {
                    refuse(exchange);
                } else {
                    String name = raw.substring("/file/".length());
                    send(exchange, 200, "text/html; charset=utf-8", page(file.get(), "/" + name, TracePage.title(file.get())));
                }
            } else if (raw.startsWith("/api/runs/") || raw.startsWith("/api/version/")) {
                boolean runs = raw.startsWith("/api/runs/");
                Optional<Path> file = resolve(raw.substring(runs ? "/api/runs/".length() : "/api/version/".length()));
                if (file.isEmpty()) {
                    refuse(exchange);
                } else if (runs) {
                    send(exchange, 200, "application/json", TracePage.scriptJson(RunTree.build(TraceReader.read(file.get()))));
                } else {
                    send(exchange, 200, "text/plain", version(file.get()));
                }
            } else {
                send(exchange, 404, "text/plain", "not found; the page is at /");
            }
        } catch (TraceFormatException e) {
            send(exchange, 500, "text/plain", e.getMessage());
        }
    }

    private String page(Path trace, String suffix, String title) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("title", title);
        config.put("live", true);
        config.put("pollMillis", POLL_MILLIS);
        config.put("version", version(trace));
        // Absolute paths: the page may be /file/<name> and still poll the right data.
        config.put("runsUrl", "/api/runs" + suffix);
        config.put("versionUrl", "/api/version" + suffix);
        return TracePage.html(title, RunTree.build(TraceReader.read(trace)), config);
    }

    /**
     * The trace file a request names, if it is a {@code .jsonl} file inside the folder. The name is
     * decoded once and then checked as a whole, so encoded dots and slashes get no second chance.
     */
    Optional<Path> resolve(String rawName) {
        String name;
        try {
            name = URLDecoder.decode(rawName.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0
                || name.indexOf(':') >= 0 || !name.endsWith(".jsonl")) {
            return Optional.empty();
        }
        for (String segment : name.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        try {
            Path file = folder.resolve(name).normalize();
            if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Path real = file.toRealPath(); // follows symbolic links: one leading out of the folder is refused
            return real.startsWith(realFolder) ? Optional.of(real) : Optional.empty();
        } catch (InvalidPathException | IOException e) {
            return Optional.empty();
        }
    }

    private static String version(Path trace) {
        StringBuilder v = new StringBuilder();
        List<Path> files = TraceReader.traceFiles(trace);
        for (Path f : files) {
            try {
                v.append(f.getFileName()).append(':').append(Files.size(f)).append(':')
                        .append(Files.getLastModifiedTime(f).toMillis()).append(';');
            } catch (IOException e) {
                v.append(f.getFileName()).append(":gone;");
            }
        }
        return Integer.toHexString(v.toString().hashCode()) + "-" + files.size();
    }

    private static boolean isLocalHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        return name.equalsIgnoreCase("localhost") || name.equals("127.0.0.1") || name.equals("[::1]");
    }

    private static void refuse(HttpExchange exchange) throws IOException {
        send(exchange, 404, "text/plain", "no such trace file in the served folder");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops serving. */
    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }
}
