package dev.catena.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs many tasks with bounded concurrency: {@code maxConcurrency} workers pull the next index,
 * so no more than that many tasks ever run at once and results land in input order.
 */
final class Batch {

    private Batch() {
    }

    static <I, O> List<O> run(Component<I, O> component, List<? extends I> inputs, RunConfig config) {
        return runAll(inputs.size(), i -> component.invoke(inputs.get(i), config), config);
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> runAll(int count, IntFunction<T> task, RunConfig config) {
        Object[] results = new Object[count];
        Map<Integer, Throwable> failures = new TreeMap<>();
        if (count == 0) {
            return List.of();
        }
        int workers = Math.min(count, config.maxConcurrency());
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    results[i] = task.apply(i);
                } catch (RuntimeException | Error e) {
                    synchronized (failures) {
                        failures.put(i, e);
                    }
                }
            }
        };
        List<CompletableFuture<Void>> running = new ArrayList<>(workers);
        for (int w = 0; w < workers - 1; w++) {
            running.add(CompletableFuture.runAsync(worker, config.executor()));
        }
        worker.run(); // the calling thread is one of the workers
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            next.set(count); // stop handing out work
            throw new CatenaException("interrupted while waiting for a batch", e);
        } catch (ExecutionException | CompletionException e) {
            throw new CatenaException("batch worker failed", e.getCause());
        }
        if (!failures.isEmpty()) {
            throw new BatchException(failures, Arrays.asList(results));
        }
        return (List<T>) Arrays.asList(results);
    }
}
