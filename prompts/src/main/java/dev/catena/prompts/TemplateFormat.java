package dev.catena.prompts;

/**
 * The placeholder syntax of a prompt template, named as LangChain's {@code template_format}.
 */
public enum TemplateFormat {

    /** Python f-string style: {@code {name}} is a variable, {@code {{} and {@code }}} are literal braces. The default. */
    F_STRING("f-string"),

    /**
     * Mustache: {@code {{name}}} and {@code {{a.b}}} variables, {@code {{#list}}…{{/list}}} and
     * {@code {{^x}}…{{/x}}} sections, {@code {{! comments }}}; single braces are plain text, which
     * suits JSON-heavy prompts.
     */
    MUSTACHE("mustache");

    private final String wireName;

    TemplateFormat(String wireName) {
        this.wireName = wireName;
    }

    /** {@return the name LangChain uses in saved prompts: {@code "f-string"} or {@code "mustache"}} */
    public String wireName() {
        return wireName;
    }

    /**
     * {@return the format for a LangChain name ({@code "f-string"}, {@code "mustache"}); null means f-string}
     *
     * @param name the LangChain name, or null
     */
    public static TemplateFormat fromWireName(String name) {
        if (name == null || name.isEmpty()) {
            return F_STRING;
        }
        for (TemplateFormat f : values()) {
            if (f.wireName.equals(name) || f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new PromptFormatException("unsupported template format '" + name
                + "'; use \"f-string\" or \"mustache\" (jinja2 is not supported)", -1);
    }
}
