package dev.catena.core.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.messages.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class UsageReportTest {

    private final RecordingCallbacks recorder = new RecordingCallbacks();
    private final RunConfig config = RunConfig.builder().callbacks(recorder).build();

    /** Uppercases its input and reports as many input tokens as characters, 1 output token per call. */
    static final class CountingModel implements Component<String, String> {
        @Override
        public String call(String input, RunConfig config) {
            config.reportUsage(TokenUsage.of(input.length(), 1));
            return input.toUpperCase();
        }

        @Override
        public Stream<String> callStream(String input, RunConfig config) {
            // the usage is known only once the last chunk is made, as with a provider's stream
            List<String> letters = input.chars().mapToObj(c -> String.valueOf((char) c)).toList();
            AtomicInteger made = new AtomicInteger();
            return letters.stream().map(letter -> {
                if (made.incrementAndGet() == letters.size()) {
                    config.reportUsage(TokenUsage.of(input.length(), letters.size()));
                }
                return letter.toUpperCase();
            });
        }

        @Override
        public String name() {
            return "CountingModel";
        }
    }

    private List<RecordingCallbacks.Event> usages() {
        return recorder.ofType("usage");
    }

    @Test
    void usageGoesToTheRunThatReportedItBeforeItEnds() {
        Component<String, String> chain = Component.<String, String>of("trim", String::trim).pipe(new CountingModel());

        assertThat(chain.invoke(" abc ", config)).isEqualTo("ABC");

        RunInfo model = recorder.run("CountingModel");
        assertThat(usages()).hasSize(1);
        assertThat(usages().get(0).run()).isEqualTo(model);
        assertThat(usages().get(0).payload()).isEqualTo(TokenUsage.of(3, 1));
        int usageAt = recorder.events.indexOf(usages().get(0));
        int endAt = recorder.events.indexOf(recorder.ofType("end").stream()
                .filter(e -> e.run().equals(model)).findFirst().orElseThrow());
        assertThat(usageAt).isLessThan(endAt);
    }

    @Test
    void aStreamedRunReportsOnceWhenItsLastChunkIsMade() {
        try (Stream<String> chunks = new CountingModel().stream("abcd", config)) {
            assertThat(chunks).containsExactly("A", "B", "C", "D");
        }

        assertThat(usages()).singleElement().satisfies(e -> {
            assertThat(e.run().name()).isEqualTo("CountingModel");
            assertThat(e.payload()).isEqualTo(TokenUsage.of(4, 4));
        });
        assertThat(recorder.events.get(recorder.events.size() - 1).type()).isEqualTo("end");
    }

    @Test
    void aRetriedCallReportsForTheAttemptsNotForTheRetryAroundThem() {
        AtomicInteger attempts = new AtomicInteger();
        Component<String, String> failsOnce = Component.<String, String>of("gate", s -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("first attempt fails");
            }
            return s;
        }).pipe(new CountingModel());
        RetryPolicy quick = RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ZERO).build();

        assertThat(failsOnce.withRetry(quick).invoke("xy", config)).isEqualTo("XY");

        assertThat(usages()).singleElement().satisfies(e -> assertThat(e.run().name()).isEqualTo("CountingModel"));
    }

    @Test
    void aConfigCopiedWithToBuilderStillReportsForItsRun() {
        Component<String, String> tagging = new Component<>() {
            @Override
            public String call(String input, RunConfig config) {
                RunConfig tagged = config.toBuilder().tags("inner").build();
                tagged.reportUsage(TokenUsage.of(5, 5));
                return input;
            }

            @Override
            public String name() {
                return "tagging";
            }
        };

        tagging.invoke("x", config);

        assertThat(usages()).singleElement().satisfies(e -> assertThat(e.run()).isEqualTo(recorder.run("tagging")));
    }

    @Test
    void nullUsageAndConfigsOfNoRunReportNothing() {
        Component<String, String> silent = Component.of("silent", s -> s);
        RunConfig own = RunConfig.builder().callbacks(recorder).build();

        own.reportUsage(TokenUsage.of(1, 1)); // built by hand, handed to no run: nothing to attribute it to
        new Component<String, String>() {
            @Override
            public String call(String input, RunConfig config) {
                config.reportUsage(null); // e.g. a provider that sent no usage
                return silent.invoke(input, config);
            }
        }.invoke("x", config);

        assertThat(usages()).isEmpty();
    }

    @Test
    void aFailingHandlerIsIgnoredAndTheOthersStillHear() {
        CallbackHandler broken = new CallbackHandler() {
            @Override
            public void onUsage(RunInfo run, TokenUsage usage) {
                throw new IllegalStateException("handler bug");
            }
        };
        RunConfig both = RunConfig.builder().callbacks(broken, recorder).build();

        assertThat(new CountingModel().invoke("abc", both)).isEqualTo("ABC");

        assertThat(usages()).hasSize(1);
    }
}
