package dev.catena.memory;

import redis.embedded.RedisServer;

/**
 * The Redis the store tests run against: embedded Redis started once per test run on a free port,
 * unless {@code CATENA_TEST_REDIS_URL} names an external one.
 */
final class RedisTestServer {

    private static String url;

    private RedisTestServer() {
    }

    /** A Redis URL. */
    static synchronized String url() {
        if (url == null) {
            url = TestServers.externalOrStarted("CATENA_TEST_REDIS_URL", "embedded Redis", () -> {
                int port = TestServers.freePort();
                RedisServer server = new RedisServer(port);
                server.start();
                TestServers.stopAtExit(server::stop);
                return "redis://127.0.0.1:" + port;
            });
        }
        return url;
    }
}
