package dev.catena.chains;

import dev.catena.core.components.Component;
import dev.catena.core.models.PromptValue;
import dev.catena.prompts.ChatPromptTemplate;
import dev.catena.prompts.PromptTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading a chain's inputs and a prompt's variables, with errors that name what is missing. */
public final class ChainInputs {

    private ChainInputs() {
    }

    /**
     * The variables a prompt needs: a {@link PromptTemplate}'s or {@link ChatPromptTemplate}'s input
     * variables, or none for another prompt component (which then gets the whole input map).
     *
     * @param prompt the prompt component
     * @return the variable names it needs; empty if it is not a template
     */
    public static List<String> variablesOf(Component<Map<String, Object>, PromptValue> prompt) {
        if (prompt instanceof PromptTemplate t) {
            return t.inputVariables();
        }
        if (prompt instanceof ChatPromptTemplate t) {
            return t.inputVariables();
        }
        return List.of();
    }

    /**
     * Fails, naming the missing ones, unless {@code input} has every key.
     *
     * @param chain the chain's name, for the message
     * @param input the inputs given
     * @param keys the keys required
     * @throws ChainInputException if a key is missing
     */
    public static void requireKeys(String chain, Map<String, Object> input, List<String> keys) {
        List<String> missing = keys.stream().filter(k -> !input.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            throw new ChainInputException(chain + " is missing input " + missing + "; it needs " + keys
                    + " and was given " + input.keySet());
        }
    }

    /**
     * The value of {@code key} as a string, failing with the chain's name if it is absent.
     *
     * @param chain the chain's name, for the message
     * @param input the inputs given
     * @param key the key to read
     * @return the value's {@code toString()}
     * @throws ChainInputException if the key is absent or its value is null
     */
    public static String string(String chain, Map<String, Object> input, String key) {
        Object value = input.get(key);
        if (value == null) {
            throw new ChainInputException(chain + " needs the input '" + key + "' and was given " + input.keySet());
        }
        return value.toString();
    }

    /**
     * The entries of {@code values} under {@code keys}, in the order of {@code keys}: what a chain
     * returns from the variables it knows.
     *
     * @param values the variables known
     * @param keys the keys to return
     * @return a new map of those keys to their values
     */
    public static Map<String, Object> select(Map<String, Object> values, List<String> keys) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (String key : keys) {
            result.put(key, values.get(key));
        }
        return result;
    }
}
