package dev.catena.core.components;

import dev.catena.core.messages.TokenUsage;
import java.time.Duration;

/**
 * Hears about every run: start, streamed chunks, tokens used, end or error. Pass handlers in
 * {@link RunConfig.Builder#callbacks}; they are inherited by nested runs, so a handler sees the
 * whole tree (use {@link RunInfo#parentRunId()} to rebuild it). Handlers are called on the thread
 * doing the work, possibly many at once, so they must be thread-safe and quick. An exception
 * thrown by a handler is logged and otherwise ignored: tracing never breaks a run.
 */
public interface CallbackHandler {

    /**
     * A run started with this input (null for a run whose input is a stream of chunks).
     *
     * @param run the run that started
     * @param input its input, or null
     */
    default void onStart(RunInfo run, Object input) {
    }

    /**
     * A streaming run produced a chunk.
     *
     * @param run the streaming run
     * @param chunk the chunk, as the run's component produced it
     */
    default void onChunk(RunInfo run, Object chunk) {
    }

    /**
     * A run spent tokens: a model it called directly reported this usage through
     * {@link RunConfig#reportUsage}. Comes before the run's {@link #onEnd}; may come more than once
     * for one run (an embedding run split into several requests reports each). Only the run that
     * made the request reports it, never its parents, so adding up every report counts each
     * request once. Cached answers report nothing.
     *
     * @param run the run whose model made the request
     * @param usage the tokens the provider reported for that request
     */
    default void onUsage(RunInfo run, TokenUsage usage) {
    }

    /**
     * A run finished; for a streaming run the output is its chunks combined.
     *
     * @param run the run that finished
     * @param output its output (for a stream, the chunks combined)
     * @param elapsed the time from start to end
     */
    default void onEnd(RunInfo run, Object output, Duration elapsed) {
    }

    /**
     * A run failed (or its stream was closed before the end).
     *
     * @param run the run that failed
     * @param error why it failed
     * @param elapsed the time from start to failure
     */
    default void onError(RunInfo run, Throwable error, Duration elapsed) {
    }
}
