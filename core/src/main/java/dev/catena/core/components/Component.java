package dev.catena.core.components;

import dev.catena.core.messages.Mergeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The one composition interface: a building block that turns an input into an output.
 *
 * <p>Prompt templates, chat and text models, output parsers, retrievers, tools, chains and agents
 * are all components, so they compose with {@link #pipe} and share {@link #batch}, {@link #stream},
 * {@link #withRetry} and {@link #withFallbacks}:
 *
 * <pre>{@code
 * Component<Map<String, Object>, String> chain = prompt.pipe(model).pipe(parser);
 * String answer = chain.invoke(Map.of("concept", "regularization"));
 * }</pre>
 *
 * <p>Implementors write {@link #call} (and, to stream natively, {@link #callStream} or
 * {@link #callTransform}); callers use {@code invoke}, {@code stream}, {@code batch}. The
 * {@code invoke}/{@code stream} defaults report every run to the {@link CallbackHandler}s in the
 * {@link RunConfig}, with the parent run id, so a tracer sees the whole nested run tree.
 *
 * @param <I> input type
 * @param <O> output type
 */
public interface Component<I, O> {

    /**
     * Does the work. Called by {@link #invoke(Object, RunConfig)} with a config whose parent run is
     * this run, so components called from here appear as its children. Implement it; don't call it
     * directly (that bypasses callbacks and deadlines).
     */
    O call(I input, RunConfig config);

    /**
     * Streams the output in chunks as they are produced. The default yields one chunk, the whole
     * output of {@link #call}; models and other streaming components override it. The returned
     * stream is lazy; closing it cancels the work.
     */
    default Stream<O> callStream(I input, RunConfig config) {
        return Stream.of(input).map(in -> call(in, config));
    }

    /**
     * Streams the output for a stream of input chunks. The default waits for the whole input
     * (chunks are combined: strings concatenated, {@link Mergeable} chunks merged, otherwise the
     * last chunk wins) and then streams; parsers override it to emit results as input arrives.
     */
    default Stream<O> callTransform(Stream<I> inputs, RunConfig config) {
        return LazyStream.of(() -> callStream(ChunkAggregator.aggregate(inputs), config));
    }

    /** The name shown in traces; defaults to the simple class name. */
    default String name() {
        String simple = getClass().getSimpleName();
        return simple.isEmpty() ? "Component" : simple;
    }

    /** What kind of component this is in traces: "chat_model", "llm", "prompt", "parser", "retriever", "tool", "chain"… */
    default String kind() {
        return "component";
    }

    /**
     * Metadata this component adds to its own runs, on top of the {@link RunConfig}'s (nested runs
     * do not inherit it). Models put their provider and model name here under
     * {@link RunInfo#PROVIDER} and {@link RunInfo#MODEL_NAME}, so callbacks such as usage trackers
     * know which model ran. Empty by default; return the same immutable map on every call.
     */
    default Map<String, Object> runMetadata() {
        return Map.of();
    }

    /** Runs the component once with no callbacks. */
    default O invoke(I input) {
        return invoke(input, RunConfig.defaults());
    }

    /** Runs the component once, reporting the run to the config's callbacks and honouring its deadline. */
    default O invoke(I input, RunConfig config) {
        return Run.trace(this, input, config, child -> call(input, child));
    }

    /** Runs the component on another thread of {@code executor} (pass a virtual-thread executor on Java 21+). */
    default CompletableFuture<O> invokeAsync(I input, Executor executor) {
        return invokeAsync(input, RunConfig.defaults(), executor);
    }

    /** As {@link #invokeAsync(Object, Executor)} with a config. */
    default CompletableFuture<O> invokeAsync(I input, RunConfig config, Executor executor) {
        return CompletableFuture.supplyAsync(() -> invoke(input, config), executor);
    }

    /** Streams the output with no callbacks. Close the stream (try-with-resources) to cancel early. */
    default Stream<O> stream(I input) {
        return stream(input, RunConfig.defaults());
    }

    /** Streams the output, reporting each chunk and the combined output to the config's callbacks. */
    default Stream<O> stream(I input, RunConfig config) {
        return Run.traceStream(this, input, config, child -> callStream(input, child));
    }

    /** Streams the output for a stream of input chunks (how {@link #pipe} streams end to end). */
    default Stream<O> transform(Stream<I> inputs, RunConfig config) {
        // Closing the output closes the input too, so cancelling the end of a pipe reaches its start.
        return Run.traceStream(this, null, config, child -> callTransform(inputs, child)).onClose(inputs::close);
    }

    /**
     * Runs the component on every input, at most {@link RunConfig#maxConcurrency()} at once.
     * Results come back in input order. If any input fails, the others still finish and a
     * {@link BatchException} names the first failing index.
     */
    default List<O> batch(List<? extends I> inputs) {
        return batch(inputs, RunConfig.defaults());
    }

    /** As {@link #batch(List)} with a config. */
    default List<O> batch(List<? extends I> inputs, RunConfig config) {
        return Batch.run(this, new ArrayList<>(inputs), config);
    }

    /** Sends this component's output into {@code next}: the chain runs, streams and traces as one. */
    default <R> Component<I, R> pipe(Component<? super O, ? extends R> next) {
        return Sequence.of(this, next);
    }

    /** Sends this component's output through a plain function. */
    default <R> Component<I, R> pipe(Function<? super O, ? extends R> next) {
        return pipe(Component.of(next));
    }

    /** Retries failed calls as the policy says (backoff with jitter, retry-on predicate, max attempts). */
    default Component<I, O> withRetry(RetryPolicy policy) {
        return new Retrying<>(this, policy);
    }

    /** Retries up to {@code maxAttempts} calls in all, with the default backoff, on any exception. */
    default Component<I, O> withRetry(int maxAttempts) {
        return withRetry(RetryPolicy.builder().maxAttempts(maxAttempts).build());
    }

    /** On failure, tries each fallback in order with the same input; the last failure is thrown with the earlier ones suppressed. */
    @SuppressWarnings("unchecked")
    default Component<I, O> withFallbacks(Component<? super I, ? extends O>... fallbacks) {
        return new Fallbacks<>(this, List.of(fallbacks));
    }

    /** Gives this component another name in traces. */
    default Component<I, O> named(String name) {
        return new Named<>(this, name);
    }

    /** Wraps a plain function as a component (named after the function's class). */
    static <I, O> Component<I, O> of(Function<? super I, ? extends O> function) {
        return new FunctionComponent<>(null, function);
    }

    /** Wraps a plain function as a component with a name for traces. */
    static <I, O> Component<I, O> of(String name, Function<? super I, ? extends O> function) {
        return new FunctionComponent<>(name, function);
    }

    /**
     * Runs every branch on the same input concurrently and returns their outputs by key (LCEL's
     * {@code RunnableParallel}); at most {@link RunConfig#maxConcurrency()} branches at once.
     */
    static <I> Component<I, Map<String, Object>> parallel(Map<String, ? extends Component<? super I, ?>> branches) {
        return new ParallelMap<>(branches);
    }

    /** Returns its input unchanged (LCEL's {@code RunnablePassthrough}). */
    static <I> Component<I, I> passthrough() {
        return new FunctionComponent<>("Passthrough", Function.identity());
    }

    /**
     * Keeps the input map and adds one entry per branch, each computed from the input map
     * concurrently (LCEL's {@code RunnablePassthrough.assign}).
     */
    static Component<Map<String, Object>, Map<String, Object>> assign(
            Map<String, ? extends Component<? super Map<String, Object>, ?>> branches) {
        return new Assign(branches);
    }
}
