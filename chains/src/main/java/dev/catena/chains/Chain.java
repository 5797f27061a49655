package dev.catena.chains;

import dev.catena.core.components.Component;
import dev.catena.core.models.PromptValue;
import java.util.List;
import java.util.Map;

/**
 * A chain in LangChain's map form: named input variables in, named output variables out. Because it
 * is a {@link Component}, a chain pipes, batches, retries and falls back like any other component,
 * and every step it runs is a child run in traces.
 *
 * <pre>{@code
 * Chain chain = LlmChain.of(PromptTemplate.fromTemplate("请给我解释一下{concept}的意思"), model);
 * Map<String, Object> out = chain.invoke(Map.of("concept", "天道酬勤"));
 * System.out.println(out.get("text"));
 * }</pre>
 */
public interface Chain extends Component<Map<String, Object>, Map<String, Object>> {

    /**
     * The variables a caller must give.
     *
     * @return the input keys, in order
     */
    List<String> inputKeys();

    /**
     * The variables the chain returns.
     *
     * @return the output keys, in order
     */
    List<String> outputKeys();

    /**
     * Every prompt this chain sends, by name, so a user can print or replace all of them; empty for a
     * chain that sends none of its own.
     *
     * @return the prompts by name
     */
    default Map<String, Component<Map<String, Object>, PromptValue>> prompts() {
        return Map.of();
    }

    @Override
    default String kind() {
        return "chain";
    }
}
