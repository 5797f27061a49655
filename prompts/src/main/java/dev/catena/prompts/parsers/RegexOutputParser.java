package dev.catena.prompts.parsers;

import dev.catena.core.OutputParserException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named groups of a regular expression, found in the model's text, as a map from group name to
 * the matched text (LangChain's {@code RegexParser}, with Java's named groups instead of a key
 * list). A group that did not take part in the match maps to {@code ""}.
 *
 * <pre>{@code
 * var parser = new RegexOutputParser("Answer: (?<answer>.*)\\nScore: (?<score>\\d+)");
 * parser.parse("Answer: Paris\nScore: 9");   // {answer=Paris, score=9}
 * }</pre>
 */
public final class RegexOutputParser implements OutputParser<Map<String, String>> {

    private static final Pattern GROUP_NAME = Pattern.compile("(?<!\\\\)\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private final Pattern pattern;
    private final List<String> groups;
    private final String instructions;

    /**
     * Instructions default to showing the pattern.
     *
     * @param regex a pattern with named groups
     */
    public RegexOutputParser(String regex) {
        this(Pattern.compile(regex), null);
    }

    /**
     * A pattern with named groups, and the format instructions to give the model (null for a default).
     *
     * @param pattern the pattern
     * @param formatInstructions the instructions, or null
     */
    public RegexOutputParser(Pattern pattern, String formatInstructions) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        List<String> names = new ArrayList<>();
        Matcher m = GROUP_NAME.matcher(pattern.pattern());
        while (m.find()) {
            names.add(m.group(1));
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the pattern has no named groups like (?<answer>...): " + pattern);
        }
        this.groups = List.copyOf(names);
        this.instructions = formatInstructions != null ? formatInstructions
                : "Write your answer so that it matches this regular expression: " + pattern.pattern();
    }

    @Override
    public Map<String, String> parse(String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new OutputParserException("the text does not match the pattern", text, "text matching " + pattern.pattern());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String g : groups) {
            String v = m.group(g);
            values.put(g, v == null ? "" : v);
        }
        return Collections.unmodifiableMap(values);
    }

    /** {@return the named groups, in the order they appear in the pattern} */
    public List<String> groups() {
        return groups;
    }

    @Override
    public String formatInstructions() {
        return instructions;
    }

    @Override
    public String name() {
        return "RegexOutputParser";
    }
}
