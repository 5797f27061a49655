package dev.catena.prompts;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.models.PromptValue;
import dev.catena.core.models.StringPromptValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A text prompt that shows examples before the question: prefix, each example formatted with
 * the example prompt, then the suffix, joined by a separator (default a blank line), as
 * LangChain's {@code FewShotPromptTemplate}. Empty pieces are left out. The examples are a fixed
 * list or come from an {@link ExampleSelector} given the input variables.
 *
 * <pre>{@code
 * FewShotPromptTemplate prompt = FewShotPromptTemplate.builder()
 *         .examples(List.of(Map.of("word", "happy", "antonym", "sad"), Map.of("word", "tall", "antonym", "short")))
 *         .examplePrompt(PromptTemplate.fromTemplate("Word: {word}\nAntonym: {antonym}"))
 *         .prefix("Give the antonym of every input")
 *         .suffix("Word: {input}\nAntonym:")
 *         .build();
 * }</pre>
 *
 * <p>Unlike LangChain, the prefix and suffix are parsed once when built and formatted on their
 * own, so braces inside example values are printed as they are instead of being read as
 * placeholders.
 */
public final class FewShotPromptTemplate implements Component<Map<String, Object>, PromptValue> {

    private final List<Map<String, Object>> examples;
    private final ExampleSelector selector;
    private final PromptTemplate examplePrompt;
    private final PromptTemplate prefix;
    private final PromptTemplate suffix;
    private final String separator;
    private final List<String> inputVariables;

    private FewShotPromptTemplate(Builder b) {
        if ((b.examples == null) == (b.selector == null)) {
            throw new IllegalArgumentException("a few-shot prompt needs exactly one of examples(...) or exampleSelector(...)");
        }
        this.examples = b.examples == null ? null : copy(b.examples);
        this.selector = b.selector;
        this.examplePrompt = Objects.requireNonNull(b.examplePrompt, "examplePrompt is required");
        this.separator = b.separator;
        TemplateFormat format = b.format;
        PromptTemplate pre = PromptTemplate.fromTemplate(b.prefix, format);
        PromptTemplate suf = PromptTemplate.fromTemplate(Objects.requireNonNull(b.suffix, "suffix is required"), format);
        this.prefix = pre.partial(b.partials);
        this.suffix = suf.partial(b.partials);
        Set<String> vars = new LinkedHashSet<>(prefix.inputVariables());
        vars.addAll(suffix.inputVariables());
        this.inputVariables = FStringTemplate.sorted(vars);
    }

    private FewShotPromptTemplate(FewShotPromptTemplate base, PromptTemplate prefix, PromptTemplate suffix) {
        this.examples = base.examples;
        this.selector = base.selector;
        this.examplePrompt = base.examplePrompt;
        this.separator = base.separator;
        this.prefix = prefix;
        this.suffix = suffix;
        Set<String> vars = new LinkedHashSet<>(prefix.inputVariables());
        vars.addAll(suffix.inputVariables());
        this.inputVariables = FStringTemplate.sorted(vars);
    }

    /**
     * This prompt with a prefix or suffix variable fixed to a value; it leaves {@link #inputVariables()}.
     *
     * @param name the variable's name
     * @param value the value used at each format
     * @return a new prompt
     */
    public FewShotPromptTemplate partial(String name, Object value) {
        return new FewShotPromptTemplate(this, prefix.partial(name, value), suffix.partial(name, value));
    }

    /**
     * This prompt with several prefix or suffix variables fixed; a {@link java.util.function.Supplier}
     * value is called at each format, as in {@link PromptTemplate#partial(Map)}.
     *
     * @param values the values by variable name
     * @return a new prompt
     */
    public FewShotPromptTemplate partial(Map<String, ?> values) {
        return new FewShotPromptTemplate(this, prefix.partial(values), suffix.partial(values));
    }

    private static List<Map<String, Object>> copy(List<? extends Map<String, ?>> examples) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, ?> e : examples) {
            if (e == null) {
                throw new PromptFormatException("example " + out.size() + " of the few-shot prompt is null; give a map of"
                        + " the example prompt's variables", -1);
            }
            out.add(Collections.unmodifiableMap(new LinkedHashMap<>(e)));
        }
        return List.copyOf(out);
    }

    /** {@return a new builder; set examples or an example selector, and an example prompt} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Formats prefix, examples and suffix with these variables.
     *
     * @param variables the values by variable name
     * @return the prompt text
     */
    public String format(Map<String, ?> variables) {
        List<Map<String, Object>> chosen = examples != null ? examples : selector.select(variables);
        List<String> pieces = new ArrayList<>();
        if (!prefix.template().isEmpty()) {
            pieces.add(prefix.format(variables));
        }
        for (Map<String, Object> example : chosen) {
            String text = examplePrompt.format(example);
            if (!text.isEmpty()) {
                pieces.add(text);
            }
        }
        if (!suffix.template().isEmpty()) {
            pieces.add(suffix.format(variables));
        }
        return String.join(separator, pieces);
    }

    @Override
    public PromptValue call(Map<String, Object> input, RunConfig config) {
        return new StringPromptValue(format(input));
    }

    /** {@return the variables of the prefix and suffix, sorted, minus partials} */
    public List<String> inputVariables() {
        return inputVariables;
    }

    /** {@return the fixed examples, or null when an example selector picks them} */
    public List<Map<String, Object>> examples() {
        return examples;
    }

    /** {@return the template that formats one example} */
    public PromptTemplate examplePrompt() {
        return examplePrompt;
    }

    /** {@return the template put before the examples (empty if none was set)} */
    public PromptTemplate prefix() {
        return prefix;
    }

    /** {@return the template put after the examples} */
    public PromptTemplate suffix() {
        return suffix;
    }

    /** {@return the text that joins prefix, examples and suffix} */
    public String exampleSeparator() {
        return separator;
    }

    boolean hasSelector() {
        return selector != null;
    }

    @Override
    public String kind() {
        return "prompt";
    }

    @Override
    public String name() {
        return "FewShotPromptTemplate";
    }

    /** Builds a {@link FewShotPromptTemplate}; {@code examplePrompt}, {@code suffix} and examples or a selector are required. */
    public static final class Builder {
        private List<? extends Map<String, ?>> examples;
        private ExampleSelector selector;
        private PromptTemplate examplePrompt;
        private String prefix = "";
        private String suffix;
        private String separator = "\n\n";
        private TemplateFormat format = TemplateFormat.F_STRING;
        private final Map<String, Object> partials = new HashMap<>();

        private Builder() {
        }

        /**
         * A fixed list of examples, each a map of the example prompt's variables.
         *
         * @param value the examples
         * @return this builder
         */
        public Builder examples(List<? extends Map<String, ?>> value) {
            this.examples = Objects.requireNonNull(value, "examples");
            return this;
        }

        /**
         * Picks examples per input instead of a fixed list.
         *
         * @param value the example selector
         * @return this builder
         */
        public Builder exampleSelector(ExampleSelector value) {
            this.selector = Objects.requireNonNull(value, "exampleSelector");
            return this;
        }

        /**
         * Formats one example.
         *
         * @param value the example prompt
         * @return this builder
         */
        public Builder examplePrompt(PromptTemplate value) {
            this.examplePrompt = value;
            return this;
        }

        /**
         * A template put before the examples (default none).
         *
         * @param value the prefix template
         * @return this builder
         */
        public Builder prefix(String value) {
            this.prefix = Objects.requireNonNull(value, "prefix");
            return this;
        }

        /**
         * A template put after the examples, usually holding the input.
         *
         * @param value the suffix template
         * @return this builder
         */
        public Builder suffix(String value) {
            this.suffix = value;
            return this;
        }

        /**
         * Joins prefix, examples and suffix (default a blank line, {@code "\n\n"}).
         *
         * @param value the separator
         * @return this builder
         */
        public Builder exampleSeparator(String value) {
            this.separator = Objects.requireNonNull(value, "exampleSeparator");
            return this;
        }

        /**
         * The syntax of prefix and suffix (default f-string).
         *
         * @param value the template syntax
         * @return this builder
         */
        public Builder templateFormat(TemplateFormat value) {
            this.format = Objects.requireNonNull(value, "templateFormat");
            return this;
        }

        /**
         * Fixes a prefix or suffix variable to a value.
         *
         * @param name the variable
         * @param value its value
         * @return this builder
         */
        public Builder partial(String name, Object value) {
            partials.put(name, value);
            return this;
        }

        /**
         * {@return the few-shot prompt; fails if it has neither or both of examples and a selector, or no
         * example prompt}
         */
        public FewShotPromptTemplate build() {
            return new FewShotPromptTemplate(this);
        }
    }
}
