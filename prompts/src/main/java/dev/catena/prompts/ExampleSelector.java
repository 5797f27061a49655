package dev.catena.prompts;

import java.util.List;
import java.util.Map;

/**
 * Picks which examples a few-shot prompt shows for a given input: by length, by similarity to
 * the input, or by relevance and diversity (see {@code dev.catena.prompts.selectors}). A plain
 * lambda works too.
 */
@FunctionalInterface
public interface ExampleSelector {

    /**
     * {@return the examples to show for these input variables, in the order to show them}
     *
     * @param inputVariables the caller's variables
     */
    List<Map<String, Object>> select(Map<String, ?> inputVariables);

    /**
     * Adds an example to choose from, as LangChain's {@code add_example}. The built-in selectors
     * support it; a selector written as a lambda has no list to add to and refuses.
     *
     * @param example the example's variables by name
     * @throws UnsupportedOperationException if this selector has a fixed set of examples
     */
    default void addExample(Map<String, ?> example) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " cannot take new examples; implement addExample or use one of the selectors in dev.catena.prompts.selectors");
    }
}
