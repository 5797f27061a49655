package dev.catena.retrieval.retrievers;

import dev.catena.core.components.CallbackHandler;
import dev.catena.core.components.RunInfo;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records started runs, to check what a retriever reported to callbacks. */
final class RunRecorder implements CallbackHandler {

    final List<RunInfo> started = new CopyOnWriteArrayList<>();

    @Override
    public void onStart(RunInfo run, Object input) {
        started.add(run);
    }

    RunInfo first(String kind) {
        return started.stream().filter(r -> r.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no run of kind " + kind + " in " + started));
    }
}
