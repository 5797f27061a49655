package dev.catena.core.tools;

import dev.catena.core.components.Component;

/**
 * Something an agent can do: described to the model by its {@link ToolSpec}, run with the JSON
 * arguments the model chose, returning text the model reads next. Implement
 * {@code call(String argumentsJson, RunConfig)}; throw {@link ToolExecutionException} when the
 * arguments are wrong or the work fails, with a message the model can act on.
 */
public interface Tool extends Component<String, String> {

    /** {@return the name, description and argument schema shown to the model} */
    ToolSpec spec();

    /**
     * Runs the tool with its arguments as a JSON object text; traced.
     *
     * @param argumentsJson the arguments, a JSON object as text (for example from a {@link
     *     dev.catena.core.messages.ToolCall})
     * @return the result, as text for the model
     */
    default String execute(String argumentsJson) {
        return invoke(argumentsJson);
    }

    @Override
    default String name() {
        return spec().name();
    }

    @Override
    default String kind() {
        return "tool";
    }
}
