package dev.catena.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.messages.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Adds of several messages from 8 threads over a data source (a connection each) come out whole and contiguous. */
class ConcurrentJdbcBatchTest {

    private static final int THREADS = 8;
    private static final int ADDS_PER_THREAD = 25;
    private static final int BATCH = 4;

    @Test
    void eightThreadsAddingFourMessagesEachNeverInterleaveOnPostgres() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(TestServers.postgresJdbcUrl());
        String session = UUID.randomUUID().toString();
        try (JdbcChatMessageHistory history = JdbcChatMessageHistory.builder().dataSource(dataSource)
                .table("batch_" + session.replace("-", "")).build()) {
            history.messages(session); // creates the table before the race
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int writer = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int a = 0; a < ADDS_PER_THREAD; a++) {
                        List<ChatMessage> batch = new ArrayList<>();
                        for (int m = 0; m < BATCH; m++) {
                            batch.add(ChatMessage.user(writer + ":" + (a * BATCH + m)));
                        }
                        history.add(session, batch);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();

            List<ChatMessage> messages = history.messages(session);
            assertThat(messages).hasSize(THREADS * ADDS_PER_THREAD * BATCH);
            MultiProcessAppendTest.assertBatchesContiguous("PostgreSQL", messages, BATCH);
        }
    }
}
