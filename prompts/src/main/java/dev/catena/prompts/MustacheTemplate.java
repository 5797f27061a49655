package dev.catena.prompts;

import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Mustache template parsed into a tree, following the rules of the Mustache implementation
 * LangChain ships (chevron): {@code {{name}}}, {@code {{{name}}}} and {@code {{& name}}} variables with
 * dotted names, {@code {{#x}}…{{/x}}} sections (repeated for lists, skipped for falsy values),
 * {@code {{^x}}…{{/x}}} inverted sections, {@code {{! comments}}}, and standalone tag lines removed.
 * A missing nested key renders as nothing, as in chevron.
 *
 * <p>Unlike LangChain, values are never HTML-escaped: a prompt is not HTML, and escaping
 * {@code <}, {@code &} and {@code "} would corrupt code and JSON sent to the model. Partials and
 * delimiter changes are not supported and fail when the template is built.
 */
final class MustacheTemplate implements CompiledTemplate {

    private sealed interface Node permits Text, Variable, Section {
    }

    private record Text(String text) implements Node {
    }

    private record Variable(String key) implements Node {
    }

    private record Section(String key, boolean inverted, List<Node> children) implements Node {
    }

    private final List<Node> nodes;
    private final List<String> variables;

    private MustacheTemplate(List<Node> nodes, List<String> variables) {
        this.nodes = nodes;
        this.variables = variables;
    }

    static MustacheTemplate parse(String template) {
        Deque<List<Node>> stack = new ArrayDeque<>();
        Deque<String> open = new ArrayDeque<>();
        Deque<Integer> openAt = new ArrayDeque<>();
        List<Node> root = new ArrayList<>();
        stack.push(root);
        Set<String> topLevel = new LinkedHashSet<>();
        int pos = 0;
        int n = template.length();
        boolean previousStandalone = true;
        while (pos < n) {
            int tagStart = template.indexOf("{{", pos);
            if (tagStart < 0) {
                stack.peek().add(new Text(template.substring(pos)));
                break;
            }
            String literal = template.substring(pos, tagStart);
            boolean triple = template.startsWith("{{{", tagStart);
            int closeAt = template.indexOf(triple ? "}}}" : "}}", tagStart + (triple ? 3 : 2));
            if (closeAt < 0) {
                throw new PromptFormatException("unclosed mustache tag at position " + tagStart + "; close it with "
                        + (triple ? "'}}}'" : "'}}'") + ": " + FStringTemplate.excerpt(template, tagStart), tagStart);
            }
            String raw = template.substring(tagStart + (triple ? 3 : 2), closeAt);
            int after = closeAt + (triple ? 3 : 2);
            char type = triple || raw.isEmpty() ? 'v' : raw.charAt(0);
            String key = (triple || "#^/!>=&".indexOf(type) < 0 ? raw : raw.substring(1)).strip();
            if ("#^/!>=&".indexOf(type) < 0) {
                type = 'v';
            }
            if (type == '>' || type == '=') {
                throw new PromptFormatException("mustache " + (type == '>' ? "partials ({{> name}})" : "delimiter changes ({{=…=}})")
                        + " are not supported, at position " + tagStart + "; inline the text instead", tagStart);
            }
            if (type != '!' && key.isEmpty()) {
                throw new PromptFormatException("empty mustache tag at position " + tagStart + "; write {{name}}", tagStart);
            }
            // A section, end or comment tag alone on its line takes the whole line with it (Mustache "standalone" rule).
            boolean standalone = false;
            if (type == '#' || type == '^' || type == '/' || type == '!') {
                int nl = literal.lastIndexOf('\n');
                boolean leftBlank = (nl >= 0 || previousStandalone) && literal.substring(nl + 1).isBlank();
                int eol = template.indexOf('\n', after);
                String rest = template.substring(after, eol < 0 ? n : eol);
                standalone = leftBlank && rest.isBlank();
                if (standalone) {
                    literal = stripTrailingSpaces(literal);
                    after = eol < 0 ? n : eol + 1;
                }
            }
            previousStandalone = standalone;
            if (!literal.isEmpty()) {
                stack.peek().add(new Text(literal));
            }
            switch (type) {
                case '#', '^' -> {
                    if (open.isEmpty() && !key.equals(".")) {
                        topLevel.add(key.split("\\.", -1)[0]);
                    }
                    List<Node> children = new ArrayList<>();
                    stack.peek().add(new Section(key, type == '^', children));
                    stack.push(children);
                    open.push(key);
                    openAt.push(tagStart);
                }
                case '/' -> {
                    if (open.isEmpty()) {
                        throw new PromptFormatException("mustache tag {{/" + key + "}} at position " + tagStart
                                + " closes a section that was never opened", tagStart);
                    }
                    if (!open.peek().equals(key)) {
                        throw new PromptFormatException("mustache tag {{/" + key + "}} at position " + tagStart
                                + " does not match the open section {{#" + open.peek() + "}}", tagStart);
                    }
                    open.pop();
                    openAt.pop();
                    stack.pop();
                }
                case '!' -> {
                    // comments render nothing
                }
                default -> {
                    if (open.isEmpty() && !key.equals(".")) {
                        topLevel.add(key.split("\\.", -1)[0]);
                    }
                    stack.peek().add(new Variable(key));
                }
            }
            pos = after;
        }
        if (!open.isEmpty()) {
            throw new PromptFormatException("mustache section {{#" + open.peek() + "}} opened at position " + openAt.peek()
                    + " is never closed; add {{/" + open.peek() + "}}", openAt.peek());
        }
        return new MustacheTemplate(List.copyOf(root), FStringTemplate.sorted(topLevel));
    }

    private static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    @Override
    public List<String> variables() {
        return variables;
    }

    @Override
    public void render(Map<String, ?> values, VariableLookup lookup, StringBuilder out) {
        Deque<Object> scopes = new ArrayDeque<>();
        scopes.push(new TopScope(values, lookup));
        render(nodes, scopes, out);
    }

    /** The caller's values, falling back to partial variables. */
    private record TopScope(Map<String, ?> values, VariableLookup lookup) {
        Object get(String key) {
            Object v = values.get(key);
            if (v == null && !values.containsKey(key)) {
                v = lookup.valueOf(key);
            }
            return v;
        }
    }

    private static void render(List<Node> nodes, Deque<Object> scopes, StringBuilder out) {
        for (Node node : nodes) {
            if (node instanceof Text t) {
                out.append(t.text());
            } else if (node instanceof Variable v) {
                Object value = resolve(v.key(), scopes);
                // As LangChain's mustache ("scope or ''"): an empty list or map prints as nothing, like null.
                if (value != null && !(value instanceof Collection<?> c && c.isEmpty())
                        && !(value instanceof Map<?, ?> m && m.isEmpty())) {
                    out.append(value);
                }
            } else if (node instanceof Section s) {
                Object value = resolve(s.key(), scopes);
                if (s.inverted()) {
                    if (isFalsy(value)) {
                        render(s.children(), scopes, out);
                    }
                } else if (value instanceof Iterable<?> items) {
                    for (Object item : items) {
                        scopes.push(item == null ? MISSING : item);
                        render(s.children(), scopes, out);
                        scopes.pop();
                    }
                } else if (!isFalsy(value)) {
                    scopes.push(value);
                    render(s.children(), scopes, out);
                    scopes.pop();
                }
            }
        }
    }

    private static final Object MISSING = new Object();

    private static boolean isFalsy(Object value) {
        return value == null || value == MISSING || Boolean.FALSE.equals(value)
                || (value instanceof CharSequence cs && cs.length() == 0)
                || (value instanceof Collection<?> c && c.isEmpty())
                || (value instanceof Map<?, ?> m && m.isEmpty())
                || (value instanceof Number num && num.doubleValue() == 0);
    }

    /** Looks the dotted key up in each scope from the innermost out, as chevron does. */
    private static Object resolve(String key, Deque<Object> scopes) {
        if (key.equals(".")) {
            Object top = scopes.peek();
            return top == MISSING || top instanceof TopScope ? null : top;
        }
        String[] parts = key.split("\\.", -1);
        Iterator<Object> it = scopes.iterator();
        while (it.hasNext()) {
            Object scope = it.next();
            Object current = scope;
            boolean found = true;
            for (String part : parts) {
                Object next = child(current, part);
                if (next == MISSING) {
                    found = false;
                    break;
                }
                current = next;
            }
            if (found) {
                return current;
            }
        }
        return null;
    }

    private static Object child(Object scope, String key) {
        if (scope instanceof TopScope top) {
            return top.values().containsKey(key) ? top.values().get(key) : orMissing(top.lookup().valueOf(key));
        }
        if (scope instanceof Map<?, ?> map) {
            return map.containsKey(key) ? map.get(key) : MISSING;
        }
        if (scope instanceof List<?> list && !key.isEmpty() && key.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(key);
            return index < list.size() ? list.get(index) : MISSING;
        }
        if (scope != null && scope.getClass().isRecord()) {
            for (RecordComponent rc : scope.getClass().getRecordComponents()) {
                if (rc.getName().equals(key)) {
                    try {
                        rc.getAccessor().setAccessible(true);
                        return rc.getAccessor().invoke(scope);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        return MISSING;
                    }
                }
            }
        }
        return MISSING;
    }

    private static Object orMissing(Object value) {
        return value == null ? MISSING : value;
    }
}
