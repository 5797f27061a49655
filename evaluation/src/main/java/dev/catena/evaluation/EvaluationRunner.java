package dev.catena.evaluation;

import dev.catena.core.components.CallbackHandler;
import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.components.RunInfo;
import dev.catena.core.messages.TokenUsage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs a component over a dataset, at most {@code maxConcurrency} examples at a time, applies the
 * evaluators to each output and collects an {@link EvaluationReport}. An example whose component
 * call throws is recorded with its error (and no scores) while the others go on; an evaluator that
 * throws is recorded as that evaluator's failure. Latency is measured around each call, and tokens
 * are summed from the {@link CallbackHandler#onUsage} reports of the call's models. A progress line
 * ({@code [#####.....] 5/10, 1 error}) is redrawn on the progress stream, when one is set.
 *
 * <pre>{@code
 * EvaluationReport report = EvaluationRunner.builder()
 *         .evaluators(ExactMatchEvaluator.lenient())
 *         .maxConcurrency(4)
 *         .build()
 *         .run(component, dataset);
 * }</pre>
 */
public final class EvaluationRunner {

    private final List<Evaluator> evaluators;
    private final int maxConcurrency;
    private final PrintStream progress;
    private final TokenPrice price;

    private EvaluationRunner(Builder builder) {
        this.evaluators = List.copyOf(builder.evaluators);
        this.maxConcurrency = builder.maxConcurrency;
        this.progress = builder.progress;
        this.price = builder.price;
    }

    /** {@return a builder: no evaluators, concurrency 1, progress on standard error, no prices} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs a component taking text over the dataset, each example's input given as is, the output
     * read by {@link Prediction#of}.
     *
     * @param component the component under evaluation
     * @param dataset the examples
     * @return the report
     */
    public EvaluationReport run(Component<String, ?> component, Dataset dataset) {
        return run(component, dataset, Example::input, Prediction::of);
    }

    /**
     * Runs any component over the dataset.
     *
     * @param component the component under evaluation
     * @param dataset the examples
     * @param toInput turns an example into the component's input
     * @param reader turns the component's output into what evaluators see
     * @param <I> the component's input type
     * @param <O> the component's output type
     * @return the report, rows in dataset order
     */
    public <I, O> EvaluationReport run(Component<I, O> component, Dataset dataset, Function<Example, ? extends I> toInput,
                                       Function<? super O, Prediction> reader) {
        Objects.requireNonNull(component, "component");
        List<Example> examples = dataset.examples();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(maxConcurrency, r -> {
            Thread t = new Thread(r, "catena-evaluation");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ExampleResult>> futures = new ArrayList<>();
            for (Example example : examples) {
                futures.add(pool.submit(() -> {
                    ExampleResult row = evaluate(component, example, toInput, reader);
                    if (row.error() != null) {
                        errors.incrementAndGet();
                    }
                    showProgress(done.incrementAndGet(), examples.size(), errors.get());
                    return row;
                }));
            }
            List<ExampleResult> rows = new ArrayList<>();
            for (Future<ExampleResult> future : futures) {
                rows.add(future.get());
            }
            if (progress != null) {
                progress.println();
            }
            return new EvaluationReport(dataset.name(), evaluators.stream().map(Evaluator::name).toList(), rows, price);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvaluationException("the evaluation run was interrupted", e);
        } catch (ExecutionException e) {
            throw new EvaluationException("the evaluation run failed outside any single example: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private <I, O> ExampleResult evaluate(Component<I, O> component, Example example, Function<Example, ? extends I> toInput,
                                          Function<? super O, Prediction> reader) {
        AtomicReference<TokenUsage> usage = new AtomicReference<>(TokenUsage.ZERO);
        CallbackHandler counter = new CallbackHandler() {
            @Override
            public void onUsage(RunInfo run, TokenUsage spent) {
                usage.accumulateAndGet(spent, TokenUsage::plus);
            }
        };
        RunConfig config = RunConfig.builder().callbacks(counter).build();
        long start = System.nanoTime();
        Prediction prediction;
        try {
            prediction = reader.apply(component.invoke(toInput.apply(example), config));
        } catch (RuntimeException e) {
            double millis = (System.nanoTime() - start) / 1e6;
            return new ExampleResult(example.id(), example.input(), null, example.reference(), List.of(), millis, usage.get(),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        double millis = (System.nanoTime() - start) / 1e6;
        Sample sample = new Sample(example.input(), prediction.output(), example.reference(), prediction.context());
        List<EvaluationResult> results = evaluators.stream().map(e -> e.safeEvaluate(sample)).toList();
        return new ExampleResult(example.id(), example.input(), prediction.output(), example.reference(), results, millis,
                usage.get(), null);
    }

    private void showProgress(int done, int total, int errors) {
        if (progress == null) {
            return;
        }
        int width = 20;
        int filled = total == 0 ? width : done * width / total;
        String line = "\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total
                + (errors == 0 ? "" : ", " + errors + (errors == 1 ? " error" : " errors"));
        synchronized (progress) {
            progress.print(line);
            progress.flush();
        }
    }

    /** Configures an {@link EvaluationRunner}. */
    public static final class Builder {

        private final List<Evaluator> evaluators = new ArrayList<>();
        private int maxConcurrency = 1;
        private PrintStream progress = System.err;
        private TokenPrice price;

        private Builder() {
        }

        /**
         * Adds evaluators, applied in order to every output.
         *
         * @param values the evaluators
         * @return this builder
         */
        public Builder evaluators(Evaluator... values) {
            for (Evaluator e : values) {
                evaluators.add(Objects.requireNonNull(e, "evaluator"));
            }
            return this;
        }

        /**
         * Sets how many examples may run at once.
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder maxConcurrency(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxConcurrency must be at least 1, got " + value);
            }
            this.maxConcurrency = value;
            return this;
        }

        /**
         * Sets where the progress line goes; {@code null} for none.
         *
         * @param value a stream, or {@code null}
         * @return this builder
         */
        public Builder progress(PrintStream value) {
            this.progress = value;
            return this;
        }

        /**
         * Sets token prices, so the report shows the run's cost.
         *
         * @param value the prices
         * @return this builder
         */
        public Builder price(TokenPrice value) {
            this.price = value;
            return this;
        }

        /**
         * Builds the runner; it needs at least one evaluator.
         *
         * @return the runner
         */
        public EvaluationRunner build() {
            if (evaluators.isEmpty()) {
                throw new IllegalStateException("an evaluation runner needs at least one evaluator; add some with evaluators(...)");
            }
            return new EvaluationRunner(this);
        }
    }
}
