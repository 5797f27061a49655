package dev.catena.core.components;

import dev.catena.core.messages.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every callback event, thread-safely, for assertions. */
final class RecordingCallbacks implements CallbackHandler {

    record Event(String type, RunInfo run, Object payload) {
    }

    final List<Event> events = new CopyOnWriteArrayList<>();
    final Map<UUID, RunInfo> runs = new ConcurrentHashMap<>();

    @Override
    public void onStart(RunInfo run, Object input) {
        runs.put(run.runId(), run);
        events.add(new Event("start", run, input));
    }

    @Override
    public void onChunk(RunInfo run, Object chunk) {
        events.add(new Event("chunk", run, chunk));
    }

    @Override
    public void onUsage(RunInfo run, TokenUsage usage) {
        events.add(new Event("usage", run, usage));
    }

    @Override
    public void onEnd(RunInfo run, Object output, Duration elapsed) {
        events.add(new Event("end", run, output));
    }

    @Override
    public void onError(RunInfo run, Throwable error, Duration elapsed) {
        events.add(new Event("error", run, error));
    }

    List<Event> ofType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    /** The one started run with this name. */
    RunInfo run(String name) {
        List<RunInfo> found = runs.values().stream().filter(r -> r.name().equals(name)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one run named " + name + ", found " + found.size() + " in " + runs.values());
        }
        return found.get(0);
    }
}
