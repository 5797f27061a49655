package dev.catena.core.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchTest {

    @Test
    void resultsComeBackInInputOrderEvenWhenLaterInputsFinishFirst() {
        Component<Integer, String> slowFirst = Component.of(i -> {
            sleep(40 - 2L * i); // earlier inputs take longer
            return "#" + i;
        });
        List<Integer> inputs = IntStream.range(0, 20).boxed().toList();
        assertThat(slowFirst.batch(inputs, RunConfig.builder().maxConcurrency(5).build()))
                .containsExactlyElementsOf(inputs.stream().map(i -> "#" + i).toList());
    }

    @Test
    void neverMoreThanMaxConcurrencyRunAtOnce() {
        int limit = 3;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch firstWave = new CountDownLatch(limit);
        Component<Integer, Integer> counted = Component.of(i -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                // The first `limit` items wait for each other, so `limit` are surely in flight together;
                // if the batch let more start, they would pile up here and push `most` above the limit.
                firstWave.countDown();
                firstWave.await(10, TimeUnit.SECONDS);
                sleep(2);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
            return i;
        });

        List<Integer> out = counted.batch(IntStream.range(0, 30).boxed().toList(),
                RunConfig.builder().maxConcurrency(limit).build());

        assertThat(out).hasSize(30);
        assertThat(most.get()).isEqualTo(limit);
    }

    @Test
    void aFailingItemIsReportedWithItsIndexAndTheOthersStillFinish() {
        Component<Integer, Integer> failsOnSome = Component.of(i -> {
            if (i == 2 || i == 5) {
                throw new IllegalArgumentException("bad input " + i);
            }
            return i * 10;
        });

        assertThatThrownBy(() -> failsOnSome.batch(List.of(0, 1, 2, 3, 4, 5, 6)))
                .isInstanceOfSatisfying(BatchException.class, e -> {
                    assertThat(e.index()).isEqualTo(2);
                    assertThat(e.getMessage()).startsWith("batch input #2 failed (and 1 more): IllegalArgumentException: bad input 2");
                    assertThat(e.getCause()).hasMessage("bad input 2");
                    assertThat(e.failures()).containsOnlyKeys(2, 5);
                    assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("bad input 5");
                    assertThat(e.results()).containsExactly(0, 10, null, 30, 40, null, 60);
                });
    }

    @Test
    void anEmptyBatchIsEmpty() {
        assertThat(Component.of((String s) -> s).batch(List.of())).isEmpty();
    }

    @Test
    void nestedParallelWorkOnATinyPoolDoesNotDeadlock() {
        // One pool thread: the outer batch's helper takes it, and the inner parallel maps can get no
        // helper at all. The callers must still finish the work themselves.
        ExecutorService one = Executors.newFixedThreadPool(1);
        try {
            Component<Integer, Map<String, Object>> inner = Component.parallel(ComponentCompositionTest.ordered(
                    "double", Component.of((Integer i) -> i * 2), "square", Component.of((Integer i) -> i * i)));
            RunConfig config = RunConfig.builder().executor(one).maxConcurrency(2).build();
            List<Map<String, Object>> out = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> inner.batch(List.of(1, 2, 3, 4, 5, 6), config));
            assertThat(out).extracting(m -> m.get("square")).containsExactly(1, 4, 9, 16, 25, 36);
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void eachBatchItemIsItsOwnRootRun() {
        RecordingCallbacks recorder = new RecordingCallbacks();
        Component.of("item", (Integer i) -> i).batch(List.of(1, 2, 3), RunConfig.builder().callbacks(recorder).build());
        assertThat(recorder.ofType("start")).hasSize(3).allSatisfy(e -> assertThat(e.run().parentRunId()).isEmpty());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
