package dev.catena.core.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    /** Fails the first {@code failures} calls with what {@code error} makes, then answers "ok". */
    private Component<String, String> flaky(int failures, java.util.function.IntFunction<RuntimeException> error) {
        return Component.of("flaky", s -> {
            int n = calls.incrementAndGet();
            if (n <= failures) {
                throw error.apply(n);
            }
            return "ok after " + n;
        });
    }

    private RetryPolicy.Builder policy() {
        return RetryPolicy.builder().initialDelay(Duration.ofMillis(100)).multiplier(2).jitter(0).sleeper(sleeps::add);
    }

    @Test
    void retriesUntilSuccessWithExponentialBackoff() {
        String out = flaky(3, n -> new IllegalStateException("fail " + n))
                .withRetry(policy().maxAttempts(5).build()).invoke("x");
        assertThat(out).isEqualTo("ok after 4");
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastFailure() {
        assertThatThrownBy(() -> flaky(10, n -> new IllegalStateException("fail " + n))
                .withRetry(policy().maxAttempts(3).build()).invoke("x"))
                .hasMessage("fail 3");
        assertThat(calls).hasValue(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void delaysAreCappedAtMaxDelay() {
        flaky(4, n -> new IllegalStateException()).withRetry(policy().maxAttempts(5).maxDelay(Duration.ofMillis(250)).build())
                .invoke("x");
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250), Duration.ofMillis(250));
    }

    @Test
    void jitterStaysWithinItsFraction() {
        RetryPolicy p = policy().jitter(0.5).build();
        for (int i = 0; i < 200; i++) {
            assertThat(p.delayAfter(new IllegalStateException(), 2).toMillis()).isBetween(100L, 300L);
        }
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> p.delayAfter(new IllegalStateException(), 1))
                .distinct().count()).as("jitter varies the delay").isGreaterThan(1);
    }

    @Test
    void onlyFailuresTheRetryOnPredicateAcceptsAreRetried() {
        RetryPolicy onlyIo = policy().maxAttempts(5).retryOn(UncheckedIOException.class).build();
        assertThatThrownBy(() -> flaky(2, n -> new IllegalArgumentException("bug")).withRetry(onlyIo).invoke("x"))
                .hasMessage("bug");
        assertThat(calls).hasValue(1);

        calls.set(0);
        assertThat(flaky(2, n -> new UncheckedIOException(new IOException("net"))).withRetry(onlyIo).invoke("x"))
                .isEqualTo("ok after 3");
    }

    /** A failure that says whether and when it may be retried, as an HTTP 429 does. */
    static final class Hinted extends RuntimeException implements RetryHint {
        private final boolean retryable;
        private final Duration after;

        Hinted(boolean retryable, Duration after) {
            super(retryable ? "rate limited" : "quota used up");
            this.retryable = retryable;
            this.after = after;
        }

        @Override
        public boolean retryable() {
            return retryable;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(after);
        }
    }

    @Test
    void aNonRetryableHintStopsRetrying() {
        assertThatThrownBy(() -> flaky(5, n -> new Hinted(false, null)).withRetry(policy().maxAttempts(5).build()).invoke("x"))
                .hasMessage("quota used up");
        assertThat(calls).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aRetryAfterHintLongerThanTheBackoffIsWaited() {
        flaky(2, n -> new Hinted(true, n == 1 ? Duration.ofSeconds(3) : Duration.ofMillis(1)))
                .withRetry(policy().maxAttempts(3).build()).invoke("x");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofMillis(200));
    }

    @Test
    void doesNotWaitPastTheDeadline() {
        RunConfig config = RunConfig.builder().deadline(Instant.now().plusSeconds(5)).build();
        assertThatThrownBy(() -> flaky(5, n -> new IllegalStateException("fail " + n))
                .withRetry(policy().initialDelay(Duration.ofSeconds(20)).maxAttempts(5).build()).invoke("x", config))
                .isInstanceOf(DeadlineExceededException.class)
                .hasMessageContaining("retry #1 of flaky after 20000 ms")
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("fail 1"));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void eachAttemptIsAChildRunOfTheRetry() {
        RecordingCallbacks recorder = new RecordingCallbacks();
        flaky(1, n -> new IllegalStateException()).withRetry(policy().build())
                .invoke("x", RunConfig.builder().callbacks(recorder).build());
        RunInfo retry = recorder.run("Retry(flaky)");
        assertThat(recorder.ofType("start")).filteredOn(e -> e.run().name().equals("flaky"))
                .hasSize(2).allSatisfy(e -> assertThat(e.run().parentRunId()).contains(retry.runId()));
        assertThat(recorder.ofType("error")).extracting(e -> e.run().name()).containsExactly("flaky");
    }

    @Test
    void withRetryOfNUsesNAttempts() {
        RetryPolicy.Builder unused = policy();
        assertThat(unused).isNotNull();
        Component<String, String> c = Component.of(s -> {
            calls.incrementAndGet();
            throw new IllegalStateException("always");
        });
        RetryPolicy quick = RetryPolicy.builder().maxAttempts(4).initialDelay(Duration.ZERO).build();
        assertThatThrownBy(() -> c.withRetry(quick).invoke("x")).hasMessage("always");
        assertThat(calls).hasValue(4);
        assertThat(RetryPolicy.defaults().maxAttempts()).isEqualTo(3);
    }

    @Test
    void theRetryRunIsAChainWithEachAttemptAChildOfTheComponentsOwnKind() {
        RecordingCallbacks callbacks = new RecordingCallbacks();
        Component<String, String> model = new Component<>() {
            @Override
            public String call(String input, RunConfig config) {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("first call fails");
                }
                return "ok";
            }

            @Override
            public String kind() {
                return "chat_model";
            }
        };
        model.withRetry(policy().maxAttempts(2).build()).invoke("x", RunConfig.builder().callbacks(callbacks).build());

        RunInfo retry = callbacks.runs.values().stream().filter(r -> r.parentRunId().isEmpty()).findFirst().orElseThrow();
        assertThat(retry.kind()).isEqualTo("chain");
        List<RunInfo> attempts = callbacks.runs.values().stream().filter(r -> r.parentRunId().equals(Optional.of(retry.runId()))).toList();
        assertThat(attempts).hasSize(2).allSatisfy(a -> assertThat(a.kind()).isEqualTo("chat_model"));
    }
}
