package dev.catena.prompts;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The format spec after the colon in an f-string field ({@code {price:.2f}}), read and applied as
 * Python's format mini-language defines it for numbers and strings:
 * {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]} with types
 * {@code b c d e E f F g G n o s x X %}. Floats are rounded half-even from their exact binary
 * value, as Python does; {@code n} is {@code d} or {@code g} without a locale. A spec is checked
 * when the template is built; whether it suits the value's type is checked when formatting.
 */
final class FormatSpec {

    private final String text;
    private final char fill;
    private final char align;     // '\0' when not given
    private final char sign;      // '\0', '+', '-' or ' '
    private final boolean noNegativeZero;
    private final boolean alternate;
    private final boolean zeroPad; // the '0' before the width
    private final int width;       // -1 when not given
    private final char grouping;   // '\0', ',' or '_'
    private final int precision;   // -1 when not given
    private final char type;       // '\0' when not given

    private FormatSpec(String text, char fill, char align, char sign, boolean noNegativeZero, boolean alternate,
                       boolean zeroPad, int width, char grouping, int precision, char type) {
        this.text = text;
        this.fill = fill;
        this.align = align;
        this.sign = sign;
        this.noNegativeZero = noNegativeZero;
        this.alternate = alternate;
        this.zeroPad = zeroPad;
        this.width = width;
        this.grouping = grouping;
        this.precision = precision;
        this.type = type;
    }

    /** Reads a spec; a malformed one fails with a message saying which part is wrong. */
    static FormatSpec parse(String spec) {
        int i = 0;
        int n = spec.length();
        char fill = ' ';
        char align = '\0';
        boolean fillGiven = false;
        if (n >= 2 && isAlign(spec.charAt(1)) && !Character.isSurrogate(spec.charAt(0))) {
            fill = spec.charAt(0);
            align = spec.charAt(1);
            fillGiven = true;
            i = 2;
        } else if (n >= 1 && isAlign(spec.charAt(0))) {
            align = spec.charAt(0);
            i = 1;
        }
        char sign = '\0';
        if (i < n && (spec.charAt(i) == '+' || spec.charAt(i) == '-' || spec.charAt(i) == ' ')) {
            sign = spec.charAt(i++);
        }
        boolean z = false;
        if (i < n && spec.charAt(i) == 'z') {
            z = true;
            i++;
        }
        boolean alternate = false;
        if (i < n && spec.charAt(i) == '#') {
            alternate = true;
            i++;
        }
        boolean zeroPad = false;
        if (i < n && spec.charAt(i) == '0') {
            zeroPad = true;
            i++;
        }
        int start = i;
        while (i < n && isDigit(spec.charAt(i))) {
            i++;
        }
        int width = i > start ? number(spec, start, i) : -1;
        char grouping = '\0';
        if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
            grouping = spec.charAt(i++);
        }
        int precision = -1;
        if (i < n && spec.charAt(i) == '.') {
            i++;
            start = i;
            while (i < n && isDigit(spec.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw invalid(spec, "a '.' must be followed by the precision, as in '.2f'");
            }
            precision = number(spec, start, i);
        }
        char type = '\0';
        if (i < n) {
            type = spec.charAt(i++);
            if ("bcdeEfFgGnosxX%".indexOf(type) < 0) {
                throw invalid(spec, "unknown format type '" + type + "'; use one of b c d e E f F g G n o s x X %");
            }
        }
        if (i < n) {
            throw invalid(spec, "unexpected '" + spec.substring(i) + "' at the end");
        }
        if (grouping != '\0' && (type == 'n' || type == 'c' || type == 's')) {
            throw invalid(spec, "cannot use '" + grouping + "' with type '" + type + "'");
        }
        if (grouping == ',' && "boxX".indexOf(type) >= 0 && type != '\0') {
            throw invalid(spec, "cannot use ',' with type '" + type + "'; use '_' to group binary, octal or hex digits");
        }
        if (zeroPad && !fillGiven) {
            fill = '0'; // as Python 3.10+: '0' sets the fill unless one is given, whatever the alignment
        }
        return new FormatSpec(spec, fill, align, sign, z, alternate, zeroPad, width, grouping, precision, type);
    }

    private static int number(String spec, int from, int to) {
        try {
            return Integer.parseInt(spec, from, to, 10);
        } catch (NumberFormatException e) {
            throw invalid(spec, "the number " + spec.substring(from, to) + " is too large");
        }
    }

    private static boolean isAlign(char c) {
        return c == '<' || c == '>' || c == '=' || c == '^';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static PromptFormatException invalid(String spec, String problem) {
        return new PromptFormatException("invalid format spec ':" + spec + "': " + problem, -1);
    }

    private PromptFormatException unsuitable(String variable, String problem) {
        return new PromptFormatException("cannot format variable '" + variable + "' with ':" + text + "': " + problem, -1);
    }

    /** Formats {@code value} (the value of {@code variable}) by this spec and appends it. */
    void format(String variable, Object value, StringBuilder out) {
        if (value instanceof CharSequence || value instanceof Character) {
            formatString(variable, value.toString(), out);
        } else if (value instanceof Boolean b) {
            // Python's bool is an int: an empty spec prints True/False, any other formats 1 or 0.
            formatInteger(variable, b ? BigInteger.ONE : BigInteger.ZERO, out);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof AtomicInteger || value instanceof AtomicLong) {
            formatInteger(variable, BigInteger.valueOf(((Number) value).longValue()), out);
        } else if (value instanceof BigInteger big) {
            formatInteger(variable, big, out);
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            formatFloat(variable, (Number) value, out);
        } else {
            throw unsuitable(variable, "a format spec applies to numbers and strings, and the value is "
                    + (value == null ? "null" : "a " + value.getClass().getSimpleName())
                    + "; format it to a string before passing it");
        }
    }

    private void formatString(String variable, String s, StringBuilder out) {
        if (type != '\0' && type != 's') {
            throw unsuitable(variable, "type '" + type + "' is for numbers, and the value is a string");
        }
        if (sign != '\0') {
            throw unsuitable(variable, "a sign is not allowed for a string");
        }
        if (alternate) {
            throw unsuitable(variable, "'#' is not allowed for a string");
        }
        if (grouping != '\0') {
            throw unsuitable(variable, "cannot use '" + grouping + "' with a string");
        }
        if (align == '=') {
            throw unsuitable(variable, "'=' alignment is not allowed for a string");
        }
        if (precision >= 0 && s.codePointCount(0, s.length()) > precision) {
            s = s.substring(0, s.offsetByCodePoints(0, precision));
        }
        // A string is left-aligned by default, also when '0' set the fill.
        pad("", s, align == '\0' ? '<' : align, out);
    }

    private void formatInteger(String variable, BigInteger value, StringBuilder out) {
        if ("eEfFgG%".indexOf(type) >= 0 && type != '\0') {
            double d = value.doubleValue(); // Python converts the int to a float for these types
            if (Double.isInfinite(d)) {
                throw unsuitable(variable, "the integer is too large to convert to a float");
            }
            formatFloat(variable, d, out);
            return;
        }
        if (type == 's') {
            throw unsuitable(variable, "type 's' is for strings, and the value is an integer");
        }
        if (precision >= 0) {
            throw unsuitable(variable, "a precision is not allowed for an integer; use a float type such as '.2f'");
        }
        if (noNegativeZero) {
            throw unsuitable(variable, "'z' is only allowed for floats");
        }
        if (type == 'c') {
            if (sign != '\0') {
                throw unsuitable(variable, "a sign is not allowed with type 'c'");
            }
            if (alternate) {
                throw unsuitable(variable, "'#' is not allowed with type 'c'");
            }
            if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(Character.MAX_CODE_POINT)) > 0) {
                throw unsuitable(variable, "type 'c' needs a code point between 0 and 0x10FFFF, got " + value);
            }
            pad("", new String(Character.toChars(value.intValue())), numberAlign(), out);
            return;
        }
        int radix = switch (type) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        String digits = value.abs().toString(radix);
        String prefix = "";
        if (alternate) {
            prefix = switch (type) {
                case 'b' -> "0b";
                case 'o' -> "0o";
                case 'x' -> "0x";
                case 'X' -> "0X";
                default -> "";
            };
        }
        if (type == 'X') {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
            prefix = prefix.toUpperCase(java.util.Locale.ROOT);
        }
        int groupSize = radix == 10 ? 3 : 4;
        appendNumber(signOf(value.signum() < 0) + prefix, digits, "", groupSize, out);
    }

    private void formatFloat(String variable, Number number, StringBuilder out) {
        if (type == 's' || "bcdoxX".indexOf(type) >= 0 && type != '\0') {
            throw unsuitable(variable, "type '" + type + "' is not for floats (the value is " + number + ")");
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number instanceof Float f ? Double.parseDouble(f.toString()) : number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                String word = Double.isNaN(d) ? "nan" : "inf";
                if ("EFG".indexOf(type) >= 0 && type != '\0') {
                    word = word.toUpperCase(java.util.Locale.ROOT);
                }
                boolean negative = d < 0;
                pad(signOf(negative), type == '%' ? word + "%" : word, numberAlign(), out);
                return;
            }
            boolean negative = d < 0 || (d == 0 && 1 / d < 0);
            // Python multiplies by 100 in float arithmetic before formatting a percentage.
            BigDecimal exact = new BigDecimal(Math.abs(type == '%' ? d * 100 : d));
            if (type == '\0' && precision < 0) {
                appendFloat(negative, repr(Math.abs(d)), out);
                return;
            }
            appendFloat(negative, digitsFor(exact), out);
        } else {
            BigDecimal exact = (BigDecimal) number;
            boolean negative = exact.signum() < 0;
            if (type == '\0' && precision < 0) {
                appendFloat(negative, exact.abs().toString(), out);
                return;
            }
            appendFloat(negative, digitsFor(type == '%' ? exact.abs().movePointRight(2) : exact.abs()), out);
        }
    }

    /** The text of a non-negative value by type and precision, before sign, grouping and padding. */
    private String digitsFor(BigDecimal value) {
        char t = type == 'n' ? 'g' : type;
        boolean upper = t == 'E' || t == 'F' || t == 'G';
        switch (Character.toLowerCase(t)) {
            case 'f':
                return fixed(value, precision < 0 ? 6 : precision);
            case '%':
                return fixed(value, precision < 0 ? 6 : precision) + "%"; // the caller has multiplied by 100
            case 'e': {
                String s = scientific(value, (precision < 0 ? 6 : precision) + 1, alternate);
                return upper ? s.toUpperCase(java.util.Locale.ROOT) : s;
            }
            default: {
                // 'g', 'n', or no type with a precision (then at least one digit after the point).
                int p = precision < 0 ? 6 : Math.max(precision, 1);
                boolean noType = t == '\0';
                String s = general(value, p, noType);
                return upper ? s.toUpperCase(java.util.Locale.ROOT) : s;
            }
        }
    }

    private String fixed(BigDecimal value, int decimals) {
        String s = value.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return decimals == 0 && alternate ? s + "." : s;
    }

    /** {@code d.ddde±XX} with {@code digits} significant digits, as Python's 'e'. */
    private static String scientific(BigDecimal value, int digits, boolean keepPoint) {
        BigDecimal rounded = value.signum() == 0 ? BigDecimal.ZERO : value.round(new MathContext(digits, RoundingMode.HALF_EVEN));
        String unscaled = rounded.signum() == 0 ? "0" : rounded.unscaledValue().toString();
        int exponent = rounded.signum() == 0 ? 0 : unscaled.length() - 1 - rounded.scale();
        StringBuilder mantissa = new StringBuilder(unscaled);
        while (mantissa.length() < digits) {
            mantissa.append('0');
        }
        mantissa.setLength(digits);
        String m = mantissa.length() > 1 ? mantissa.charAt(0) + "." + mantissa.substring(1)
                : mantissa + (keepPoint ? "." : "");
        return m + exponentText(exponent);
    }

    private static String exponentText(int exponent) {
        String e = Integer.toString(Math.abs(exponent));
        return "e" + (exponent < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }

    /** Python's 'g' with precision {@code p}; {@code noType} is the omitted type, which keeps a digit after the point. */
    private String general(BigDecimal value, int p, boolean noType) {
        BigDecimal rounded = value.signum() == 0 ? BigDecimal.ZERO : value.round(new MathContext(p, RoundingMode.HALF_EVEN));
        int exponent = rounded.signum() == 0 ? 0 : rounded.precision() - 1 - rounded.scale();
        boolean useExponent = exponent < -4 || exponent >= (noType ? p - 1 : p);
        String s;
        if (useExponent) {
            s = scientific(value, p, alternate);
            if (!alternate) {
                int e = s.indexOf('e');
                s = stripZeros(s.substring(0, e)) + s.substring(e);
            }
        } else {
            s = fixed(value, Math.max(p - 1 - exponent, 0));
            if (!alternate) {
                s = stripZeros(s);
            } else if (s.indexOf('.') < 0) {
                s = s + ".";
            }
            if (noType && s.indexOf('.') < 0) {
                s = s + ".0";
            }
        }
        return s;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Python's repr of a non-negative finite double: the shortest digits that read back as the same double. */
    static String repr(double d) {
        if (d == 0) {
            return "0.0";
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shortest = exact;
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                shortest = candidate;
                break;
            }
        }
        String unscaled = shortest.unscaledValue().toString();
        int exponent = unscaled.length() - 1 - shortest.scale();
        String significant = unscaled.replaceFirst("0+$", "");
        if (significant.isEmpty()) {
            significant = "0";
        }
        if (exponent < -4 || exponent >= 16) {
            String m = significant.length() > 1 ? significant.charAt(0) + "." + significant.substring(1) : significant;
            return m + exponentText(exponent);
        }
        String plain = new BigDecimal(new BigInteger(significant), significant.length() - 1 - exponent).toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    private void appendFloat(boolean negative, String body, StringBuilder out) {
        if (noNegativeZero && negative && isZero(body)) {
            negative = false;
        }
        int end = body.length();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '.' || c == 'e' || c == 'E' || c == '%') {
                end = i;
                break;
            }
        }
        appendNumber(signOf(negative), body.substring(0, end), body.substring(end), 3, out);
    }

    private static boolean isZero(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    /** Numbers are right-aligned by default; a '0' before the width without an alignment pads after the sign. */
    private char numberAlign() {
        return align != '\0' ? align : zeroPad ? '=' : '>';
    }

    private String signOf(boolean negative) {
        if (negative) {
            return "-";
        }
        return sign == '+' ? "+" : sign == ' ' ? " " : "";
    }

    /** Sign and prefix, the integer digits (grouped), then the rest, padded; zero padding is grouped too, as in Python. */
    private void appendNumber(String signAndPrefix, String integerDigits, String rest, int groupSize, StringBuilder out) {
        char effectiveAlign = numberAlign();
        if (effectiveAlign == '=' && fill == '0' && grouping != '\0' && width > 0) {
            int minDigits = width - signAndPrefix.length() - rest.length();
            out.append(signAndPrefix).append(group(integerDigits, groupSize, Math.max(minDigits, 0))).append(rest);
            return;
        }
        String body = (grouping == '\0' ? integerDigits : group(integerDigits, groupSize, 0)) + rest;
        pad(signAndPrefix, body, effectiveAlign, out);
    }

    /** The digits with a separator every {@code size} from the right, left-padded with grouped zeros to {@code minWidth}. */
    private String group(String digits, int size, int minWidth) {
        StringBuilder reversed = new StringBuilder();
        int emitted = 0;
        int next = digits.length() - 1;
        while (next >= 0 || reversed.length() < minWidth) {
            if (emitted > 0 && emitted % size == 0) {
                reversed.append(grouping);
            }
            reversed.append(next >= 0 ? digits.charAt(next--) : '0');
            emitted++;
        }
        return reversed.reverse().toString();
    }

    private void pad(String signAndPrefix, String body, char alignment, StringBuilder out) {
        int length = signAndPrefix.codePointCount(0, signAndPrefix.length()) + body.codePointCount(0, body.length());
        int padding = Math.max(0, width - length);
        switch (alignment) {
            case '<' -> out.append(signAndPrefix).append(body).append(String.valueOf(fill).repeat(padding));
            case '^' -> out.append(String.valueOf(fill).repeat(padding / 2)).append(signAndPrefix).append(body)
                    .append(String.valueOf(fill).repeat(padding - padding / 2));
            case '=' -> out.append(signAndPrefix).append(String.valueOf(fill).repeat(padding)).append(body);
            default -> out.append(String.valueOf(fill).repeat(padding)).append(signAndPrefix).append(body);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
