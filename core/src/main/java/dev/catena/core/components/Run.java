package dev.catena.core.components;

import dev.catena.core.messages.Mergeable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One traced run of a component: reports start, chunks, end and error to the callbacks of its
 * {@link RunConfig}, and hands nested work a config whose parent is this run.
 *
 * <p>{@link Component#invoke} and {@link Component#stream} use it; call it yourself only when a
 * component offers an entry point with another input type (a chat model's
 * {@code chat(ChatRequest)}, say) and that call must be traced too.
 */
public final class Run {

    private static final Logger LOG = LoggerFactory.getLogger(Run.class);

    private final RunInfo info;
    private final RunConfig config;
    private final RunConfig childConfig;
    private final long startNanos;

    private Run(Component<?, ?> component, RunConfig config) {
        UUID id = newRunId();
        this.info = new RunInfo(id, config.parentRunId().orElse(null), component.name(), component.kind(),
                config.tags(), metadataOf(component, config), Instant.now());
        this.config = config;
        this.childConfig = config.child(info);
        this.startNanos = System.nanoTime();
    }

    /**
     * Runs {@code body} as a traced run of {@code component} with this input.
     *
     * @param <O> the output type
     * @param component the component whose run this is (its name, kind and run metadata)
     * @param input the input, as callbacks see it
     * @param config the caller's config; the body gets one whose parent run is this run
     * @param body the work, given the child config
     * @return what the body returned
     */
    public static <O> O trace(Component<?, ?> component, Object input, RunConfig config, Function<RunConfig, O> body) {
        checkDeadline(component, config);
        Run run = new Run(component, config);
        run.start(input);
        O output;
        try {
            output = body.apply(run.childConfig);
        } catch (RuntimeException | Error e) {
            run.fail(e);
            throw e;
        }
        run.end(output);
        return output;
    }

    /**
     * Streams {@code body} as a traced run: it starts when the first chunk is pulled, reports each
     * chunk, and ends with the chunks combined when the stream is exhausted. Closing the stream
     * early closes the inner stream (cancelling its work) and reports a {@link CancellationException}.
     *
     * @param <O> the chunk type
     * @param component the component whose run this is (its name, kind and run metadata)
     * @param input the input, as callbacks see it
     * @param config the caller's config; the body gets one whose parent run is this run
     * @param body opens the inner stream, given the child config
     * @return a lazy stream of the body's chunks
     */
    public static <O> Stream<O> traceStream(Component<?, ?> component, Object input, RunConfig config,
                                            Function<RunConfig, Stream<O>> body) {
        TracedSpliterator<O> spliterator = new TracedSpliterator<>(component, input, config, body);
        return StreamSupport.stream(spliterator, false).onClose(spliterator::close);
    }

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: run ids need to be unique, not
     * unguessable, and {@link UUID#randomUUID()} goes through a shared SecureRandom that costs more
     * than a whole no-op run.
     */
    static UUID newRunId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    /** The config's metadata with the component's own on top (no copy when the component adds none). */
    private static Map<String, Object> metadataOf(Component<?, ?> component, RunConfig config) {
        Map<String, Object> own = component.runMetadata();
        if (own.isEmpty()) {
            return config.metadata();
        }
        if (config.metadata().isEmpty()) {
            return own;
        }
        Map<String, Object> all = new HashMap<>(config.metadata());
        all.putAll(own);
        return all;
    }

    private static void checkDeadline(Component<?, ?> component, RunConfig config) {
        if (config.deadline().isPresent() && Instant.now().isAfter(config.deadline().get())) {
            throw new DeadlineExceededException("run of " + component.name(), config.deadline().get());
        }
    }

    private void start(Object input) {
        for (CallbackHandler h : config.callbacks()) {
            try {
                h.onStart(info, input);
            } catch (RuntimeException e) {
                LOG.warn("callback {} failed on start of {}: {}", h.getClass().getName(), info.name(), e.toString());
            }
        }
    }

    private void chunk(Object chunk) {
        for (CallbackHandler h : config.callbacks()) {
            try {
                h.onChunk(info, chunk);
            } catch (RuntimeException e) {
                LOG.warn("callback {} failed on chunk of {}: {}", h.getClass().getName(), info.name(), e.toString());
            }
        }
    }

    private void end(Object output) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        for (CallbackHandler h : config.callbacks()) {
            try {
                h.onEnd(info, output, elapsed);
            } catch (RuntimeException e) {
                LOG.warn("callback {} failed on end of {}: {}", h.getClass().getName(), info.name(), e.toString());
            }
        }
    }

    private void fail(Throwable error) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        for (CallbackHandler h : config.callbacks()) {
            try {
                h.onError(info, error, elapsed);
            } catch (RuntimeException e) {
                LOG.warn("callback {} failed on error of {}: {}", h.getClass().getName(), info.name(), e.toString());
            }
        }
    }

    /** Pulls the inner stream lazily and reports what passes through it. */
    private static final class TracedSpliterator<O> extends Spliterators.AbstractSpliterator<O> {
        private final Component<?, ?> component;
        private final Object input;
        private final RunConfig config;
        private final Function<RunConfig, Stream<O>> body;
        private final List<O> chunks = new ArrayList<>();
        private Run run;
        private Stream<O> inner;
        private Spliterator<O> source;
        private boolean finished;

        TracedSpliterator(Component<?, ?> component, Object input, RunConfig config, Function<RunConfig, Stream<O>> body) {
            super(Long.MAX_VALUE, Spliterator.ORDERED);
            this.component = component;
            this.input = input;
            this.config = config;
            this.body = body;
        }

        @Override
        public boolean tryAdvance(Consumer<? super O> action) {
            if (finished) {
                return false;
            }
            try {
                if (run == null) {
                    checkDeadline(component, config);
                    run = new Run(component, config);
                    run.start(input);
                    inner = body.apply(run.childConfig);
                    source = inner.spliterator();
                }
                boolean more = source.tryAdvance(chunk -> {
                    if (!(chunk instanceof CharSequence) && !(chunk instanceof Mergeable<?>)) {
                        // Only the last of such chunks is the result: keeping every one (each a whole
                        // value so far, as a streamed JSON parser yields) would hold memory quadratic in the stream.
                        chunks.clear();
                    }
                    chunks.add(chunk);
                    run.chunk(chunk);
                    action.accept(chunk);
                });
                if (!more) {
                    finished = true;
                    inner.close();
                    run.end(ChunkAggregator.aggregate(chunks));
                }
                return more;
            } catch (RuntimeException | Error e) {
                finished = true;
                if (inner != null) {
                    inner.close();
                }
                if (run != null) {
                    run.fail(e);
                }
                throw e;
            }
        }

        void close() {
            if (finished) {
                return;
            }
            finished = true;
            if (inner != null) {
                inner.close();
            }
            if (run != null) {
                run.fail(new CancellationException("stream closed after " + chunks.size() + " chunks"));
            }
        }
    }
}
