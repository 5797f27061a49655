package dev.catena.memory;

import dev.catena.memory.redis.RedisChatMessageHistory;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several child JVMs appending to one Redis session at once lose nothing and keep each writer's order. */
class RedisMultiProcessAppendTest {

    @TempDir
    Path dir;

    @Test
    void childProcessesAppendingToOneSessionLoseNothingAndKeepEachWritersOrder() throws Exception {
        MultiProcessAppendTest.appendFromChildren(dir, Child.class, UUID.randomUUID().toString(),
                List.of(RedisTestServer.url()), Child::open);
    }

    /** The child JVM's main: appends to the Redis stores it is given. */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] args) throws Exception {
            AppendingProcess.run(args, Child::open);
        }

        static RedisChatMessageHistory open(String url) {
            return RedisChatMessageHistory.builder(url).build();
        }
    }
}
