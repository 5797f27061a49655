package dev.catena.memory;

import dev.catena.core.components.CallbackHandler;
import dev.catena.core.components.RunInfo;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the runs it is told about, for trace assertions. */
final class RecordingCallbacks implements CallbackHandler {

    final List<RunInfo> started = new CopyOnWriteArrayList<>();

    @Override
    public void onStart(RunInfo run, Object input) {
        started.add(run);
    }
}
