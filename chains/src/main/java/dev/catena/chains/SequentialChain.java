package dev.catena.chains;

import dev.catena.core.components.Component;
import dev.catena.core.models.PromptValue;
import dev.catena.core.components.RunConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Chains run one after another with named variables flowing between them: each step reads the
 * chain's inputs and every earlier step's outputs (LangChain's {@code SequentialChain}).
 *
 * <pre>{@code
 * SequentialChain chain = SequentialChain.builder()
 *         .inputKeys("title")
 *         .step(synopsisChain)   // title -> synopsis
 *         .step(reviewChain)     // synopsis -> review
 *         .outputKeys("synopsis", "review")
 *         .build();
 * }</pre>
 *
 * <p>Checked when built: a step that needs a variable no input or earlier step produces, two
 * producers of one key, or an output key nothing produces is a {@link ChainValidationException}
 * naming the variable and the step. Each step is a child run.
 */
public final class SequentialChain implements Chain {

    private final List<Chain> steps;
    private final List<String> inputKeys;
    private final List<String> outputKeys;
    private final String name;

    private SequentialChain(Builder b) {
        if (b.steps.isEmpty()) {
            throw new ChainValidationException("a SequentialChain needs at least one step");
        }
        this.steps = List.copyOf(b.steps);
        this.inputKeys = List.copyOf(b.inputKeys);
        this.name = b.name;
        Map<String, String> producers = new LinkedHashMap<>();
        for (String key : inputKeys) {
            producers.put(key, "the chain's inputs");
        }
        for (int i = 0; i < steps.size(); i++) {
            Chain step = steps.get(i);
            String label = "step " + (i + 1) + " (" + step.name() + ")";
            for (String needed : step.inputKeys()) {
                if (!producers.containsKey(needed)) {
                    throw new ChainValidationException(label + " needs the variable '" + needed
                            + "', which no input or earlier step produces; available: " + producers.keySet()
                            + ". Add it to inputKeys(...) or add a step that outputs it before this one");
                }
            }
            for (String produced : step.outputKeys()) {
                String earlier = producers.putIfAbsent(produced, label);
                if (earlier != null) {
                    throw new ChainValidationException(label + " outputs '" + produced + "', which " + earlier
                            + " already produces; give one of them another output key");
                }
            }
        }
        if (b.outputKeys.isEmpty()) {
            this.outputKeys = steps.get(steps.size() - 1).outputKeys();
        } else {
            for (String key : b.outputKeys) {
                if (!producers.containsKey(key)) {
                    throw new ChainValidationException("output key '" + key + "' is produced by no input or step; available: "
                            + producers.keySet());
                }
            }
            this.outputKeys = List.copyOf(b.outputKeys);
        }
    }

    /**
     * A builder: set the input keys, add steps in order, optionally choose the output keys.
     *
     * @return a new builder, named "SequentialChain"
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Map<String, Object> call(Map<String, Object> input, RunConfig config) {
        ChainInputs.requireKeys(name, input, inputKeys);
        Map<String, Object> known = new LinkedHashMap<>(input);
        for (Chain step : steps) {
            Map<String, Object> stepInput = new LinkedHashMap<>();
            for (String key : step.inputKeys()) {
                stepInput.put(key, known.get(key));
            }
            Map<String, Object> out = step.invoke(stepInput, config);
            for (String key : step.outputKeys()) {
                if (!out.containsKey(key)) {
                    throw new ChainInputException(step.name() + " declared the output '" + key + "' but returned only "
                            + out.keySet());
                }
                known.put(key, out.get(key));
            }
        }
        return ChainInputs.select(known, outputKeys);
    }

    @Override
    public List<String> inputKeys() {
        return inputKeys;
    }

    @Override
    public List<String> outputKeys() {
        return outputKeys;
    }

    /**
     * The steps, in order.
     *
     * @return the step chains, in the order they run
     */
    public List<Chain> steps() {
        return steps;
    }

    /** Every step's prompts, named {@code "<step number>.<step name>.<prompt name>"}. */
    @Override
    public Map<String, Component<Map<String, Object>, PromptValue>> prompts() {
        Map<String, Component<Map<String, Object>, PromptValue>> all = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            String prefix = (i + 1) + "." + steps.get(i).name() + ".";
            steps.get(i).prompts().forEach((k, v) -> all.put(prefix + k, v));
        }
        return all;
    }

    @Override
    public String name() {
        return name;
    }

    /** Builds a {@link SequentialChain}. */
    public static final class Builder {
        private final Set<String> inputKeys = new LinkedHashSet<>();
        private final List<Chain> steps = new ArrayList<>();
        private final List<String> outputKeys = new ArrayList<>();
        private String name = "SequentialChain";

        private Builder() {
        }

        /**
         * The variables the caller gives.
         *
         * @param keys the names of the variables the caller must give; added to any set before
         * @return this builder
         */
        public Builder inputKeys(String... keys) {
            for (String k : keys) {
                inputKeys.add(Objects.requireNonNull(k, "input key"));
            }
            return this;
        }

        /**
         * Adds the next step.
         *
         * @param step the chain to run after the steps added before
         * @return this builder
         */
        public Builder step(Chain step) {
            steps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /**
         * The variables to return (default: the last step's outputs).
         *
         * @param keys the variables the chain returns, from its inputs or any step's outputs
         * @return this builder
         */
        public Builder outputKeys(String... keys) {
            for (String k : keys) {
                outputKeys.add(Objects.requireNonNull(k, "output key"));
            }
            return this;
        }

        /**
         * The name shown in traces.
         *
         * @param value the chain's name in traces and error messages (default "SequentialChain")
         * @return this builder
         */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        /**
         * Builds the chain, checking that every variable has exactly one producer.
         *
         * @return the chain
         * @throws ChainValidationException if there is no step, a step needs a variable nothing before it
         *     produces, two producers give one key, or an output key is produced by nothing
         */
        public SequentialChain build() {
            return new SequentialChain(this);
        }
    }
}
