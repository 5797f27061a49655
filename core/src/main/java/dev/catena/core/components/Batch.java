package dev.catena.core.components;

import dev.catena.core.CatenaException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs many tasks with bounded concurrency: {@code maxConcurrency} workers (the calling thread is
 * one of them) pull the next index, so no more than that many tasks ever run at once and results
 * land in input order.
 *
 * <p>The caller waits for the tasks, not for the helper workers: a helper that the executor starts
 * late finds no work left and returns at once. So nested batches on a small fixed pool cannot
 * deadlock waiting for helpers that never get a thread.
 */
final class Batch {

    private Batch() {
    }

    static <I, O> List<O> run(Component<I, O> component, List<? extends I> inputs, RunConfig config) {
        return runAll(inputs.size(), i -> component.invoke(inputs.get(i), config), config);
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> runAll(int count, IntFunction<T> task, RunConfig config) {
        if (count == 0) {
            return List.of();
        }
        Object[] results = new Object[count];
        Map<Integer, Throwable> failures = new TreeMap<>();
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    results[i] = task.apply(i);
                } catch (RuntimeException | Error e) {
                    synchronized (failures) { // a map put, never blocking I/O
                        failures.put(i, e);
                    }
                } finally {
                    done.countDown();
                }
            }
        };
        int helpers = Math.min(count, config.maxConcurrency()) - 1;
        for (int w = 0; w < helpers; w++) {
            try {
                config.executor().execute(worker);
            } catch (RejectedExecutionException e) {
                break; // fewer helpers: the calling thread still does all that is left
            }
        }
        worker.run();
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            next.set(count); // stop handing out work
            throw new CatenaException("interrupted while waiting for a batch; its unfinished inputs were not run", e);
        }
        if (!failures.isEmpty()) {
            synchronized (failures) {
                throw new BatchException(failures, Arrays.asList(results));
            }
        }
        return (List<T>) Collections.unmodifiableList(Arrays.asList(results));
    }
}
