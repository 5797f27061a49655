package dev.catena.benchmarks.core;

import dev.catena.core.components.CallbackHandler;
import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What {@link Component#pipe} costs per stage: a chain of {@code stages} no-op components invoked
 * as one, against calling the same no-op function that many times directly. Per-stage overhead =
 * (chain − direct) / stages. Target: below 1 µs. {@code tracedChain} adds a callback handler that
 * does nothing, to show the cost of reporting runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PipeBenchmark {

    @Param({"1", "10"})
    public int stages;

    private final Function<String, String> noOp = s -> s;
    private Component<String, String> chain;
    private RunConfig traced;
    private String input;

    @Setup
    public void setUp() {
        Component<String, String> c = Component.of(noOp);
        for (int i = 1; i < stages; i++) {
            c = c.pipe(Component.of(noOp));
        }
        chain = c;
        traced = RunConfig.builder().callbacks(new CallbackHandler() { }).build();
        input = "question";
    }

    @Benchmark
    public String chain() {
        return chain.invoke(input);
    }

    @Benchmark
    public String tracedChain() {
        return chain.invoke(input, traced);
    }

    @Benchmark
    public String direct() {
        String value = input;
        for (int i = 0; i < stages; i++) {
            value = noOp.apply(value);
        }
        return value;
    }
}
