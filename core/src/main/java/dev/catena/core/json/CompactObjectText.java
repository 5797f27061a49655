package dev.catena.core.json;

/**
 * Recognises a JSON object written exactly as Jackson writes the tree it parses to: no whitespace,
 * no duplicate keys, strings without escapes or control characters, numbers only as integers in
 * their shortest form. Such text can be copied as it is where the forms would otherwise parse it
 * and write it again (tool-call arguments, which models and Catena itself write compactly); a
 * {@code false} answer only means "parse it", never that the text is wrong.
 */
final class CompactObjectText {

    /** Deeper or wider values are left to the parser: this check stays linear and its stack small. */
    private static final int MAX_DEPTH = 32;
    private static final int MAX_KEYS = 32;
    /** Up to 18 digits an integer is an {@code int} or {@code long}, which Jackson writes back digit for digit. */
    private static final int MAX_DIGITS = 18;

    private final CharSequence text;
    private final int end;
    private int pos;

    private CompactObjectText(CharSequence text, int start, int end) {
        this.text = text;
        this.pos = start;
        this.end = end;
    }

    /**
     * Whether {@code text[start, end)} is one JSON object exactly as Jackson writes its parsed tree.
     *
     * @param text the text
     * @param start the object's first character
     * @param end just after its last character
     * @return true when copying the text gives what parsing and writing it would
     */
    static boolean isCompactObject(CharSequence text, int start, int end) {
        CompactObjectText scan = new CompactObjectText(text, start, end);
        return start < end && text.charAt(start) == '{' && scan.value(0) && scan.pos == end;
    }

    private boolean value(int depth) {
        if (pos >= end) {
            return false;
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> depth < MAX_DEPTH && object(depth + 1);
            case '[' -> depth < MAX_DEPTH && array(depth + 1);
            case '"' -> string() >= 0;
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> integer();
        };
    }

    private boolean object(int depth) {
        pos++; // '{'
        if (pos < end && text.charAt(pos) == '}') {
            pos++;
            return true;
        }
        int[] keys = new int[2 * MAX_KEYS]; // start and end of each key's characters
        for (int count = 0; ; count++) {
            if (count == MAX_KEYS || pos >= end || text.charAt(pos) != '"') {
                return false;
            }
            int keyStart = pos + 1;
            int keyEnd = string();
            if (keyEnd < 0 || isDuplicate(keys, count, keyStart, keyEnd)) {
                return false;
            }
            keys[2 * count] = keyStart;
            keys[2 * count + 1] = keyEnd;
            if (pos >= end || text.charAt(pos) != ':') {
                return false;
            }
            pos++;
            if (!value(depth) || pos >= end) {
                return false;
            }
            char c = text.charAt(pos++);
            if (c == '}') {
                return true;
            }
            if (c != ',') {
                return false;
            }
        }
    }

    private boolean isDuplicate(int[] keys, int count, int start, int end) {
        int length = end - start;
        for (int k = 0; k < count; k++) {
            int other = keys[2 * k];
            if (keys[2 * k + 1] - other == length && regionEquals(other, start, length)) {
                return true;
            }
        }
        return false;
    }

    private boolean regionEquals(int a, int b, int length) {
        for (int i = 0; i < length; i++) {
            if (text.charAt(a + i) != text.charAt(b + i)) {
                return false;
            }
        }
        return true;
    }

    private boolean array(int depth) {
        pos++; // '['
        if (pos < end && text.charAt(pos) == ']') {
            pos++;
            return true;
        }
        while (true) {
            if (!value(depth) || pos >= end) {
                return false;
            }
            char c = text.charAt(pos++);
            if (c == ']') {
                return true;
            }
            if (c != ',') {
                return false;
            }
        }
    }

    /** A string with nothing Jackson would escape differently; returns the index of its closing quote, or -1. */
    private int string() {
        for (int i = pos + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                pos = i + 1;
                return i;
            }
            // escapes may be written differently; control characters and lone surrogates are left to the parser
            if (c == '\\' || c < 0x20 || Character.isSurrogate(c) && !validPair(i)) {
                return -1;
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return -1;
    }

    private boolean validPair(int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1));
    }

    private boolean literal(String word) {
        int length = word.length();
        if (end - pos < length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text.charAt(pos + i) != word.charAt(i)) {
                return false;
            }
        }
        pos += length;
        return true;
    }

    /** {@code -?(0|[1-9][0-9]*)}, at most {@link #MAX_DIGITS} digits, not {@code -0}; anything else (fractions too) is not compact. */
    private boolean integer() {
        int i = pos;
        boolean negative = text.charAt(i) == '-';
        if (negative) {
            i++;
        }
        int first = i;
        while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        int digits = i - first;
        if (digits == 0 || digits > MAX_DIGITS || digits > 1 && text.charAt(first) == '0'
                || negative && digits == 1 && text.charAt(first) == '0') {
            return false;
        }
        if (i < end) {
            char next = text.charAt(i);
            if (next == '.' || next == 'e' || next == 'E') {
                return false;
            }
        }
        pos = i;
        return true;
    }
}
