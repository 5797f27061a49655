package dev.catena.agents.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.components.RunConfig;
import dev.catena.core.tools.Tool;
import dev.catena.core.tools.ToolExecutionException;
import dev.catena.core.tools.ToolSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A tool from a lambda and an explicit JSON schema of its arguments. The lambda gets the
 * arguments as a JSON object; arguments missing from the schema's {@code required} list are
 * refused before it runs, with a message the model can act on.
 *
 * <pre>{@code
 * Tool echo = FunctionTool.of("echo", "Repeats a text",
 *         Map.of("type", "object", "properties", Map.of("text", Map.of("type", "string")),
 *                "required", List.of("text")),
 *         args -> args.get("text").asText());
 * }</pre>
 */
public final class FunctionTool implements Tool {

    private final ToolSpec spec;
    private final Function<ObjectNode, String> body;

    private FunctionTool(ToolSpec spec, Function<ObjectNode, String> body) {
        this.spec = spec;
        this.body = body;
    }

    /**
     * {@return a tool that runs this lambda with the parsed arguments}
     *
     * @param name the tool's name
     * @param description what the tool does, for the model
     * @param schema the arguments' JSON schema ({@code {"type":"object","properties":{…},"required":[…]}})
     * @param body the work: gets the arguments object, returns text for the model
     */
    public static FunctionTool of(String name, String description, Map<String, Object> schema,
            Function<ObjectNode, String> body) {
        Objects.requireNonNull(body, "body");
        return new FunctionTool(new ToolSpec(name, description, schema), body);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public String call(String argumentsJson, RunConfig config) {
        ObjectNode arguments = ToolArguments.parse(spec.name(), argumentsJson);
        if (spec.parameters().get("required") instanceof List<?> required) {
            StringBuilder missing = new StringBuilder();
            for (Object name : required) {
                if (!arguments.hasNonNull(String.valueOf(name))) {
                    missing.append(missing.length() == 0 ? "" : ", ").append('\'').append(name).append('\'');
                }
            }
            if (missing.length() > 0) {
                throw new ToolExecutionException(spec.name(), "missing required argument(s) " + missing
                        + "; call the tool again with every required argument");
            }
        }
        return body.apply(arguments);
    }
}
