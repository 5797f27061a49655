package dev.catena.memory;

import dev.catena.core.history.ChatMessageHistory;
import dev.catena.memory.redis.RedisChatMessageHistory;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several child JVMs appending to one Redis session at once lose nothing and keep each writer's
 * order. Each child also appends to a SQLite file, message by message in turn, as in the JDBC
 * test: Redis alone answers so fast that one child can finish before the next starts, and the
 * test must see the writers overlap to prove anything.
 */
class RedisMultiProcessAppendTest {

    @TempDir
    Path dir;

    @Test
    void childProcessesAppendingToOneSessionLoseNothingAndKeepEachWritersOrder() throws Exception {
        String session = UUID.randomUUID().toString();
        String table = "mp_" + session.replace("-", "");
        MultiProcessAppendTest.assertChildrenAppendWhole(dir, Child.class, session,
                List.of(RedisTestServer.url(), "jdbc:sqlite:" + dir.resolve("pace.db") + "|" + table), Child::open);
    }

    /** The child JVM's main: appends to the Redis and JDBC stores it is given. */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] args) throws Exception {
            AppendingProcess.run(args, Child::open);
        }

        static ChatMessageHistory open(String store) {
            return store.startsWith("redis://") ? RedisChatMessageHistory.builder(store).build() : AppendingProcess.open(store);
        }
    }
}
