package dev.catena.chains;

import dev.catena.core.components.Component;
import dev.catena.core.models.PromptValue;
import dev.catena.core.components.RunConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chains of one input and one output each, run in a line: each step's output is the next step's
 * input (LangChain's {@code SimpleSequentialChain}). As a {@link Chain} it takes {@value #INPUT} and
 * returns {@value #OUTPUT}; {@link #run(String)} takes and returns the string.
 *
 * <pre>{@code
 * SimpleSequentialChain chain = SimpleSequentialChain.of(synopsisChain, reviewChain);
 * String review = chain.run("Tragedy at sunset on the beach");
 * }</pre>
 */
public final class SimpleSequentialChain implements Chain {

    /** The input key. */
    public static final String INPUT = "input";
    /** The output key. */
    public static final String OUTPUT = "output";

    private final List<Chain> steps;

    private SimpleSequentialChain(List<Chain> steps) {
        if (steps.isEmpty()) {
            throw new ChainValidationException("a SimpleSequentialChain needs at least one step");
        }
        for (int i = 0; i < steps.size(); i++) {
            Chain step = steps.get(i);
            if (step.inputKeys().size() != 1 || step.outputKeys().size() != 1) {
                throw new ChainValidationException("step " + (i + 1) + " (" + step.name()
                        + ") must take exactly one input and return exactly one output, but takes " + step.inputKeys()
                        + " and returns " + step.outputKeys() + "; use SequentialChain for named variables");
            }
        }
        this.steps = List.copyOf(steps);
    }

    /**
     * The steps, in order.
     *
     * @param steps the chains to run, each with exactly one input and one output key
     * @return the chain
     * @throws ChainValidationException if there is no step or a step has more or fewer than one
     *     input or output key
     */
    public static SimpleSequentialChain of(Chain... steps) {
        return new SimpleSequentialChain(List.of(steps));
    }

    /**
     * Runs the steps on {@code input} and returns the last one's output.
     *
     * @param input the first step's input
     * @return the last step's output, as a string
     * @throws ChainInputException if a step returns no value for its output key
     */
    public String run(String input) {
        return run(input, RunConfig.defaults());
    }

    /**
     * As {@link #run(String)}, traced with this config.
     *
     * @param input the first step's input
     * @param config the run's callbacks, tags and limits
     * @return the last step's output, as a string
     */
    public String run(String input, RunConfig config) {
        return String.valueOf(invoke(Map.of(INPUT, input), config).get(OUTPUT));
    }

    @Override
    public Map<String, Object> call(Map<String, Object> input, RunConfig config) {
        Object value = ChainInputs.string(name(), input, INPUT);
        for (Chain step : steps) {
            value = step.invoke(Map.of(step.inputKeys().get(0), value), config).get(step.outputKeys().get(0));
            if (value == null) {
                throw new ChainInputException(step.name() + " returned no value for its output '" + step.outputKeys().get(0) + "'");
            }
        }
        return Map.of(OUTPUT, value);
    }

    @Override
    public List<String> inputKeys() {
        return List.of(INPUT);
    }

    @Override
    public List<String> outputKeys() {
        return List.of(OUTPUT);
    }

    @Override
    public Map<String, Component<Map<String, Object>, PromptValue>> prompts() {
        Map<String, Component<Map<String, Object>, PromptValue>> all = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            String prefix = (i + 1) + "." + steps.get(i).name() + ".";
            steps.get(i).prompts().forEach((k, v) -> all.put(prefix + k, v));
        }
        return all;
    }
}
