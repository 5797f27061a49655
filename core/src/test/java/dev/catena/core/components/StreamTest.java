package dev.catena.core.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.TokenUsage;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StreamTest {

    /** Streams "w0 ", "w1 ", … lazily, counting what it produced and whether its stream was closed. */
    static final class Words implements Component<String, String> {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger produced = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        final int count;

        Words(int count) {
            this.count = count;
        }

        @Override
        public String call(String input, RunConfig config) {
            return String.join("", callStream(input, config).toList());
        }

        @Override
        public Stream<String> callStream(String input, RunConfig config) {
            started.incrementAndGet();
            return Stream.iterate(0, i -> i + 1).limit(count)
                    .map(i -> {
                        produced.incrementAndGet();
                        return "w" + i + " ";
                    })
                    .onClose(() -> closed.set(true));
        }

        @Override
        public String name() {
            return "words";
        }
    }

    @Test
    void nothingRunsUntilTheFirstChunkIsPulled() {
        Words words = new Words(3);
        RecordingCallbacks recorder = new RecordingCallbacks();
        Stream<String> stream = words.stream("x", RunConfig.builder().callbacks(recorder).build());
        assertThat(words.started).hasValue(0);
        assertThat(recorder.events).isEmpty();

        assertThat(stream.toList()).containsExactly("w0 ", "w1 ", "w2 ");
        assertThat(recorder.ofType("chunk")).extracting(RecordingCallbacks.Event::payload).containsExactly("w0 ", "w1 ", "w2 ");
        assertThat(recorder.ofType("end")).singleElement().extracting(RecordingCallbacks.Event::payload).isEqualTo("w0 w1 w2 ");
        assertThat(words.closed).as("inner stream closed when exhausted").isTrue();
    }

    @Test
    void closingTheStreamEarlyClosesTheInnerWorkAndReportsCancellation() {
        Words words = new Words(1_000_000);
        RecordingCallbacks recorder = new RecordingCallbacks();
        List<String> firstThree;
        try (Stream<String> stream = words.stream("x", RunConfig.builder().callbacks(recorder).build())) {
            firstThree = stream.limit(3).toList();
        }
        assertThat(firstThree).containsExactly("w0 ", "w1 ", "w2 ");
        assertThat(words.produced.get()).isLessThan(10);
        assertThat(words.closed).isTrue();
        assertThat(recorder.ofType("error")).singleElement().satisfies(e -> {
            assertThat(e.run().name()).isEqualTo("words");
            assertThat(e.payload()).isInstanceOf(CancellationException.class);
            assertThat(((Throwable) e.payload()).getMessage()).isEqualTo("stream closed after 3 chunks");
        });
        assertThat(recorder.ofType("end")).isEmpty();
    }

    @Test
    void chunksStreamThroughAPipeOneByOneAndClosingStopsTheSource() {
        // A plain function in front of a streaming component: the component is fed through
        // transform (its default aggregates the input, then streams its own output lazily).
        Words words = new Words(1_000_000);
        Component<String, String> chain = Component.<String, String>of("prompt", s -> s + "!").pipe(words);
        RecordingCallbacks recorder = new RecordingCallbacks();
        try (Stream<String> stream = chain.stream("go", RunConfig.builder().callbacks(recorder).build())) {
            assertThat(stream.limit(2).toList()).containsExactly("w0 ", "w1 ");
        }
        assertThat(words.produced.get()).isLessThan(10);
        assertThat(words.closed).isTrue();
        assertThat(recorder.ofType("error")).extracting(e -> e.run().name()).contains("words", "Sequence");
        RunInfo sequence = recorder.run("Sequence");
        assertThat(recorder.run("prompt").parentRunId()).contains(sequence.runId());
        assertThat(recorder.run("words").parentRunId()).contains(sequence.runId());
    }

    @Test
    void aStreamingStepAfterAnotherStreamingStepReceivesChunksAsTheyArrive() {
        Words words = new Words(1_000_000);
        Component<String, String> upper = new Component<>() {
            @Override
            public String call(String input, RunConfig config) {
                return input.toUpperCase();
            }

            @Override
            public Stream<String> callTransform(Stream<String> inputs, RunConfig config) {
                return inputs.map(String::toUpperCase); // a parser that emits as input arrives
            }
        };
        try (Stream<String> stream = words.pipe(upper).stream("go")) {
            assertThat(stream.limit(2).toList()).containsExactly("W0 ", "W1 ");
        }
        assertThat(words.produced.get()).isLessThan(10);
        assertThat(words.closed).isTrue();
    }

    @Test
    void anErrorInsideTheStreamReachesTheCallbacksAndTheCaller() {
        Component<String, String> failing = new Component<>() {
            @Override
            public String call(String input, RunConfig config) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Stream<String> callStream(String input, RunConfig config) {
                return Stream.of("a", "b").map(s -> {
                    if (s.equals("b")) {
                        throw new IllegalStateException("stream broke at b");
                    }
                    return s;
                });
            }
        };
        RecordingCallbacks recorder = new RecordingCallbacks();
        assertThatThrownBy(() -> failing.stream("x", RunConfig.builder().callbacks(recorder).build()).toList())
                .hasMessage("stream broke at b");
        assertThat(recorder.ofType("chunk")).hasSize(1);
        assertThat(recorder.ofType("error")).singleElement()
                .satisfies(e -> assertThat((Throwable) e.payload()).hasMessage("stream broke at b"));
    }

    @Test
    void mergeableChunksAddUpToTheWholeOutput() {
        Component<String, AiMessage> model = new Component<>() {
            @Override
            public AiMessage call(String input, RunConfig config) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Stream<AiMessage> callStream(String input, RunConfig config) {
                return Stream.of(AiMessage.of("Hel"), AiMessage.of("lo"),
                        new AiMessage("", List.of(), null, "stop", TokenUsage.of(3, 2)));
            }
        };
        RecordingCallbacks recorder = new RecordingCallbacks();
        model.stream("x", RunConfig.builder().callbacks(recorder).build()).forEach(c -> { });
        assertThat(recorder.ofType("end")).singleElement().extracting(RecordingCallbacks.Event::payload)
                .isEqualTo(new AiMessage("Hello", List.of(), null, "stop", TokenUsage.of(3, 2)));
    }

    /** Streams growing values that are neither text nor mergeable, as a streamed JSON parser yields whole values so far. */
    static final class Snapshots implements Component<String, List<Integer>> {
        @Override
        public List<Integer> call(String input, RunConfig config) {
            return callStream(input, config).reduce((a, b) -> b).orElseThrow();
        }

        @Override
        public Stream<List<Integer>> callStream(String input, RunConfig config) {
            return Stream.iterate(1, i -> i + 1).limit(3).map(i -> List.copyOf(java.util.Collections.nCopies(i, i)));
        }
    }

    @Test
    void aStreamOfWholeValuesKeepsOnlyTheLastForTheRunsEndNotEveryChunk() throws Exception {
        java.util.Iterator<List<Integer>> it = new Snapshots().stream("x", RunConfig.defaults()).iterator();
        java.lang.ref.WeakReference<List<Integer>> first = new java.lang.ref.WeakReference<>(it.next());
        it.next();
        // The run must not hold the earlier value (it would hold memory quadratic in a long stream).
        for (int i = 0; i < 50 && first.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(first.get()).as("first chunk no longer held by the run").isNull();
        it.next();
        assertThat(it.hasNext()).isFalse();
        RecordingCallbacks recorder = new RecordingCallbacks();
        assertThat(new Snapshots().stream("x", RunConfig.builder().callbacks(recorder).build()).toList()).hasSize(3);
        assertThat(recorder.ofType("end")).singleElement().extracting(RecordingCallbacks.Event::payload).isEqualTo(List.of(3, 3, 3));
    }
}
