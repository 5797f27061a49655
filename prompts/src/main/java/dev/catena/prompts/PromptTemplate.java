package dev.catena.prompts;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.models.PromptValue;
import dev.catena.core.models.StringPromptValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A text prompt with named placeholders, filled in from a map: the seed's
 * {@code PromptTemplate}. The template is parsed once, when it is built.
 *
 * <pre>{@code
 * PromptTemplate prompt = PromptTemplate.fromTemplate("Explain the concept of {concept} in couple of lines");
 * String text = prompt.format(Map.of("concept", "regularization"));
 * }</pre>
 *
 * <p>Rules, as LangChain's: {@code {name}} is a variable and {@code {{}/{@code }}} are literal
 * braces (or choose {@link TemplateFormat#MUSTACHE}); {@link #inputVariables()} are the names used,
 * de-duplicated and sorted, minus partial variables; a missing variable fails at format time naming
 * every missing one; extra variables are ignored. As a {@link Component} it turns the variables
 * into a {@link PromptValue}, so {@code prompt.pipe(model)} works for chat and text models alike.
 */
public final class PromptTemplate implements Component<Map<String, Object>, PromptValue> {

    private final String template;
    private final TemplateFormat format;
    private final CompiledTemplate compiled;
    private final List<String> inputVariables;
    private final Map<String, Supplier<?>> partials;
    private final Map<String, Object> partialValues; // the partials given as plain values (they can be saved)

    private PromptTemplate(String template, TemplateFormat format, CompiledTemplate compiled,
                           Map<String, Supplier<?>> partials, Map<String, Object> partialValues) {
        this.template = template;
        this.format = format;
        this.compiled = compiled;
        this.partials = Collections.unmodifiableMap(new LinkedHashMap<>(partials));
        this.partialValues = Collections.unmodifiableMap(new LinkedHashMap<>(partialValues));
        List<String> inputs = new ArrayList<>(compiled.variables());
        inputs.removeAll(partials.keySet());
        this.inputVariables = List.copyOf(inputs);
    }

    /**
     * An f-string template; fails with {@link PromptFormatException} (with the position) if it is malformed.
     *
     * @param template the template text
     * @return the template
     * @throws PromptFormatException if the template is malformed
     */
    public static PromptTemplate fromTemplate(String template) {
        return fromTemplate(template, TemplateFormat.F_STRING);
    }

    /**
     * A template in the given syntax; fails with {@link PromptFormatException} if it is malformed.
     *
     * @param template the template text
     * @param format the template's syntax
     * @return the template
     * @throws PromptFormatException if the template is malformed
     */
    public static PromptTemplate fromTemplate(String template, TemplateFormat format) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(format, "format");
        return new PromptTemplate(template, format, CompiledTemplate.compile(template, format), Map.of(), Map.of());
    }

    /**
     * Loads a template saved with {@link #save(Path)} (or by LangChain) from a {@code .json},
     * {@code .yaml} or {@code .yml} file. Files it names ({@code template_path},
     * {@code example_prompt_path}, an {@code examples} file) must be inside the file's own folder;
     * anything else, and a file that names itself, is a {@link PromptFormatException}.
     *
     * @param file a {@code .json}, {@code .yaml} or {@code .yml} file
     * @return the template
     * @throws PromptFormatException if the file is not a saved prompt or names a file outside its folder
     */
    public static PromptTemplate load(Path file) {
        return TemplateFiles.load(file, null, PromptTemplate.class, "prompt template");
    }

    /**
     * Loads a template as {@link #load(Path)} does, but lets the files it names lie anywhere inside
     * {@code root} (a folder the caller trusts, for prompt files that share a template folder).
     *
     * @param file a {@code .json}, {@code .yaml} or {@code .yml} file
     * @param root the trusted folder the named files must lie in
     * @return the template
     * @throws PromptFormatException if the file is not a saved prompt or names a file outside {@code root}
     */
    public static PromptTemplate load(Path file, Path root) {
        return TemplateFiles.load(file, Objects.requireNonNull(root, "root"), PromptTemplate.class, "prompt template");
    }

    /**
     * This template with a variable fixed to a value; it leaves {@link #inputVariables()}.
     *
     * @param name the variable's name
     * @param value the value used at each format
     * @return a new template
     */
    public PromptTemplate partial(String name, Object value) {
        Objects.requireNonNull(name, "partial variable name");
        Map<String, Supplier<?>> p = new LinkedHashMap<>(partials);
        p.put(name, () -> value);
        Map<String, Object> v = new LinkedHashMap<>(partialValues);
        v.put(name, value);
        return new PromptTemplate(template, format, compiled, p, v);
    }

    /**
     * This template with a variable computed at each format (for example today's date).
     *
     * @param name the variable's name
     * @param value called at each format for the value
     * @return a new template
     */
    public PromptTemplate partial(String name, Supplier<?> value) {
        Objects.requireNonNull(name, "partial variable name");
        Objects.requireNonNull(value, "partial variable supplier");
        Map<String, Supplier<?>> p = new LinkedHashMap<>(partials);
        p.put(name, value);
        Map<String, Object> v = new LinkedHashMap<>(partialValues);
        v.remove(name);
        return new PromptTemplate(template, format, compiled, p, v);
    }

    /**
     * This template with several variables fixed: a {@link Supplier} value is called at each format
     * (as LangChain calls a function given in {@code partial_variables}), any other value is used as is.
     *
     * @param values the values by variable name
     * @return a new template
     */
    public PromptTemplate partial(Map<String, ?> values) {
        PromptTemplate result = this;
        for (Map.Entry<String, ?> e : values.entrySet()) {
            result = e.getValue() instanceof Supplier<?> supplier
                    ? result.partial(e.getKey(), supplier)
                    : result.partial(e.getKey(), (Object) e.getValue());
        }
        return result;
    }

    /**
     * This template followed by another, as LangChain's {@code +}: the texts are joined, the
     * variables are those of both, the partial variables of both are kept. Both must use the same
     * syntax, and a variable may be partial in only one of them.
     *
     * <pre>{@code
     * PromptTemplate prompt = PromptTemplate.fromTemplate("Tell me a joke about {topic}.")
     *         .plus("\n\nmake it funny")
     *         .plus(PromptTemplate.fromTemplate("\n\nand in {language}"));
     * }</pre>
     *
     * @param other the template that follows, in the same syntax
     * @return a new template
     */
    public PromptTemplate plus(PromptTemplate other) {
        Objects.requireNonNull(other, "other");
        if (format != other.format) {
            throw new PromptFormatException("cannot join a " + format.wireName() + " template and a "
                    + other.format.wireName() + " template; write both in the same syntax", -1);
        }
        Map<String, Supplier<?>> p = new LinkedHashMap<>(partials);
        Map<String, Object> v = new LinkedHashMap<>(partialValues);
        for (Map.Entry<String, Supplier<?>> e : other.partials.entrySet()) {
            if (p.containsKey(e.getKey())) {
                throw new PromptFormatException("variable '" + e.getKey() + "' is partial in both templates;"
                        + " fix it in only one of them", -1);
            }
            p.put(e.getKey(), e.getValue());
            if (other.partialValues.containsKey(e.getKey())) {
                v.put(e.getKey(), other.partialValues.get(e.getKey()));
            }
        }
        String joined = template + other.template;
        return new PromptTemplate(joined, format, CompiledTemplate.compile(joined, format), p, v);
    }

    /**
     * This template followed by a template text in the same syntax, as LangChain's {@code prompt + "text"}.
     *
     * @param template the template text that follows
     * @return a new template
     */
    public PromptTemplate plus(String template) {
        return plus(fromTemplate(template, format));
    }

    /**
     * Fills in the variables; extra entries are ignored, missing ones fail naming all of them.
     *
     * @param variables the variables' values by name
     * @return the formatted text
     * @throws PromptFormatException if a variable is missing
     */
    public String format(Map<String, ?> variables) {
        Objects.requireNonNull(variables, "variables");
        checkMissing(variables);
        StringBuilder out = new StringBuilder();
        compiled.render(variables, partialLookup(), out);
        return out.toString();
    }

    /**
     * Formats a template that has no variables (or only partial ones).
     *
     * @return the formatted text
     * @throws PromptFormatException if the template has a variable that is not partial
     */
    public String format() {
        return format(Map.of());
    }

    private void checkMissing(Map<String, ?> variables) {
        List<String> missing = null;
        for (String name : inputVariables) {
            if (!variables.containsKey(name)) {
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                missing.add(name);
            }
        }
        if (missing != null) {
            throw PromptFormatException.missing(missing, inputVariables, variables.keySet());
        }
    }

    /** Partial suppliers are called once per format, as LangChain merges partials before formatting. */
    private CompiledTemplate.VariableLookup partialLookup() {
        if (partials.isEmpty()) {
            return name -> null;
        }
        Map<String, Object> resolved = new HashMap<>();
        partials.forEach((k, s) -> resolved.put(k, s.get()));
        return resolved::get;
    }

    @Override
    public PromptValue call(Map<String, Object> input, RunConfig config) {
        return new StringPromptValue(format(input));
    }

    /**
     * Saves the template as JSON or YAML (by the file's extension), in LangChain's saved-prompt form.
     *
     * @param file a {@code .json}, {@code .yaml} or {@code .yml} file, replaced if it exists
     */
    public void save(Path file) {
        TemplateFiles.save(this, file);
    }

    /**
     * The template text as written.
     *
     * @return the template text
     */
    public String template() {
        return template;
    }

    /**
     * The template's syntax.
     *
     * @return the syntax, such as {@link TemplateFormat#F_STRING}
     */
    public TemplateFormat templateFormat() {
        return format;
    }

    /**
     * The variables a caller must give: the names used, de-duplicated and sorted, minus partial variables.
     *
     * @return the input variables' names
     */
    public List<String> inputVariables() {
        return inputVariables;
    }

    /**
     * The names of the partial variables.
     *
     * @return the names, in the order they were fixed
     */
    public Set<String> partialVariables() {
        return partials.keySet();
    }

    /** The partial variables given as plain values (suppliers are left out). */
    Map<String, Object> partialValues() {
        return partialValues;
    }

    /** Whether every partial variable is a plain value (so the template can be saved). */
    boolean hasOnlyValuePartials() {
        return partialValues.size() == partials.size();
    }

    @Override
    public String kind() {
        return "prompt";
    }

    @Override
    public String name() {
        return "PromptTemplate";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PromptTemplate p && p.template.equals(template) && p.format == format
                && p.partials.keySet().equals(partials.keySet()) && p.partialValues.equals(partialValues)
                && sameSupplierPartials(p);
    }

    /** Partials given as functions are equal only when they are the same function: their values are unknown until called. */
    private boolean sameSupplierPartials(PromptTemplate other) {
        for (Map.Entry<String, Supplier<?>> e : partials.entrySet()) {
            if (!partialValues.containsKey(e.getKey()) && other.partials.get(e.getKey()) != e.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(template, format, partials.keySet());
    }

    @Override
    public String toString() {
        return "PromptTemplate[" + format.wireName() + ", inputVariables=" + inputVariables + ", template=" + template + "]";
    }
}
