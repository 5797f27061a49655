package dev.catena.agents.toolkits;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Evaluates arithmetic by parsing it itself (recursive descent): never a script engine, never code
 * execution, so whatever a model sends can only ever be arithmetic or an error.
 *
 * <p>Operators {@code + - * / % ^} with the usual precedence ({@code ^} binds tightest and is right
 * associative, so {@code -2^2 = -4} and {@code 2^3^2 = 512}), parentheses, unary minus; constants
 * {@code pi} and {@code e}; functions {@code sqrt, pow, log} (base 10, or {@code log(x, base)}),
 * {@code ln, exp, sin, cos, tan} (radians), {@code abs, min, max, round} ({@code round(x)} or
 * {@code round(x, digits)}, half up), {@code floor, ceil}.
 *
 * <p>Arithmetic is exact in decimal wherever it can be ({@code 0.1 + 0.2} is {@code 0.3},
 * {@code 2^100} has all its digits); a division that does not terminate is carried to 34 significant
 * digits, and transcendental functions use doubles. A result that is not exact is shown to 15
 * significant digits.
 *
 * <p>Limits keep hostile input cheap: at most {@link #MAX_LENGTH} characters and
 * {@link #MAX_DEPTH} levels of nesting (checked while parsing, so no input can exhaust the stack),
 * and integer powers whose result would exceed {@link #MAX_DIGITS} digits are refused.
 */
public final class Calculator {

    /** The longest expression accepted, in characters. */
    public static final int MAX_LENGTH = 10_000;
    /** The deepest nesting accepted (parentheses, function calls, signs and powers each count). */
    public static final int MAX_DEPTH = 200;
    /** The most digits an exact power may have. */
    public static final int MAX_DIGITS = 10_000;

    private static final int MAX_SCALE = 100_000;
    static final Set<String> FUNCTIONS = Set.of("sqrt", "pow", "log", "ln", "exp", "sin", "cos", "tan", "abs",
            "min", "max", "round", "floor", "ceil");
    private static final MathContext DIVISION = MathContext.DECIMAL128;
    private static final MathContext SHOWN = new MathContext(15, RoundingMode.HALF_EVEN);

    /** A number and whether it is exact. */
    private record Value(BigDecimal number, boolean exact) {
        Value {
            // Exponents of ten are cheap in BigDecimal but not when printed or rounded: keep them bounded.
            if (Math.abs((long) number.scale()) > MAX_SCALE || number.precision() > MAX_DIGITS + 40) {
                throw new ExpressionException("a number in the calculation is out of range (over " + MAX_DIGITS
                        + " digits or a power of ten beyond " + MAX_SCALE + ")", 0);
            }
        }

        static Value exact(BigDecimal number) {
            return new Value(number, true);
        }

        static Value approx(double d, int position, String what) {
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new ExpressionException(what + " is not a finite number", position);
            }
            return new Value(BigDecimal.valueOf(d), false);
        }

        double asDouble() {
            return number.doubleValue();
        }
    }

    /** Creates a calculator; it holds no state, so one instance serves any number of threads. */
    public Calculator() {
    }

    /**
     * Evaluates an expression and formats the result: exact results in full (plain notation, no
     * trailing zeros), others to 15 significant digits.
     *
     * @param expression the expression, such as {@code 2 * (3 + 4)}
     * @return the result as text
     * @throws ExpressionException naming the position and what was wrong
     */
    public String evaluate(String expression) {
        Value value = new Parser(expression).parseAll();
        BigDecimal shown = value.exact() ? value.number() : value.number().round(SHOWN);
        shown = shown.stripTrailingZeros();
        if (shown.signum() == 0) {
            return "0";
        }
        // Plain notation unless it would print a huge run of zeros (1E+5000).
        return Math.abs((long) shown.scale()) > 100 ? shown.toString() : shown.toPlainString();
    }

    /**
     * Evaluates an expression to a number (exact where the arithmetic allows).
     *
     * @param expression the expression, such as {@code 2 * (3 + 4)}
     * @return the result
     * @throws ExpressionException naming the position and what was wrong
     */
    public BigDecimal evaluateToNumber(String expression) {
        return new Parser(expression).parseAll().number();
    }

    private static final class Parser {
        private final String text;
        private int pos;
        private int depth;

        Parser(String text) {
            if (text == null || text.isBlank()) {
                throw new ExpressionException("the expression is empty; send arithmetic such as 2 * (3 + 4)", 0);
            }
            if (text.length() > MAX_LENGTH) {
                throw new ExpressionException("the expression is " + text.length() + " characters long, over the limit of "
                        + MAX_LENGTH + "; split the calculation into smaller steps", 0);
            }
            this.text = text;
        }

        Value parseAll() {
            Value value;
            try {
                value = expression();
            } catch (ArithmeticException e) {
                throw new ExpressionException("the calculation is out of range (" + e.getMessage() + ")", 0);
            }
            skipSpaces();
            if (pos < text.length()) {
                throw unexpected();
            }
            return value;
        }

        private Value expression() {
            Value left = term();
            while (true) {
                skipSpaces();
                if (accept('+')) {
                    left = add(left, term());
                } else if (accept('-')) {
                    Value right = term();
                    left = add(left, new Value(right.number().negate(), right.exact()));
                } else {
                    return left;
                }
            }
        }

        private Value term() {
            Value left = unary();
            while (true) {
                skipSpaces();
                int at = pos + 1;
                if (accept('*')) {
                    Value right = unary();
                    left = new Value(left.number().multiply(right.number()), left.exact() && right.exact());
                } else if (accept('/')) {
                    left = divide(left, unary(), at);
                } else if (accept('%')) {
                    Value right = unary();
                    if (right.number().signum() == 0) {
                        throw new ExpressionException("remainder by zero at position " + at, at);
                    }
                    left = new Value(left.number().remainder(right.number()), left.exact() && right.exact());
                } else {
                    return left;
                }
            }
        }

        private Value unary() {
            enter();
            try {
                skipSpaces();
                if (accept('-')) {
                    Value v = unary();
                    return new Value(v.number().negate(), v.exact());
                }
                if (accept('+')) {
                    return unary();
                }
                return power();
            } finally {
                depth--;
            }
        }

        private Value power() {
            Value base = primary();
            skipSpaces();
            int at = pos + 1;
            if (accept('^')) {
                return pow(base, unary(), at);
            }
            return base;
        }

        private Value primary() {
            skipSpaces();
            if (pos >= text.length()) {
                throw new ExpressionException("the expression ends where a number, name or '(' was expected", pos + 1);
            }
            char c = text.charAt(pos);
            int at = pos + 1;
            if (c == '(') {
                pos++;
                Value inner = expression();
                expect(')', at);
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (Character.isLetter(c)) {
                String name = name();
                skipSpaces();
                if (pos < text.length() && text.charAt(pos) == '(') {
                    return call(name, at);
                }
                return switch (name.toLowerCase(Locale.ROOT)) {
                    case "pi" -> new Value(new BigDecimal("3.14159265358979323846264338327950288"), false);
                    case "e" -> new Value(new BigDecimal("2.71828182845904523536028747135266250"), false);
                    default -> throw unknownName(name, at);
                };
            }
            throw unexpected();
        }

        private Value number() {
            int start = pos;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                int mark = pos;
                pos++;
                if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                    pos++;
                }
                if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                        pos++;
                    }
                } else {
                    pos = mark; // "2e" is no exponent: leave the "e" to be reported as unexpected
                }
            }
            String literal = text.substring(start, pos);
            try {
                BigDecimal value = new BigDecimal(literal);
                if (Math.abs((long) value.scale()) > MAX_DIGITS) {
                    throw new ExpressionException("the number '" + literal + "' at position " + (start + 1)
                            + " is out of range", start + 1);
                }
                return Value.exact(value);
            } catch (NumberFormatException e) {
                throw new ExpressionException("'" + literal + "' at position " + (start + 1) + " is not a number",
                        start + 1);
            }
        }

        private String name() {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private Value call(String name, int at) {
            String function = name.toLowerCase(Locale.ROOT);
            if (!FUNCTIONS.contains(function)) {
                throw unknownName(name, at);
            }
            int open = pos + 1;
            expect('(', open);
            enter();
            List<Value> args = new ArrayList<>();
            try {
                skipSpaces();
                if (!accept(')')) {
                    do {
                        args.add(expression());
                        skipSpaces();
                    } while (accept(','));
                    expect(')', open);
                }
            } finally {
                depth--;
            }
            return apply(function, args, at);
        }

        private Value apply(String f, List<Value> args, int at) {
            switch (f) {
                case "min", "max" -> {
                    if (args.isEmpty()) {
                        throw arity(f, "at least one argument", args.size(), at);
                    }
                    Value best = args.get(0);
                    for (Value v : args) {
                        int cmp = v.number().compareTo(best.number());
                        if (f.equals("min") ? cmp < 0 : cmp > 0) {
                            best = v;
                        }
                    }
                    return best;
                }
                case "pow" -> {
                    arguments(f, args, 2, 2, at);
                    return pow(args.get(0), args.get(1), at);
                }
                case "log" -> {
                    arguments(f, args, 1, 2, at);
                    double x = positive(f, args.get(0), at);
                    if (args.size() == 1) {
                        return Value.approx(Math.log10(x), at, "log(" + x + ")");
                    }
                    double base = positive(f, args.get(1), at);
                    return Value.approx(Math.log(x) / Math.log(base), at, "log(" + x + ", " + base + ")");
                }
                case "round" -> {
                    arguments(f, args, 1, 2, at);
                    int digits = args.size() == 2 ? integer(args.get(1), f + "'s digits", at) : 0;
                    if (Math.abs(digits) > 100) {
                        throw new ExpressionException("round keeps at most 100 digits, got " + digits
                                + " at position " + at, at);
                    }
                    return new Value(args.get(0).number().setScale(digits, RoundingMode.HALF_UP), args.get(0).exact());
                }
                default -> {
                    arguments(f, args, 1, 1, at);
                }
            }
            Value x = args.get(0);
            return switch (f) {
                case "sqrt" -> {
                    if (x.number().signum() < 0) {
                        throw new ExpressionException("sqrt of a negative number (" + x.number().toPlainString()
                                + ") at position " + at, at);
                    }
                    BigDecimal root = x.number().sqrt(DIVISION);
                    yield new Value(root, x.exact() && root.multiply(root).compareTo(x.number()) == 0);
                }
                case "ln" -> Value.approx(Math.log(positive(f, x, at)), at, "ln");
                case "exp" -> Value.approx(Math.exp(x.asDouble()), at, "exp(" + x.number().toPlainString() + ")");
                case "sin" -> Value.approx(Math.sin(x.asDouble()), at, "sin");
                case "cos" -> Value.approx(Math.cos(x.asDouble()), at, "cos");
                case "tan" -> Value.approx(Math.tan(x.asDouble()), at, "tan");
                case "abs" -> new Value(x.number().abs(), x.exact());
                case "floor" -> new Value(x.number().setScale(0, RoundingMode.FLOOR), x.exact());
                case "ceil" -> new Value(x.number().setScale(0, RoundingMode.CEILING), x.exact());
                default -> throw new IllegalStateException(f);
            };
        }

        private static Value add(Value a, Value b) {
            return new Value(a.number().add(b.number()), a.exact() && b.exact());
        }

        private static Value divide(Value a, Value b, int at) {
            if (b.number().signum() == 0) {
                throw new ExpressionException("division by zero at position " + at, at);
            }
            try {
                return new Value(a.number().divide(b.number()), a.exact() && b.exact());
            } catch (ArithmeticException nonTerminating) {
                return new Value(a.number().divide(b.number(), DIVISION), false);
            }
        }

        private static Value pow(Value base, Value exponent, int at) {
            BigDecimal e = exponent.number();
            boolean integral = e.signum() == 0 || e.stripTrailingZeros().scale() <= 0;
            if (integral && e.abs().compareTo(BigDecimal.valueOf(MAX_DIGITS)) <= 0) {
                int n = e.intValueExact();
                BigDecimal b = base.number();
                BigInteger unscaled = b.unscaledValue().abs();
                long digits = (long) Math.abs(n) * Math.max(1, unscaled.bitLength() * 30103L / 100000 + 1);
                if (digits > MAX_DIGITS) {
                    return Value.approx(Math.pow(b.doubleValue(), n), at, "the power at position " + at);
                }
                if (n >= 0) {
                    return new Value(b.pow(n), base.exact() && exponent.exact());
                }
                if (b.signum() == 0) {
                    throw new ExpressionException("zero to a negative power at position " + at, at);
                }
                return divide(Value.exact(BigDecimal.ONE), new Value(b.pow(-n), base.exact()), at);
            }
            double result = Math.pow(base.asDouble(), exponent.asDouble());
            return Value.approx(result, at, "the power at position " + at);
        }

        private static double positive(String f, Value x, int at) {
            if (x.number().signum() <= 0) {
                throw new ExpressionException(f + " needs a positive number, got " + x.number().toPlainString()
                        + " at position " + at, at);
            }
            return x.asDouble();
        }

        private static int integer(Value v, String what, int at) {
            try {
                return v.number().intValueExact();
            } catch (ArithmeticException e) {
                throw new ExpressionException(what + " must be a whole number, got " + v.number().toPlainString()
                        + " at position " + at, at);
            }
        }

        private static void arguments(String f, List<Value> args, int min, int max, int at) {
            if (args.size() < min || args.size() > max) {
                String wanted = min == max ? min + " argument" + (min == 1 ? "" : "s") : min + " or " + max + " arguments";
                throw arity(f, wanted, args.size(), at);
            }
        }

        private static ExpressionException arity(String f, String wanted, int got, int at) {
            return new ExpressionException(f + " takes " + wanted + ", got " + got + " at position " + at, at);
        }

        private void enter() {
            if (++depth > MAX_DEPTH) {
                depth--;
                throw new ExpressionException("the expression nests deeper than " + MAX_DEPTH
                        + " levels at position " + (pos + 1) + "; simplify it or split it into steps", pos + 1);
            }
        }

        private void expect(char c, int openedAt) {
            skipSpaces();
            if (!accept(c)) {
                if (pos >= text.length()) {
                    throw new ExpressionException("missing '" + c + "' for the '(' at position " + openedAt, pos + 1);
                }
                throw new ExpressionException("expected '" + c + "' but found '" + text.charAt(pos) + "' at position "
                        + (pos + 1), pos + 1);
            }
        }

        private boolean accept(char c) {
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private ExpressionException unexpected() {
            return new ExpressionException("unexpected '" + text.charAt(pos) + "' at position " + (pos + 1)
                    + "; only numbers, + - * / % ^, parentheses, pi, e and the functions "
                    + String.join(", ", new java.util.TreeSet<>(FUNCTIONS)) + " are understood", pos + 1);
        }

        private static ExpressionException unknownName(String name, int at) {
            return new ExpressionException("unknown name '" + name + "' at position " + at + "; known are pi, e and "
                    + String.join(", ", new java.util.TreeSet<>(FUNCTIONS)), at);
        }
    }
}
