package dev.catena.prompts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An f-string template split into literal text and variable names, following Python's
 * {@code string.Formatter} rules as LangChain uses them: {@code {{} and {@code }}} are literal
 * braces, a single {@code }} or an unclosed {@code {} is an error, and names with attribute access
 * or indexing ({@code .}, {@code [}) or all digits are rejected, as LangChain rejects them. A
 * field may carry a format spec ({@code {price:.2f}}, see {@link FormatSpec}); conversions
 * ({@code !r}, {@code !s}, {@code !a}) are refused, as they name Python functions.
 */
final class FStringTemplate implements CompiledTemplate {

    private final String[] literals; // literals[i] comes before names[i]; one more literal than names
    private final String[] names;
    private final FormatSpec[] specs; // null where a field has no format spec
    private final List<String> variables;
    private final int literalLength;

    private FStringTemplate(List<String> literals, List<String> names, List<FormatSpec> specs) {
        this.literals = literals.toArray(new String[0]);
        this.names = names.toArray(new String[0]);
        this.specs = specs.toArray(new FormatSpec[0]);
        this.variables = sorted(names);
        int length = 0;
        for (String l : literals) {
            length += l.length();
        }
        this.literalLength = length;
    }

    static FStringTemplate parse(String template) {
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<FormatSpec> specs = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int n = template.length();
        int i = 0;
        while (i < n) {
            char c = template.charAt(i);
            if (c == '{') {
                if (i + 1 < n && template.charAt(i + 1) == '{') {
                    literal.append('{');
                    i += 2;
                    continue;
                }
                int close = template.indexOf('}', i + 1);
                int nestedOpen = template.indexOf('{', i + 1);
                if (close < 0) {
                    throw new PromptFormatException("unclosed '{' at position " + i + " in prompt template; close it with '}'"
                            + " or write '{{' for a literal brace: " + excerpt(template, i), i);
                }
                if (nestedOpen >= 0 && nestedOpen < close) {
                    throw new PromptFormatException("unexpected '{' inside the variable starting at position " + i
                            + "; write '{{' and '}}' for literal braces: " + excerpt(template, i), nestedOpen);
                }
                String field = template.substring(i + 1, close);
                int colon = field.indexOf(':');
                int bang = field.indexOf('!');
                int nameEnd = bang >= 0 && (colon < 0 || bang < colon) ? bang : colon >= 0 ? colon : field.length();
                String name = field.substring(0, nameEnd);
                checkName(name, template, i);
                if (nameEnd == bang) {
                    String conversion = field.substring(bang, colon > bang ? colon : field.length());
                    throw new PromptFormatException("variable '" + name + "' has the conversion '" + conversion + "' at position "
                            + i + "; conversions call Python functions (repr, str, ascii) that have no Java meaning:"
                            + " remove it, or format the value before passing it: " + excerpt(template, i), i);
                }
                FormatSpec spec = null;
                if (colon >= 0 && colon + 1 < field.length()) {
                    try {
                        spec = FormatSpec.parse(field.substring(colon + 1));
                    } catch (PromptFormatException e) {
                        throw new PromptFormatException(e.getMessage() + " in variable '" + name + "' at position " + i
                                + ": " + excerpt(template, i), i);
                    }
                }
                literals.add(literal.toString());
                literal.setLength(0);
                names.add(name);
                specs.add(spec);
                i = close + 1;
            } else if (c == '}') {
                if (i + 1 < n && template.charAt(i + 1) == '}') {
                    literal.append('}');
                    i += 2;
                    continue;
                }
                throw new PromptFormatException("single '}' at position " + i + " in prompt template; write '}}' for a"
                        + " literal brace or add the matching '{': " + excerpt(template, i), i);
            } else {
                literal.append(c);
                i++;
            }
        }
        literals.add(literal.toString());
        return new FStringTemplate(literals, names, specs);
    }

    private static void checkName(String name, String template, int position) {
        String problem = null;
        if (name.isBlank()) {
            problem = "empty variable name '{" + name + "}'";
        } else if (name.indexOf('.') >= 0 || name.indexOf('[') >= 0 || name.indexOf(']') >= 0) {
            problem = "variable name '" + name + "' uses attribute access or indexing, which prompt templates do not allow";
        } else if (name.chars().allMatch(Character::isDigit)) {
            problem = "variable name '" + name + "' is all digits (a positional argument)";
        }
        if (problem != null) {
            throw new PromptFormatException(problem + " at position " + position + " in prompt template; use a name"
                    + " like {topic}, or '{{' and '}}' for literal braces: " + excerpt(template, position), position);
        }
    }

    static String excerpt(String template, int position) {
        int from = Math.max(0, position - 20);
        int to = Math.min(template.length(), position + 20);
        return (from > 0 ? "…" : "") + template.substring(from, to) + (to < template.length() ? "…" : "");
    }

    static List<String> sorted(Iterable<String> names) {
        // Python sorts str by code point; String.compareTo compares UTF-16 units, which differs above U+FFFF.
        TreeSet<String> set = new TreeSet<>((a, b) -> {
            int i = 0;
            int j = 0;
            while (i < a.length() && j < b.length()) {
                int ca = a.codePointAt(i);
                int cb = b.codePointAt(j);
                if (ca != cb) {
                    return Integer.compare(ca, cb);
                }
                i += Character.charCount(ca);
                j += Character.charCount(cb);
            }
            return Integer.compare(a.length() - i, b.length() - j);
        });
        names.forEach(set::add);
        return List.copyOf(set);
    }

    @Override
    public List<String> variables() {
        return variables;
    }

    @Override
    public void render(Map<String, ?> values, VariableLookup lookup, StringBuilder out) {
        out.ensureCapacity(out.length() + literalLength + names.length * 16);
        for (int i = 0; i < names.length; i++) {
            out.append(literals[i]);
            Object value = values.get(names[i]);
            if (value == null && !values.containsKey(names[i])) {
                value = lookup.valueOf(names[i]);
            }
            if (specs[i] == null) {
                out.append(value);
            } else {
                specs[i].format(names[i], value, out);
            }
        }
        out.append(literals[names.length]);
    }
}
