package dev.catena.core.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class FallbacksTest {

    private final List<String> tried = new CopyOnWriteArrayList<>();

    private Component<String, String> failing(String name) {
        return Component.of(name, s -> {
            tried.add(name);
            throw new IllegalStateException(name + " is down");
        });
    }

    private Component<String, String> answering(String name) {
        return Component.of(name, s -> {
            tried.add(name);
            return name + ": " + s;
        });
    }

    @Test
    void triesFallbacksInOrderWithTheSameInput() {
        Component<String, String> c = failing("primary").withFallbacks(failing("second"), answering("third"), answering("fourth"));
        assertThat(c.invoke("hi")).isEqualTo("third: hi");
        assertThat(tried).containsExactly("primary", "second", "third");
    }

    @Test
    void thePrimaryAloneRunsWhenItSucceeds() {
        assertThat(answering("primary").withFallbacks(answering("backup")).invoke("hi")).isEqualTo("primary: hi");
        assertThat(tried).containsExactly("primary");
    }

    @Test
    void whenAllFailTheLastFailureIsThrownWithTheEarlierOnesSuppressed() {
        assertThatThrownBy(() -> failing("a").withFallbacks(failing("b"), failing("c")).invoke("x"))
                .hasMessage("c is down")
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
                        .containsExactly("a is down", "b is down"));
    }

    @Test
    void theSameExceptionInstanceFromEveryCandidateIsStillThrown() {
        IllegalStateException shared = new IllegalStateException("shared");
        Component<String, String> a = Component.of(s -> {
            throw shared;
        });
        assertThatThrownBy(() -> a.withFallbacks(a).invoke("x")).isSameAs(shared);
    }

    @Test
    void fallbacksAreTracedAsChildren() {
        RecordingCallbacks recorder = new RecordingCallbacks();
        failing("a").withFallbacks(answering("b")).invoke("x", RunConfig.builder().callbacks(recorder).build());
        RunInfo parent = recorder.run("WithFallbacks(a)");
        assertThat(recorder.run("a").parentRunId()).contains(parent.runId());
        assertThat(recorder.run("b").parentRunId()).contains(parent.runId());
    }

    @Test
    void atLeastOneFallbackIsNeeded() {
        assertThatThrownBy(() -> answering("a").withFallbacks()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one fallback");
    }
}
