package dev.catena.chains;

import dev.catena.core.components.CallbackHandler;
import dev.catena.core.components.RunInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps every finished run (name, parent, output) so tests can check the trace tree. */
public final class RecordingTracer implements CallbackHandler {

    /** A finished run. */
    public record Ended(RunInfo run, Object output) {
    }

    private final List<Ended> ended = Collections.synchronizedList(new ArrayList<>());
    private final List<RunInfo> failed = Collections.synchronizedList(new ArrayList<>());
    private final Map<UUID, RunInfo> started = new ConcurrentHashMap<>();

    @Override
    public void onStart(RunInfo run, Object input) {
        started.put(run.runId(), run);
    }

    @Override
    public void onEnd(RunInfo run, Object output, Duration elapsed) {
        ended.add(new Ended(run, output));
    }

    @Override
    public void onError(RunInfo run, Throwable error, Duration elapsed) {
        failed.add(run);
    }

    /** Finished runs in the order they ended. */
    public List<Ended> ended() {
        synchronized (ended) {
            return List.copyOf(ended);
        }
    }

    /** Names of finished runs in the order they ended. */
    public List<String> endedNames() {
        return ended().stream().map(e -> e.run().name()).toList();
    }

    /** Runs that failed or were cancelled. */
    public List<RunInfo> failed() {
        synchronized (failed) {
            return List.copyOf(failed);
        }
    }

    /** The finished run named {@code name} (the first if several). */
    public Ended one(String name) {
        return ended().stream().filter(e -> e.run().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no run named " + name + " in " + endedNames()));
    }

    /** The name of the run's parent. */
    public String parentName(RunInfo run) {
        RunInfo parent = run.parentRunId().map(started::get).orElse(null);
        return parent == null ? null : parent.name();
    }
}
