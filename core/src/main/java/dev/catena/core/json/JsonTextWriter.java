package dev.catena.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes compact JSON text into a growable {@code char[]}, character for character what Jackson's
 * default generator writes for the same calls: {@code "} and {@code \} escaped, control characters
 * as {@code \b \t \n \f \r} or <code>&#92;u00XX</code> (upper-case hex), every other character (non-ASCII,
 * {@code /}, U+2028, lone surrogates) as it is; numbers as {@code Integer}/{@code Long}/{@code Double}
 * {@code toString}, a non-finite double as a quoted string. The message forms write through it
 * instead of a generator: for a history, Jackson's per-token bookkeeping cost more than the text.
 *
 * <p>Commas are placed by one flag, not a context stack: after a name no comma is due, after a
 * value or an end one is. The caller keeps names and values paired, as with a generator.
 */
final class JsonTextWriter {

    /** Characters up to {@code \} that need an escape: what the string scan looks up. */
    private static final boolean[] ESCAPED = new boolean['\\' + 1];
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final char[] NO_CHARS = {};
    /** Each thread keeps one buffer of at most this many characters (256 kB) between texts. */
    private static final int SPARE_MAX = 1 << 17;
    private static final ThreadLocal<char[]> SPARE = new ThreadLocal<>();

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPED[c] = true;
        }
        ESCAPED['"'] = true;
        ESCAPED['\\'] = true;
    }

    private char[] buf;
    private int len;
    /** A value has just ended: the next name or value is preceded by a comma. */
    private boolean comma;
    /** Where the rest of a string that needs escapes waits while it is written back escaped. */
    private char[] scratch = NO_CHARS;

    /**
     * A writer whose buffer starts at {@code capacity} characters.
     *
     * @param capacity the expected length of the text; the buffer grows past it as needed
     */
    JsonTextWriter(int capacity) {
        buf = new char[Math.max(16, capacity)];
    }

    private JsonTextWriter(char[] buffer) {
        buf = buffer;
    }

    /**
     * A writer on this thread's spare buffer, when it has one of {@code capacity} characters: a
     * history's text takes tens of kilobytes, and zeroing a fresh array that size costs as much as
     * writing a good part of it. {@link #finish()} gives the buffer back.
     *
     * @param capacity the expected length of the text; the buffer grows past it as needed
     */
    static JsonTextWriter onSpareBuffer(int capacity) {
        char[] spare = SPARE.get();
        if (spare == null) {
            return new JsonTextWriter(capacity);
        }
        SPARE.set(null); // a writer started before this one finishes gets a buffer of its own
        return spare.length >= capacity ? new JsonTextWriter(spare) : new JsonTextWriter(capacity);
    }

    /**
     * The text written; the buffer becomes this thread's spare unless it grew past {@link #SPARE_MAX}.
     * The writer is done: writing to it afterwards fails instead of writing into a buffer another
     * writer may have taken.
     */
    String finish() {
        String text = text();
        if (buf.length <= SPARE_MAX) {
            SPARE.set(buf);
        }
        buf = null;
        return text;
    }

    /** The text written so far. */
    String text() {
        return new String(buf, 0, len);
    }

    void startObject() {
        beforeValue();
        ensure(1);
        buf[len++] = '{';
        comma = false;
    }

    void endObject() {
        ensure(1);
        buf[len++] = '}';
        comma = true;
    }

    void startArray() {
        beforeValue();
        ensure(1);
        buf[len++] = '[';
        comma = false;
    }

    void endArray() {
        ensure(1);
        buf[len++] = ']';
        comma = true;
    }

    /** A field name Jackson has already quoted and escaped: copied as it is. */
    void name(SerializableString name) {
        char[] quoted = name.asQuotedChars();
        ensure(quoted.length + 4);
        if (comma) {
            buf[len++] = ',';
        }
        buf[len++] = '"';
        System.arraycopy(quoted, 0, buf, len, quoted.length);
        len += quoted.length;
        buf[len++] = '"';
        buf[len++] = ':';
        comma = false;
    }

    /** A field name, escaped like a string value. */
    void name(String name) {
        if (comma) {
            ensure(1);
            buf[len++] = ',';
        }
        quoted(name);
        ensure(1);
        buf[len++] = ':';
        comma = false;
    }

    /** A field with a pre-quoted name and a string value; a null value writes JSON {@code null}. */
    void field(SerializableString name, String value) {
        name(name);
        string(value);
    }

    /** A field with a pre-quoted name, written only when {@code value} is not null. */
    void fieldIfPresent(SerializableString name, String value) {
        if (value != null) {
            field(name, value);
        }
    }

    /** A field with a pre-quoted name and a number value. */
    void field(SerializableString name, int value) {
        name(name);
        number(value);
    }

    /** Each entry as a field, its value written as {@link #value(Object)} writes it. */
    void fields(Map<String, ?> fields) {
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            name(field.getKey());
            value(field.getValue());
        }
    }

    /** A string value; null writes JSON {@code null}, as a generator's {@code writeString(null)} does. */
    void string(String value) {
        beforeValue();
        if (value == null) {
            appendNull();
        } else {
            quoted(value);
        }
        comma = true;
    }

    /** A string value given pre-quoted. */
    void string(SerializableString value) {
        beforeValue();
        char[] quoted = value.asQuotedChars();
        ensure(quoted.length + 2);
        buf[len++] = '"';
        System.arraycopy(quoted, 0, buf, len, quoted.length);
        len += quoted.length;
        buf[len++] = '"';
        comma = true;
    }

    void nullValue() {
        beforeValue();
        appendNull();
        comma = true;
    }

    void bool(boolean value) {
        beforeValue();
        appendAscii(value ? "true" : "false");
        comma = true;
    }

    void number(int value) {
        beforeValue();
        if (value >= 0) {
            // token counts and the like: digits straight into the buffer, no String on the way
            int digits = 1;
            for (int rest = value / 10; rest > 0; rest /= 10) {
                digits++;
            }
            ensure(digits);
            int at = len + digits;
            len = at;
            int rest = value;
            do {
                buf[--at] = (char) ('0' + rest % 10);
                rest /= 10;
            } while (rest > 0);
        } else {
            appendAscii(Integer.toString(value));
        }
        comma = true;
    }

    void number(long value) {
        beforeValue();
        appendAscii(Long.toString(value));
        comma = true;
    }

    /** As Jackson's {@code writeNumber(double)}: {@code Double.toString}, a NaN or an infinity quoted. */
    void number(double value) {
        beforeValue();
        if (Double.isFinite(value)) {
            appendAscii(Double.toString(value));
        } else {
            quoted(Double.toString(value));
        }
        comma = true;
    }

    /** As Jackson's {@code writeNumber(float)}: {@code Float.toString}, a NaN or an infinity quoted. */
    void number(float value) {
        beforeValue();
        if (Float.isFinite(value)) {
            appendAscii(Float.toString(value));
        } else {
            quoted(Float.toString(value));
        }
        comma = true;
    }

    /** A value that is already compact JSON text, copied as it is. */
    void raw(String json) {
        beforeValue();
        int n = json.length();
        ensure(n);
        json.getChars(0, n, buf, len);
        len += n;
        comma = true;
    }

    /**
     * A plain Java value as Jackson's default {@code ObjectMapper} writes it: strings, booleans,
     * boxed numbers, maps with string keys and lists are written here; any other value (a bean, an
     * array, a tree, a map with other keys…) is written by that mapper and copied.
     */
    void value(Object value) {
        if (value == null) {
            nullValue();
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Integer i) {
            number(i.intValue());
        } else if (value instanceof Long l) {
            number(l.longValue());
        } else if (value instanceof Double d) {
            number(d.doubleValue());
        } else if (value instanceof Boolean b) {
            bool(b);
        } else if (value instanceof Map<?, ?> map && hasStringKeys(map)) {
            startObject();
            for (Map.Entry<?, ?> field : map.entrySet()) {
                name((String) field.getKey());
                value(field.getValue());
            }
            endObject();
        } else if (value instanceof List<?> list) {
            startArray();
            for (Object element : list) {
                value(element);
            }
            endArray();
        } else if (value instanceof Float f) {
            number(f.floatValue());
        } else if (value instanceof Short s) {
            number(s.intValue());
        } else if (value instanceof Byte b) {
            number(b.intValue());
        } else if (value instanceof BigInteger || value instanceof BigDecimal) {
            // Jackson writes both with toString (BigDecimal not as plain by default)
            appendNumberText(value.toString());
        } else {
            // a bean, an array, a tree, a set, a map with other keys: rare in messages, and Jackson's own rules
            raw(jackson(value));
        }
    }

    private static boolean hasStringKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private static String jackson(Object value) {
        try {
            return MessageJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private void appendNumberText(String digits) {
        beforeValue();
        appendAscii(digits);
        comma = true;
    }

    private void beforeValue() {
        if (comma) {
            ensure(1);
            buf[len++] = ',';
        }
    }

    private void appendNull() {
        ensure(4);
        buf[len++] = 'n';
        buf[len++] = 'u';
        buf[len++] = 'l';
        buf[len++] = 'l';
    }

    private void appendAscii(String text) {
        int n = text.length();
        ensure(n);
        text.getChars(0, n, buf, len);
        len += n;
    }

    /**
     * Writes {@code value} in quotes, escaped. The whole string is copied first and then scanned in
     * the buffer, so text without escapes (nearly all of it) costs one bulk copy and one pass.
     */
    private void quoted(String value) {
        int n = value.length();
        ensure(n + 2);
        char[] b = buf;
        b[len++] = '"';
        int start = len;
        value.getChars(0, n, b, start);
        int end = start + n;
        int i = start;
        while (i < end) {
            char c = b[i];
            if (c <= '\\' && ESCAPED[c]) {
                break;
            }
            i++;
        }
        if (i == end) {
            len = end;
        } else {
            escapeFrom(i, end);
        }
        ensure(1);
        buf[len++] = '"';
    }

    /**
     * Escapes the copied characters {@code buf[from, end)}, {@code buf[from]} being one that needs
     * an escape: they are moved aside, then written back escape by escape, each run without escapes
     * between two of them copied as a block.
     */
    private void escapeFrom(int from, int end) {
        int n = end - from;
        if (scratch.length < n) {
            scratch = new char[Math.max(n, 64)];
        }
        char[] rest = scratch;
        System.arraycopy(buf, from, rest, 0, n);
        len = from;
        int i = 0;
        while (i < n) {
            escape(rest[i++]);
            int run = i;
            while (i < n) {
                char c = rest[i];
                if (c <= '\\' && ESCAPED[c]) {
                    break;
                }
                i++;
            }
            ensure(i - run);
            System.arraycopy(rest, run, buf, len, i - run);
            len += i - run;
        }
    }

    private void escape(char c) {
        ensure(6);
        char[] b = buf;
        b[len++] = '\\';
        switch (c) {
            case '"' -> b[len++] = '"';
            case '\\' -> b[len++] = '\\';
            case '\b' -> b[len++] = 'b';
            case '\t' -> b[len++] = 't';
            case '\n' -> b[len++] = 'n';
            case '\f' -> b[len++] = 'f';
            case '\r' -> b[len++] = 'r';
            default -> {
                b[len++] = 'u';
                b[len++] = '0';
                b[len++] = '0';
                b[len++] = HEX[c >> 4];
                b[len++] = HEX[c & 0xF];
            }
        }
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
