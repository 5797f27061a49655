package dev.catena.prompts.parsers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JSON that a model wrote: possibly unfinished (mid-stream), in a {@code ```json} fence, or
 * with prose around it. Follows LangChain's {@code parse_partial_json} and
 * {@code parse_json_markdown}: open strings, arrays and objects are closed, and characters are
 * dropped from the end until what is left parses, so <code>{"a": [1, 2</code> reads as
 * {@code {"a": [1, 2]}} and <code>{"a": "b", "c</code> as {@code {"a": "b"}}. Also reads JSON after
 * leading prose, which LangChain does not.
 */
public final class PartialJson {

    /** Lenient as Python's {@code json.loads(strict=False)}: control characters in strings, NaN and Infinity. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Pattern FENCE = Pattern.compile("```(json)?(.*)", Pattern.DOTALL);
    private static final String STRIP = " \n\r\t`";

    private PartialJson() {
    }

    /**
     * {@return the JSON value in a model's text, complete or not, or null if there is none} Tries, in
     * order: the text (or the part after a {@code ```} fence) as it is; the first complete value
     * starting at the first <code>{</code> or {@code [}; then that value closed as LangChain does.
     *
     * @param text the model's text
     */
    public static JsonNode parseMarkdown(String text) {
        String candidate = strip(text);
        JsonNode node = strict(candidate);
        if (node != null) {
            return node;
        }
        Matcher fence = FENCE.matcher(text);
        if (fence.find()) {
            candidate = strip(fence.group(2));
            node = strict(candidate);
            if (node != null) {
                return node;
            }
        }
        int start = firstBracket(candidate);
        if (start < 0) {
            return parsePartial(candidate);
        }
        String fromBracket = candidate.substring(start);
        node = firstValue(fromBracket);
        // A text with no complete first value cannot parse whole either, so go straight to closing it.
        return node != null ? node : close(fromBracket);
    }

    /**
     * LangChain's {@code parse_partial_json}: the text as JSON if it parses, else with open strings
     * and brackets closed and trailing characters dropped until it parses; null if nothing does or
     * a closing bracket does not match.
     *
     * @param s the JSON text, complete or not
     * @return the value, or null
     */
    public static JsonNode parsePartial(String s) {
        JsonNode whole = strict(s);
        return whole != null ? whole : close(s);
    }

    /**
     * LangChain's closing step in linear time. LangChain closes open strings and brackets, then
     * drops one character at a time from the end until the text parses; here one pass finds the
     * longest prefix that would parse with the same closing brackets, and only that is parsed.
     */
    static JsonNode close(String s) {
        StringBuilder chars = new StringBuilder(s.length() + 8);
        BitSet escapedNewline = new BitSet(); // where a newline was written as the two characters \n
        StringBuilder openers = new StringBuilder();
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '"' && !escaped) {
                    inString = false;
                } else if (c == '\n' && !escaped) {
                    escapedNewline.set(chars.length());
                    chars.append("\\n");
                    continue;
                } else if (c == '\\') {
                    escaped = !escaped;
                } else {
                    escaped = false;
                }
            } else if (c == '"') {
                inString = true;
                escaped = false;
            } else if (c == '{' || c == '[') {
                openers.append(c);
            } else if (c == '}' || c == ']') {
                int last = openers.length() - 1;
                if (last >= 0 && openers.charAt(last) == (c == '}' ? '{' : '[')) {
                    openers.setLength(last);
                } else {
                    return null; // mismatched closing bracket: the input is malformed
                }
            }
            chars.append(c);
        }
        if (inString) {
            if (escaped) {
                chars.setLength(chars.length() - 1); // drop an unfinished escape
            }
            chars.append('"');
        }
        StringBuilder closing = new StringBuilder(openers.length());
        for (int i = openers.length() - 1; i >= 0; i--) {
            closing.append(openers.charAt(i) == '{' ? '}' : ']');
        }
        JsonPrefixReader scan = JsonPrefixReader.scanning(openers.toString().toCharArray());
        int longest = 0;
        for (int i = 0; i < chars.length() && !scan.failed(); i++) {
            scan.accept(chars.charAt(i));
            if (scan.closableByTarget()) {
                longest = i + 1;
            }
        }
        // Normally the first attempt parses; going on shorter keeps LangChain's answer for anything the scan misjudged.
        for (int length = longest; length > 0; ) {
            JsonNode node = strict(chars.substring(0, length) + closing);
            if (node != null) {
                return node;
            }
            length = length > 1 && escapedNewline.get(length - 2) ? length - 2 : length - 1;
        }
        return null;
    }

    private static String strip(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && STRIP.indexOf(text.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && STRIP.indexOf(text.charAt(to - 1)) >= 0) {
            to--;
        }
        return text.substring(from, to);
    }

    private static int firstBracket(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '[') {
                return i;
            }
        }
        return -1;
    }

    /** The text as one JSON value with nothing after it, or null. */
    static JsonNode strict(String text) {
        if (text.isEmpty()) {
            return null;
        }
        char first = text.charAt(0);
        // Cheap pre-check: a JSON value cannot start with prose, so skip the parser (and its exception).
        if (!(first == '{' || first == '[' || first == '"' || first == '-' || Character.isDigit(first)
                || first == 't' || first == 'f' || first == 'n' || first == 'N' || first == 'I' || Character.isWhitespace(first))) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            return node.isMissingNode() ? null : node; // only spaces: no value, as Python's json.loads refuses it
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The first complete JSON value at the start of the text, ignoring what follows it, or null. */
    private static JsonNode firstValue(String text) {
        try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
            if (parser.nextToken() == null) {
                return null;
            }
            return MAPPER.readTree(parser);
        } catch (IOException e) {
            return null;
        }
    }
}
