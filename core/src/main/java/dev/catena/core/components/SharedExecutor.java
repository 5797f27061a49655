package dev.catena.core.components;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The default pool for batches and parallel branches: daemon threads, so it never keeps the JVM alive. */
final class SharedExecutor {

    static final ExecutorService INSTANCE = Executors.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread t = new Thread(task, "catena-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    private SharedExecutor() {
    }
}
