package dev.catena.agents.toolkits;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The PostgreSQL the SQL toolkit tests run against: embedded (zonky, as the memory module's store
 * tests start it), started once per test run, or the server named by {@code CATENA_TEST_JDBC_URL}.
 */
final class EmbeddedPostgres {

    private static String url;

    private EmbeddedPostgres() {
    }

    /** A JDBC URL with user and password in it. */
    static synchronized String jdbcUrl() {
        if (url == null) {
            String external = System.getenv("CATENA_TEST_JDBC_URL");
            if (external != null && !external.isBlank()) {
                url = external;
            } else {
                try {
                    io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg =
                            io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            pg.close();
                        } catch (IOException ignored) {
                            // the JVM is exiting
                        }
                    }));
                    url = pg.getJdbcUrl("postgres", "postgres");
                } catch (IOException e) {
                    throw new UncheckedIOException("embedded PostgreSQL did not start; set CATENA_TEST_JDBC_URL", e);
                }
            }
        }
        return url;
    }
}
