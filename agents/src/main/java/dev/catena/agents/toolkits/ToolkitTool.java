package dev.catena.agents.toolkits;

import dev.catena.core.components.RunConfig;
import dev.catena.core.tools.Tool;
import dev.catena.core.tools.ToolSpec;
import java.util.Objects;
import java.util.function.Function;

/** A toolkit's tool: its spec and the work it does with the parsed arguments. */
final class ToolkitTool implements Tool {

    private final ToolSpec spec;
    private final Function<ToolArguments, String> work;

    ToolkitTool(String name, String description, String schemaJson, Function<ToolArguments, String> work) {
        this.spec = new ToolSpec(name, description, ToolArguments.schema(schemaJson));
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public String call(String argumentsJson, RunConfig config) {
        return work.apply(ToolArguments.parse(spec.name(), argumentsJson));
    }

    @Override
    public String toString() {
        return "Tool[" + spec.name() + "]";
    }
}
