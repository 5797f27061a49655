package dev.catena.chains;

import dev.catena.core.components.RunConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A plain Java function over the variable map as a chain step (LangChain's {@code TransformChain}):
 * it declares what it reads and what it returns, so a {@link SequentialChain} can check the flow.
 *
 * <pre>{@code
 * TransformChain firstLine = TransformChain.of("FirstLine", List.of("text"), List.of("first_line"),
 *         in -> Map.of("first_line", in.get("text").toString().lines().findFirst().orElse("")));
 * }</pre>
 */
public final class TransformChain implements Chain {

    private final String name;
    private final List<String> inputKeys;
    private final List<String> outputKeys;
    private final Function<Map<String, Object>, Map<String, Object>> transform;

    private TransformChain(String name, List<String> inputKeys, List<String> outputKeys,
                           Function<Map<String, Object>, Map<String, Object>> transform) {
        this.name = Objects.requireNonNull(name, "name");
        this.inputKeys = List.copyOf(inputKeys);
        this.outputKeys = List.copyOf(outputKeys);
        this.transform = Objects.requireNonNull(transform, "transform");
    }

    /**
     * A step named {@code name} (shown in traces) that reads {@code inputKeys} and returns {@code outputKeys}.
     *
     * @param name the step's name in traces and error messages
     * @param inputKeys the variables it requires
     * @param outputKeys the variables {@code transform} must return; only these are passed on
     * @param transform the function from the input map to a map holding at least the output keys
     * @return the chain
     */
    public static TransformChain of(String name, List<String> inputKeys, List<String> outputKeys,
                                    Function<Map<String, Object>, Map<String, Object>> transform) {
        return new TransformChain(name, inputKeys, outputKeys, transform);
    }

    @Override
    public Map<String, Object> call(Map<String, Object> input, RunConfig config) {
        ChainInputs.requireKeys(name, input, inputKeys);
        Map<String, Object> out = transform.apply(input);
        if (out == null || !out.keySet().containsAll(outputKeys)) {
            throw new ChainInputException(name + " must return " + outputKeys + " but returned "
                    + (out == null ? "null" : out.keySet()));
        }
        return ChainInputs.select(out, outputKeys);
    }

    @Override
    public List<String> inputKeys() {
        return inputKeys;
    }

    @Override
    public List<String> outputKeys() {
        return outputKeys;
    }

    @Override
    public String name() {
        return name;
    }
}
