package dev.catena.memory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The real servers the store tests run against, each started at most once per test run on a free
 * port: embedded PostgreSQL (zonky), unless {@code CATENA_TEST_JDBC_URL} names an external one
 * (the Redis module starts embedded Redis the same way). A server that cannot start fails the
 * tests that need it; nothing is skipped.
 */
final class TestServers {

    private static String postgresUrl;

    private TestServers() {
    }

    /** A PostgreSQL JDBC URL with user and password in it. */
    static synchronized String postgresJdbcUrl() {
        if (postgresUrl == null) {
            postgresUrl = externalOrStarted("CATENA_TEST_JDBC_URL", "embedded PostgreSQL", () -> {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().setPort(freePort()).start();
                stopAtExit(pg::close);
                return pg.getJdbcUrl("postgres", "postgres");
            });
        }
        return postgresUrl;
    }

    /** Starts a server and returns its URL. */
    interface Server {
        String start() throws IOException;
    }

    /** Stops a server. */
    interface Stop {
        void stop() throws IOException;
    }

    /** The URL in an environment variable when it is set, else the URL of a server started here. */
    static String externalOrStarted(String variable, String what, Server server) {
        String external = System.getenv(variable);
        if (external != null && !external.isBlank()) {
            return external;
        }
        try {
            return server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(what + " did not start; set " + variable + " to use another server", e);
        }
    }

    static void stopAtExit(Stop stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.stop();
            } catch (IOException ignored) {
                // the JVM is exiting
            }
        }));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
