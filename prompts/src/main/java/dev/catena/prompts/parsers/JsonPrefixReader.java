package dev.catena.prompts.parsers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON one character at a time and knows, after each one, whether the text so far can be
 * closed into a value by appending closing brackets: the test LangChain's
 * {@code parse_partial_json} makes by trying ever shorter texts, made here once per character
 * so that reading is linear in the input. It follows the grammar of the Jackson reader Catena
 * parses with (control characters allowed in strings, {@code NaN} and {@code Infinity} allowed,
 * Jackson's nesting and length limits). Optionally it also builds the value as it reads, so a
 * stream can show the value so far without parsing the whole text again.
 */
final class JsonPrefixReader {

    private static final int ROOT = 0;           // expecting the root value
    private static final int VALUE = 1;          // expecting a value (after ':' or an array's ',')
    private static final int VALUE_OR_CLOSE = 2; // just after '['
    private static final int KEY_OR_CLOSE = 3;   // just after '{'
    private static final int KEY = 4;            // after an object's ','
    private static final int COLON = 5;          // after a key
    private static final int AFTER_VALUE = 6;    // after a value inside a container
    private static final int ROOT_DONE = 7;      // after the root value
    private static final int STRING = 8;
    private static final int ESCAPE = 9;         // after a backslash in a string
    private static final int UNICODE = 10;       // inside the four hex digits of a \\u escape
    private static final int NUMBER = 11;
    private static final int LITERAL = 12;
    private static final int FAILED = 13;

    // Number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    private static final int N_MINUS = 0;
    private static final int N_ZERO = 1;
    private static final int N_INT = 2;
    private static final int N_DOT = 3;
    private static final int N_FRAC = 4;
    private static final int N_E = 5;
    private static final int N_E_SIGN = 6;
    private static final int N_EXP = 7;

    private static final String[] WORDS = {"true", "false", "null", "NaN", "Infinity", "-Infinity"};
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.defaults();

    private final boolean build;
    private final char[] target; // scan mode: the brackets (as '{' or '[') the text's closers will close, outermost first
    private int state = ROOT;
    private final List<Frame> frames = new ArrayList<>();
    private int matched; // how many of the open containers, outermost first, agree with target

    private boolean keyString;
    private final StringBuilder text = new StringBuilder(); // string content (decoded) or number token
    private int hex;
    private int hexDigits;
    private int numberState;
    private int numberValidLength; // the longest prefix of the number token that is a complete number
    private String word;
    private int wordIndex;
    private JsonNode root;

    private static final class Frame {
        final boolean object;
        final ContainerNode<?> node; // built mode only
        String key;                  // an object's key waiting for its value

        Frame(boolean object, ContainerNode<?> node) {
            this.object = object;
            this.node = node;
        }
    }

    private JsonPrefixReader(boolean build, char[] target) {
        this.build = build;
        this.target = target;
    }

    /** A reader that builds the value as it reads, for streams. */
    static JsonPrefixReader building() {
        return new JsonPrefixReader(true, new char[0]);
    }

    /** A reader that only checks, against the brackets {@code target} (outermost first) that will be appended. */
    static JsonPrefixReader scanning(char[] target) {
        return new JsonPrefixReader(false, target);
    }

    boolean failed() {
        return state == FAILED;
    }

    boolean rootDone() {
        return state == ROOT_DONE;
    }

    /** Whether the text so far, followed by closing brackets for its open containers, is one JSON value. */
    boolean closable() {
        return switch (state) {
            case AFTER_VALUE, VALUE_OR_CLOSE, KEY_OR_CLOSE, ROOT_DONE -> true;
            case NUMBER -> numberValidLength == text.length();
            default -> false;
        };
    }

    /** Scan mode: closable, and its open containers are exactly the ones the target closes. */
    boolean closableByTarget() {
        return closable() && frames.size() == target.length && matched == target.length;
    }

    void accept(char c) {
        switch (state) {
            case STRING -> string(c);
            case ESCAPE -> escape(c);
            case UNICODE -> unicode(c);
            case NUMBER -> number(c);
            case LITERAL -> literal(c);
            case FAILED -> {
            }
            default -> structure(c);
        }
    }

    private void structure(char c) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            return;
        }
        switch (state) {
            case ROOT, VALUE -> startValue(c);
            case VALUE_OR_CLOSE -> {
                if (c == ']') {
                    closeContainer();
                } else {
                    startValue(c);
                }
            }
            case KEY_OR_CLOSE, KEY -> {
                if (c == '"') {
                    startString(true);
                } else if (c == '}' && state == KEY_OR_CLOSE) {
                    closeContainer();
                } else {
                    state = FAILED;
                }
            }
            case COLON -> state = c == ':' ? VALUE : FAILED;
            case AFTER_VALUE -> {
                boolean object = frames.get(frames.size() - 1).object;
                if (c == ',') {
                    state = object ? KEY : VALUE;
                } else if (c == (object ? '}' : ']')) {
                    closeContainer();
                } else {
                    state = FAILED;
                }
            }
            default -> state = FAILED; // ROOT_DONE: nothing may follow the root value
        }
    }

    private void startValue(char c) {
        if (c == '{' || c == '[') {
            boolean object = c == '{';
            if (frames.size() + 1 > LIMITS.getMaxNestingDepth()) {
                state = FAILED;
                return;
            }
            int depth = frames.size();
            if (matched == depth && depth < target.length && target[depth] == c) {
                matched++;
            }
            ContainerNode<?> node = build ? (object ? JsonNodeFactory.instance.objectNode() : JsonNodeFactory.instance.arrayNode()) : null;
            frames.add(new Frame(object, node));
            state = object ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
        } else if (c == '"') {
            startString(false);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            text.setLength(0);
            text.append(c);
            numberState = c == '-' ? N_MINUS : c == '0' ? N_ZERO : N_INT;
            numberValidLength = c == '-' ? 0 : 1;
            state = NUMBER;
        } else if (c == 't' || c == 'f' || c == 'n' || c == 'N' || c == 'I') {
            word = c == 't' ? "true" : c == 'f' ? "false" : c == 'n' ? "null" : c == 'N' ? "NaN" : "Infinity";
            wordIndex = 1;
            state = LITERAL;
        } else {
            state = FAILED;
        }
    }

    private void startString(boolean key) {
        keyString = key;
        text.setLength(0);
        state = STRING;
    }

    private void string(char c) {
        if (c == '"') {
            String s = text.toString();
            if (keyString) {
                frames.get(frames.size() - 1).key = s;
                state = COLON;
            } else {
                completeValue(build ? TextNode.valueOf(s) : null);
            }
        } else if (c == '\\') {
            state = ESCAPE;
        } else if (text.length() >= LIMITS.getMaxStringLength()) {
            state = FAILED;
        } else {
            text.append(c);
        }
    }

    private void escape(char c) {
        char decoded = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> 'u';
            default -> 0;
        };
        if (c == 'u') {
            hex = 0;
            hexDigits = 0;
            state = UNICODE;
        } else if (decoded == 0) {
            state = FAILED;
        } else {
            text.append(decoded);
            state = STRING;
        }
    }

    private void unicode(char c) {
        int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (digit < 0) {
            state = FAILED;
            return;
        }
        hex = hex * 16 + digit;
        if (++hexDigits == 4) {
            text.append((char) hex);
            state = STRING;
        }
    }

    private void number(char c) {
        int next = -1;
        switch (numberState) {
            case N_MINUS -> {
                if (c == '0') {
                    next = N_ZERO;
                } else if (c >= '1' && c <= '9') {
                    next = N_INT;
                } else if (c == 'I') {
                    word = "-Infinity";
                    wordIndex = 2;
                    state = LITERAL;
                    return;
                }
            }
            case N_ZERO -> next = c == '.' ? N_DOT : c == 'e' || c == 'E' ? N_E : -1;
            case N_INT -> next = c >= '0' && c <= '9' ? N_INT : c == '.' ? N_DOT : c == 'e' || c == 'E' ? N_E : -1;
            case N_DOT, N_FRAC -> next = c >= '0' && c <= '9' ? N_FRAC
                    : numberState == N_FRAC && (c == 'e' || c == 'E') ? N_E : -1;
            case N_E -> next = c == '+' || c == '-' ? N_E_SIGN : c >= '0' && c <= '9' ? N_EXP : -1;
            case N_E_SIGN, N_EXP -> next = c >= '0' && c <= '9' ? N_EXP : -1;
            default -> {
            }
        }
        if (next >= 0) {
            if (text.length() >= LIMITS.getMaxNumberLength()) {
                state = FAILED;
                return;
            }
            text.append(c);
            numberState = next;
            if (next == N_ZERO || next == N_INT || next == N_FRAC || next == N_EXP) {
                numberValidLength = text.length();
            }
            return;
        }
        if (numberValidLength != text.length()) {
            state = FAILED; // "1.", "-", "1e+" cannot end a number
            return;
        }
        completeValue(build ? numberNode(text.toString()) : null);
        accept(c);
    }

    private void literal(char c) {
        if (c != word.charAt(wordIndex)) {
            state = FAILED;
            return;
        }
        if (++wordIndex == word.length()) {
            JsonNode node = null;
            if (build) {
                node = switch (word) {
                    case "true" -> BooleanNode.TRUE;
                    case "false" -> BooleanNode.FALSE;
                    case "null" -> NullNode.instance;
                    case "NaN" -> DoubleNode.valueOf(Double.NaN);
                    case "Infinity" -> DoubleNode.valueOf(Double.POSITIVE_INFINITY);
                    default -> DoubleNode.valueOf(Double.NEGATIVE_INFINITY);
                };
            }
            completeValue(node);
        }
    }

    /** A number node exactly as the Jackson reader makes it (int, long, big integer or double). */
    private static JsonNode numberNode(String token) {
        try {
            return PartialJson.MAPPER.readTree(token);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("number token " + token + " was checked but does not read", e);
        }
    }

    private void completeValue(JsonNode value) {
        if (frames.isEmpty()) {
            root = value;
            state = ROOT_DONE;
            return;
        }
        Frame top = frames.get(frames.size() - 1);
        if (build) {
            if (top.object) {
                ((ObjectNode) top.node).set(top.key, value);
            } else {
                ((ArrayNode) top.node).add(value);
            }
        }
        top.key = null;
        state = AFTER_VALUE;
    }

    private void closeContainer() {
        Frame done = frames.remove(frames.size() - 1);
        if (matched > frames.size()) {
            matched = frames.size();
        }
        completeValue(build ? done.node : null);
    }

    /**
     * Build mode: the value the text so far closes into, as LangChain's {@code parse_partial_json}
     * gives it (an unfinished string is kept, an unfinished key, number or word is left out), or
     * null when nothing closes (the reader failed, or no value has begun).
     */
    JsonNode snapshot() {
        if (state == FAILED || frames.isEmpty() && state != ROOT_DONE) {
            return null;
        }
        if (state == ROOT_DONE) {
            return root.deepCopy();
        }
        JsonNode member = switch (state) {
            case STRING, ESCAPE -> keyString ? null : TextNode.valueOf(text.toString());
            case NUMBER -> numberValidLength > 0 ? numberNode(text.substring(0, numberValidLength)) : null;
            default -> null;
        };
        JsonNode child = member;
        for (int i = frames.size() - 1; i >= 0; i--) {
            Frame frame = frames.get(i);
            ContainerNode<?> copy = frame.node.deepCopy();
            if (child != null) {
                if (frame.object) {
                    ((ObjectNode) copy).set(frame.key, child);
                } else {
                    ((ArrayNode) copy).add(child);
                }
            }
            child = copy;
        }
        return child;
    }
}
