package dev.catena.core.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.models.PromptValue;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ComponentCompositionTest {

    @Test
    void pipeRunsStepsInOrderAndFlattensIntoOneSequence() {
        Component<Integer, Integer> addOne = Component.of("addOne", x -> x + 1);
        Component<Integer, String> chain = addOne.pipe(x -> x * 10).pipe(Component.of("show", x -> "=" + x));

        assertThat(chain.invoke(4)).isEqualTo("=50");
        assertThat(((Sequence<?, ?>) chain).steps()).hasSize(3);
        assertThat(chain.toString()).isEqualTo("addOne | Function | show");
    }

    @Test
    void callbacksSeeTheWholeNestedRunTreeWithParentIds() {
        // prompt.pipe(model).pipe(parser)-like sequence inside a parallel map, next to a plain branch
        Component<String, String> prompt = Component.of("prompt", topic -> "Tell me about " + topic);
        Component<String, String> model = Component.of("model", text -> text.toUpperCase());
        Component<String, Integer> parser = Component.of("parser", String::length);
        Component<String, Map<String, Object>> both = Component.parallel(ordered(
                "length", prompt.pipe(model).pipe(parser),
                "echo", Component.<String, String>of("echo", s -> s)));
        RecordingCallbacks recorder = new RecordingCallbacks();

        Map<String, Object> out = both.invoke("cats", RunConfig.builder().callbacks(recorder).tags("t1").build());

        assertThat(out).containsExactly(Map.entry("length", "TELL ME ABOUT CATS".length()), Map.entry("echo", "cats"));
        RunInfo root = recorder.run("Parallel[length, echo]");
        RunInfo sequence = recorder.run("Sequence");
        assertThat(root.parentRunId()).isEmpty();
        assertThat(root.kind()).isEqualTo("chain");
        assertThat(sequence.parentRunId()).contains(root.runId());
        assertThat(recorder.run("echo").parentRunId()).contains(root.runId());
        for (String step : List.of("prompt", "model", "parser")) {
            assertThat(recorder.run(step).parentRunId()).as(step).contains(sequence.runId());
            assertThat(recorder.run(step).kind()).isEqualTo("function");
            assertThat(recorder.run(step).tags()).containsExactly("t1");
        }
        assertThat(recorder.runs).hasSize(6);
        assertThat(recorder.ofType("end")).hasSize(6);
        assertThat(recorder.ofType("end")).filteredOn(e -> e.run().name().equals("model"))
                .singleElement().extracting(RecordingCallbacks.Event::payload).isEqualTo("TELL ME ABOUT CATS");
        // inside the sequence, each step starts after the previous one ended
        List<String> sequenceOrder = recorder.events.stream()
                .filter(e -> List.of("prompt", "model", "parser").contains(e.run().name()))
                .map(e -> e.type() + ":" + e.run().name()).toList();
        assertThat(sequenceOrder).containsExactly("start:prompt", "end:prompt", "start:model", "end:model",
                "start:parser", "end:parser");
    }

    @Test
    void failuresAreReportedToCallbacksAndRethrown() {
        RecordingCallbacks recorder = new RecordingCallbacks();
        Component<String, String> chain = Component.<String, String>of("ok", s -> s)
                .pipe(Component.of("boom", s -> {
                    throw new IllegalStateException("no " + s);
                }));

        assertThatThrownBy(() -> chain.invoke("way", RunConfig.builder().callbacks(recorder).build()))
                .isInstanceOf(IllegalStateException.class).hasMessage("no way");
        assertThat(recorder.ofType("error")).extracting(e -> e.run().name()).containsExactly("boom", "Sequence");
    }

    @Test
    void aThrowingCallbackNeverBreaksTheRun() {
        CallbackHandler broken = new CallbackHandler() {
            @Override
            public void onStart(RunInfo run, Object input) {
                throw new IllegalStateException("tracer bug");
            }
        };
        assertThat(Component.of((Integer x) -> x * 2).invoke(21, RunConfig.builder().callbacks(broken).build())).isEqualTo(42);
    }

    @Test
    void parallelRunsBranchesConcurrently() {
        CountDownLatch bothIn = new CountDownLatch(2);
        Component<String, String> waitsForOther = Component.of(s -> {
            bothIn.countDown();
            try {
                // only returns true if the other branch is running at the same time
                return bothIn.await(10, TimeUnit.SECONDS) ? s + "!" : "alone";
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Map<String, Object> out = Component.parallel(ordered("a", waitsForOther, "b", waitsForOther)).invoke("x");
        assertThat(out).containsExactly(Map.entry("a", "x!"), Map.entry("b", "x!"));
    }

    @Test
    void assignKeepsTheInputAndAddsComputedEntries() {
        Component<Map<String, Object>, Map<String, Object>> assign = Component.assign(Map.of(
                "shout", Component.of((Map<String, Object> m) -> m.get("q").toString().toUpperCase())));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("q", "why");
        assertThat(assign.invoke(input)).containsExactly(Map.entry("q", "why"), Map.entry("shout", "WHY"));
        assertThat(input).containsOnlyKeys("q");
    }

    @Test
    void passthroughReturnsItsInput() {
        Object value = new Object();
        assertThat(Component.passthrough().invoke(value)).isSameAs(value);
        Map<String, Object> out = Component.<String>parallel(ordered(
                "original", Component.<String>passthrough(), "length", Component.of(String::length))).invoke("abc");
        assertThat(out).containsExactly(Map.entry("original", "abc"), Map.entry("length", 3));
    }

    @Test
    void invokeAsyncRunsOnTheGivenExecutor() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "my-async-thread"));
        try {
            AtomicReference<String> thread = new AtomicReference<>();
            Component<Integer, Integer> square = Component.of(x -> {
                thread.set(Thread.currentThread().getName());
                return x * x;
            });
            assertThat(square.invokeAsync(7, executor).get(10, TimeUnit.SECONDS)).isEqualTo(49);
            assertThat(thread.get()).isEqualTo("my-async-thread");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aRunStartedAfterTheDeadlineFailsWithoutRunning() {
        AtomicBoolean ran = new AtomicBoolean();
        Component<String, String> c = Component.of(s -> {
            ran.set(true);
            return s;
        });
        RunConfig late = RunConfig.builder().deadline(Instant.now().minusSeconds(1)).build();
        assertThatThrownBy(() -> c.invoke("x", late))
                .isInstanceOf(DeadlineExceededException.class)
                .hasMessageContaining("passed the run deadline");
        assertThat(ran).isFalse();
    }

    @Test
    void theDeadlineStopsLaterStepsOfAChain() {
        AtomicBoolean secondRan = new AtomicBoolean();
        Instant deadline = Instant.now().plusMillis(100);
        Component<String, String> slow = Component.of(s -> {
            sleepUntilAfter(deadline);
            return s;
        });
        Component<String, String> chain = slow.pipe(s -> {
            secondRan.set(true);
            return s;
        });
        assertThatThrownBy(() -> chain.invoke("x", RunConfig.builder().deadline(deadline).build()))
                .isInstanceOf(DeadlineExceededException.class)
                .satisfies(e -> assertThat(((DeadlineExceededException) e).deadline()).isEqualTo(deadline));
        assertThat(secondRan).isFalse();
    }

    @Test
    void namedChangesOnlyTheTraceName() {
        RecordingCallbacks recorder = new RecordingCallbacks();
        Component<String, Integer> c = Component.of(String::length).named("measure");
        assertThat(c.invoke("four", RunConfig.builder().callbacks(recorder).build())).isEqualTo(4);
        assertThat(recorder.run("measure").kind()).isEqualTo("function");
    }

    /** A chat model that says which model it is in its run metadata and calls a nested step. */
    static final class EchoModel implements ChatModel {
        @Override
        public AiMessage generate(ChatRequest request, RunConfig config) {
            return AiMessage.of(Component.of("inner", (String s) -> s).invoke("echo", config));
        }

        @Override
        public Map<String, Object> runMetadata() {
            return Map.of(RunInfo.MODEL_NAME, "echo-1", RunInfo.PROVIDER, "Test");
        }
    }

    @Test
    void aComponentsOwnMetadataJoinsItsRunOnlyAndSurvivesWrappers() {
        RecordingCallbacks recorder = new RecordingCallbacks();
        RunConfig config = RunConfig.builder().callbacks(recorder).metadata("user", "ann").build();

        new EchoModel().withTools(List.of()).chat(ChatRequest.of(ChatMessage.user("hi")), config);

        RunInfo model = recorder.run("EchoModel");
        assertThat(model.metadata()).containsOnly(Map.entry("user", "ann"), Map.entry(RunInfo.MODEL_NAME, "echo-1"),
                Map.entry(RunInfo.PROVIDER, "Test"));
        assertThat(model.modelName()).contains("echo-1");
        assertThat(recorder.run("inner").metadata()).as("not inherited by nested runs").containsOnly(Map.entry("user", "ann"));
        assertThat(recorder.run("inner").modelName()).isEmpty();

        new EchoModel().named("renamed").invoke(PromptValue.of("hi"), config);
        assertThat(recorder.run("renamed").modelName()).contains("echo-1");
    }

    @Test
    void runIdsAreVersion4AndDistinct() {
        assertThat(Run.newRunId().version()).isEqualTo(4);
        assertThat(Run.newRunId().variant()).isEqualTo(2);
        assertThat(java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> Run.newRunId()).distinct().count())
                .isEqualTo(10_000);
    }

    static void sleepUntilAfter(Instant deadline) {
        try {
            while (!Instant.now().isAfter(deadline)) {
                Thread.sleep(Math.max(1, Duration.between(Instant.now(), deadline).toMillis() + 1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static <V> Map<String, V> ordered(String k1, V v1, String k2, V v2) {
        Map<String, V> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
