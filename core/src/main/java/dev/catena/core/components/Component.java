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
     *
     * @param input the input
     * @param config the run's config, whose parent run is this run
     * @return the output
     */
    O call(I input, RunConfig config);

    /**
     * Streams the output in chunks as they are produced. The default yields one chunk, the whole
     * output of {@link #call}; models and other streaming components override it. The returned
     * stream is lazy; closing it cancels the work.
     *
     * @param input the input
     * @param config the run's config, whose parent run is this run
     * @return a lazy stream of output chunks
     */
    default Stream<O> callStream(I input, RunConfig config) {
        return Stream.of(input).map(in -> call(in, config));
    }

    /**
     * Streams the output for a stream of input chunks. The default waits for the whole input
     * (chunks are combined: strings concatenated, {@link Mergeable} chunks merged, otherwise the
     * last chunk wins) and then streams; parsers override it to emit results as input arrives.
     *
     * @param inputs the input chunks, in order
     * @param config the run's config, whose parent run is this run
     * @return a lazy stream of output chunks
     */
    default Stream<O> callTransform(Stream<I> inputs, RunConfig config) {
        return LazyStream.of(() -> callStream(ChunkAggregator.aggregate(inputs), config));
    }

    /** {@return the name shown in traces; defaults to the simple class name} */
    default String name() {
        String simple = getClass().getSimpleName();
        return simple.isEmpty() ? "Component" : simple;
    }

    /** {@return what kind of component this is in traces: "chat_model", "llm", "prompt", "parser", "retriever", "tool", "chain"…} */
    default String kind() {
        return "component";
    }

    /**
     * Metadata this component adds to its own runs, on top of the {@link RunConfig}'s (nested runs
     * do not inherit it). Models put their provider and model name here under
     * {@link RunInfo#PROVIDER} and {@link RunInfo#MODEL_NAME}, so callbacks such as usage trackers
     * know which model ran. Empty by default; return the same immutable map on every call.
     *
     * @return the metadata, immutable; empty by default
     */
    default Map<String, Object> runMetadata() {
        return Map.of();
    }

    /**
     * Runs the component once with no callbacks.
     *
     * @param input the input
     * @return the output
     */
    default O invoke(I input) {
        return invoke(input, RunConfig.defaults());
    }

    /**
     * Runs the component once, reporting the run to the config's callbacks and honouring its deadline.
     *
     * @param input the input
     * @param config callbacks, tags, metadata, deadline and concurrency for this run
     * @return the output
     */
    default O invoke(I input, RunConfig config) {
        return Run.trace(this, input, config, child -> call(input, child));
    }

    /**
     * Runs the component on another thread of {@code executor} (pass a virtual-thread executor on Java 21+).
     *
     * @param input the input
     * @param executor runs the component
     * @return the output, when it is ready
     */
    default CompletableFuture<O> invokeAsync(I input, Executor executor) {
        return invokeAsync(input, RunConfig.defaults(), executor);
    }

    /**
     * As {@link #invokeAsync(Object, Executor)} with a config.
     *
     * @param input the input
     * @param config callbacks, tags, metadata, deadline and concurrency for this run
     * @param executor runs the component
     * @return the output, when it is ready
     */
    default CompletableFuture<O> invokeAsync(I input, RunConfig config, Executor executor) {
        return CompletableFuture.supplyAsync(() -> invoke(input, config), executor);
    }

    /**
     * Streams the output with no callbacks. Close the stream (try-with-resources) to cancel early.
     *
     * @param input the input
     * @return a lazy stream of output chunks
     */
    default Stream<O> stream(I input) {
        return stream(input, RunConfig.defaults());
    }

    /**
     * Streams the output, reporting each chunk and the combined output to the config's callbacks.
     *
     * @param input the input
     * @param config callbacks, tags, metadata, deadline and concurrency for this run
     * @return a lazy stream of output chunks
     */
    default Stream<O> stream(I input, RunConfig config) {
        return Run.traceStream(this, input, config, child -> callStream(input, child));
    }

    /**
     * Streams the output for a stream of input chunks (how {@link #pipe} streams end to end).
     *
     * @param inputs the input chunks, in order
     * @param config callbacks, tags, metadata, deadline and concurrency for this run
     * @return a lazy stream of output chunks
     */
    default Stream<O> transform(Stream<I> inputs, RunConfig config) {
        // Closing the output closes the input too, so cancelling the end of a pipe reaches its start.
        return Run.traceStream(this, null, config, child -> callTransform(inputs, child)).onClose(inputs::close);
    }

    /**
     * Runs the component on every input, at most {@link RunConfig#maxConcurrency()} at once.
     * Results come back in input order. If any input fails, the others still finish and a
     * {@link BatchException} names the first failing index.
     *
     * @param inputs the inputs
     * @return the outputs, in input order
     */
    default List<O> batch(List<? extends I> inputs) {
        return batch(inputs, RunConfig.defaults());
    }

    /**
     * As {@link #batch(List)} with a config.
     *
     * @param inputs the inputs
     * @param config callbacks, tags, metadata, deadline and concurrency for every run
     * @return the outputs, in input order
     */
    default List<O> batch(List<? extends I> inputs, RunConfig config) {
        return Batch.run(this, new ArrayList<>(inputs), config);
    }

    /**
     * Sends this component's output into {@code next}: the chain runs, streams and traces as one.
     *
     * @param <R> the type of {@code next}'s output
     * @param next the component that takes this one's output
     * @return the two as one component
     */
    default <R> Component<I, R> pipe(Component<? super O, ? extends R> next) {
        return Sequence.of(this, next);
    }

    /**
     * Sends this component's output through a plain function.
     *
     * @param <R> the type of the function's result
     * @param next the function that takes this component's output
     * @return the two as one component
     */
    default <R> Component<I, R> pipe(Function<? super O, ? extends R> next) {
        return pipe(Component.of(next));
    }

    /**
     * Retries failed calls as the policy says (backoff with jitter, retry-on predicate, max attempts).
     *
     * @param policy how many times to retry, how long to wait between, and on which failures
     * @return this component with retries
     */
    default Component<I, O> withRetry(RetryPolicy policy) {
        return new Retrying<>(this, policy);
    }

    /**
     * Retries up to {@code maxAttempts} calls in all, with the default backoff, on any exception.
     *
     * @param maxAttempts calls in all, the first included (at least 1)
     * @return this component with retries
     */
    default Component<I, O> withRetry(int maxAttempts) {
        return withRetry(RetryPolicy.builder().maxAttempts(maxAttempts).build());
    }

    /**
     * On failure, tries each fallback in order with the same input; the last failure is thrown with the
     * earlier ones suppressed.
     *
     * @param fallbacks the components to try, in order, when the ones before have failed
     * @return this component with fallbacks
     */
    @SuppressWarnings("unchecked")
    default Component<I, O> withFallbacks(Component<? super I, ? extends O>... fallbacks) {
        return new Fallbacks<>(this, List.of(fallbacks));
    }

    /**
     * Gives this component another name in traces.
     *
     * @param name the name shown in traces
     * @return this component under that name
     */
    default Component<I, O> named(String name) {
        return new Named<>(this, name);
    }

    /**
     * Wraps a plain function as a component (named after the function's class).
     *
     * @param <I> the input type
     * @param <O> the output type
     * @param function the work to do
     * @return the function as a component
     */
    static <I, O> Component<I, O> of(Function<? super I, ? extends O> function) {
        return new FunctionComponent<>(null, function);
    }

    /**
     * Wraps a plain function as a component with a name for traces.
     *
     * @param <I> the input type
     * @param <O> the output type
     * @param name the name shown in traces
     * @param function the work to do
     * @return the function as a component
     */
    static <I, O> Component<I, O> of(String name, Function<? super I, ? extends O> function) {
        return new FunctionComponent<>(name, function);
    }

    /**
     * Runs every branch on the same input concurrently and returns their outputs by key (LCEL's
     * {@code RunnableParallel}); at most {@link RunConfig#maxConcurrency()} branches at once.
     *
     * @param <I> the input type every branch takes
     * @param branches the components to run, by the key their output goes under
     * @return a component whose output maps each key to its branch's output
     */
    static <I> Component<I, Map<String, Object>> parallel(Map<String, ? extends Component<? super I, ?>> branches) {
        return new ParallelMap<>(branches);
    }

    /**
     * {@return a component whose output is its input, unchanged (LCEL's {@code RunnablePassthrough})}
     *
     * @param <I> the input (and output) type
     */
    static <I> Component<I, I> passthrough() {
        return new FunctionComponent<>("Passthrough", Function.identity());
    }

    /**
     * Keeps the input map and adds one entry per branch, each computed from the input map
     * concurrently (LCEL's {@code RunnablePassthrough.assign}).
     *
     * @param branches the components that compute the new entries, by key
     * @return a component whose output is the input map plus one entry per branch
     */
    static Component<Map<String, Object>, Map<String, Object>> assign(
            Map<String, ? extends Component<? super Map<String, Object>, ?>> branches) {
        return new Assign(branches);
    }
}
