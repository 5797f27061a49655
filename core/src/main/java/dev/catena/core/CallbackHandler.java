package dev.catena.core;

import java.time.Duration;

/**
 * Hears about every run: start, streamed chunks, end or error. Pass handlers in
 * {@link RunConfig.Builder#callbacks}; they are inherited by nested runs, so a handler sees the
 * whole tree (use {@link RunInfo#parentRunId()} to rebuild it). Handlers are called on the thread
 * doing the work, possibly many at once, so they must be thread-safe and quick. An exception
 * thrown by a handler is logged and otherwise ignored: tracing never breaks a run.
 */
public interface CallbackHandler {

    /** A run started with this input (null for a run whose input is a stream of chunks). */
    default void onStart(RunInfo run, Object input) {
    }

    /** A streaming run produced a chunk. */
    default void onChunk(RunInfo run, Object chunk) {
    }

    /** A run finished; for a streaming run the output is its chunks combined. */
    default void onEnd(RunInfo run, Object output, Duration elapsed) {
    }

    /** A run failed (or its stream was closed before the end). */
    default void onError(RunInfo run, Throwable error, Duration elapsed) {
    }
}
