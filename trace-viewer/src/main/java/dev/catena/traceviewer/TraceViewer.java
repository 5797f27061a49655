package dev.catena.traceviewer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The command that opens traces: {@code TraceViewer <trace.jsonl|folder> [--serve port] [--out page.html]}.
 * Without {@code --serve} it writes one self-contained page (next to the trace, or to {@code --out})
 * and prints where; with {@code --serve} it serves the folder (or the trace's folder) live on the
 * loopback address until stopped.
 */
public final class TraceViewer {

    private TraceViewer() {
    }

    /**
     * Runs the command.
     *
     * @param args a trace file or folder, then {@code --serve <port>} or {@code --out <page.html>}
     * @throws InterruptedException when stopped while serving
     */
    public static void main(String[] args) throws InterruptedException {
        Command command = Command.parse(args);
        if (command.port() >= 0) {
            Path folder = Files.isDirectory(command.trace()) ? command.trace()
                    : command.trace().toAbsolutePath().getParent();
            TraceServer server = TraceServer.start(folder, command.port());
            System.out.println("serving the traces in " + folder + " at " + server.url() + " (Ctrl+C stops)");
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            new CountDownLatch(1).await();
        } else {
            Path page = TracePage.write(command.trace(), command.out());
            System.out.println("wrote " + page.toAbsolutePath() + "; open it in a browser");
        }
    }

    /** The parsed arguments; port is -1 when not serving. */
    record Command(Path trace, int port, Path out) {

        static Command parse(String[] args) {
            String usage = "usage: TraceViewer <trace.jsonl|folder> [--serve port] [--out page.html]";
            if (args.length == 0) {
                throw new IllegalArgumentException("no trace given; " + usage);
            }
            Path trace = Path.of(args[0]);
            int port = -1;
            Path out = null;
            for (int i = 1; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value; " + usage);
                }
                String value = args[++i];
                switch (option) {
                    case "--serve" -> {
                        try {
                            port = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--serve takes a port number, not \"" + value + "\"; " + usage, e);
                        }
                    }
                    case "--out" -> out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + option + "; " + usage);
                }
            }
            if (out == null) {
                String name = TracePage.title(trace);
                Path dir = Files.isDirectory(trace) ? trace : trace.toAbsolutePath().getParent();
                out = dir.resolve((name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name) + ".html");
            }
            return new Command(trace, port, out);
        }
    }
}
