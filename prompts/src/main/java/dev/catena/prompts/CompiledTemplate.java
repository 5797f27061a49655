package dev.catena.prompts;

import java.util.List;
import java.util.Map;

/** A template string parsed once, ready to be rendered many times. */
interface CompiledTemplate {

    /** The variable names the template uses, de-duplicated and sorted, as LangChain infers them. */
    List<String> variables();

    /** Appends the rendered template; {@code lookup} gives a variable's value (it has been checked to exist). */
    void render(Map<String, ?> values, VariableLookup lookup, StringBuilder out);

    /** Parses a template in the given format; bad templates fail here, with the position. */
    static CompiledTemplate compile(String template, TemplateFormat format) {
        return format == TemplateFormat.MUSTACHE ? MustacheTemplate.parse(template) : FStringTemplate.parse(template);
    }

    /** Resolves variables not in the caller's map (partial variables). */
    interface VariableLookup {
        Object valueOf(String name);
    }
}
