package dev.catena.memory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * The real servers the store tests run against, each started at most once per test run on a free
 * port: embedded PostgreSQL (zonky) and embedded Redis, unless {@code CATENA_TEST_JDBC_URL} /
 * {@code CATENA_TEST_REDIS_URL} name external ones. A server that cannot start fails the tests
 * that need it; nothing is skipped.
 */
final class TestServers {

    private static String postgresUrl;
    private static String redisUrl;

    private TestServers() {
    }

    /** A PostgreSQL JDBC URL with user and password in it. */
    static synchronized String postgresJdbcUrl() {
        if (postgresUrl == null) {
            String external = System.getenv("CATENA_TEST_JDBC_URL");
            if (external != null && !external.isBlank()) {
                postgresUrl = external;
            } else {
                try {
                    EmbeddedPostgres pg = EmbeddedPostgres.builder().setPort(freePort()).start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            pg.close();
                        } catch (IOException ignored) {
                            // the JVM is exiting
                        }
                    }));
                    postgresUrl = pg.getJdbcUrl("postgres", "postgres");
                } catch (IOException e) {
                    throw new UncheckedIOException("embedded PostgreSQL did not start; set CATENA_TEST_JDBC_URL to use another server", e);
                }
            }
        }
        return postgresUrl;
    }

    /** A Redis URL. */
    static synchronized String redisUrl() {
        if (redisUrl == null) {
            String external = System.getenv("CATENA_TEST_REDIS_URL");
            if (external != null && !external.isBlank()) {
                redisUrl = external;
            } else {
                try {
                    int port = freePort();
                    RedisServer server = new RedisServer(port);
                    server.start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            server.stop();
                        } catch (IOException ignored) {
                            // the JVM is exiting
                        }
                    }));
                    redisUrl = "redis://127.0.0.1:" + port;
                } catch (IOException e) {
                    throw new UncheckedIOException("embedded Redis did not start; set CATENA_TEST_REDIS_URL to use another server", e);
                }
            }
        }
        return redisUrl;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
