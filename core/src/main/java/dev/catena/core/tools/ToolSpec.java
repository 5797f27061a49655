package dev.catena.core.tools;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a model is told about a tool: its name, what it does, and a JSON schema of its arguments.
 *
 * @param name        letters, digits, {@code _} and {@code -}, at most 64 characters (the providers' rule)
 * @param description what the tool does and when to use it; the model decides from this
 * @param parameters  a JSON schema object, as a map ({@code {"type":"object","properties":{…},"required":[…]}})
 */
public record ToolSpec(String name, String description, Map<String, Object> parameters) {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    /**
     * Checks the name (1 to 64 letters, digits, '_' or '-', as providers require); a null description becomes
     * empty.
     *
     * @param name letters, digits, {@code _} and {@code -}, at most 64 characters (the providers' rule)
     * @param description what the tool does and when to use it; the model decides from this
     * @param parameters a JSON schema object, as a map ({@code
     *     {"type":"object","properties":{…},"required":[…]}})
     */
    public ToolSpec {
        Objects.requireNonNull(name, "tool name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name '" + name
                    + "' is invalid: use 1 to 64 letters, digits, '_' or '-' (providers reject anything else)");
        }
        description = description == null ? "" : description;
        if (parameters == null || parameters.isEmpty()) {
            parameters = Map.of("type", "object", "properties", Map.of());
        } else {
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    /**
     * {@return a tool that takes no arguments}
     *
     * @param name the tool's name
     * @param description what the tool does, for the model
     */
    public static ToolSpec of(String name, String description) {
        return new ToolSpec(name, description, null);
    }
}
