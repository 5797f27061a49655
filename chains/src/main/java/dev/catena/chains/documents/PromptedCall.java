package dev.catena.chains.documents;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.models.PromptValue;
import dev.catena.prompts.parsers.OutputParser;
import java.util.Map;

/** One intermediate model call of a strategy (a map, collapse or refine step): a traced run of its own, named after the step. */
final class PromptedCall implements Component<Map<String, Object>, String> {

    private final String name;
    private final Component<Map<String, Object>, PromptValue> prompt;
    private final Component<PromptValue, ?> model;

    PromptedCall(String name, Component<Map<String, Object>, PromptValue> prompt, Component<PromptValue, ?> model) {
        this.name = name;
        this.prompt = prompt;
        this.model = model;
    }

    @Override
    public String call(Map<String, Object> variables, RunConfig config) {
        return OutputParser.textOf(model.invoke(prompt.invoke(variables, config), config));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "chain";
    }
}
