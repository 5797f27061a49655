package dev.catena.retrieval.splitters;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One separator, literal or regex, that can find itself in a range of a string and cut that range
 * into {@link Pieces} with Python's {@code re.split} semantics (as LangChain's
 * {@code _split_text_with_regex}). Literal separators are searched without regex machinery.
 */
final class Separator {

    private final String text;
    private final Pattern pattern;
    private final boolean zeroWidth;

    private Separator(String text, Pattern pattern, boolean zeroWidth) {
        this.text = text;
        this.pattern = pattern;
        this.zeroWidth = zeroWidth;
    }

    static Separator literal(String text) {
        return new Separator(text, null, false);
    }

    static Separator regex(String regex) {
        boolean lookaround = regex.startsWith("(?=") || regex.startsWith("(?!")
                || regex.startsWith("(?<=") || regex.startsWith("(?<!");
        return new Separator(regex, Pattern.compile(LiteralBraces.escape(regex)), lookaround);
    }

    static Separator of(String text, boolean isRegex) {
        return isRegex ? regex(text) : literal(text);
    }

    /** The separator as given: the literal text or the regex source. */
    String text() {
        return text;
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    /** The string merged pieces are joined with when the separator is not kept. */
    String joiner(KeepSeparator keep) {
        return keep != KeepSeparator.NONE || zeroWidth ? "" : text;
    }

    /** Whether the source between two adjacent pieces is exactly the joiner (so a chunk can be a substring). */
    boolean isLiteral() {
        return pattern == null;
    }

    /** Whether the separator occurs in {@code text[from, to)}. */
    boolean occursIn(String source, int from, int to) {
        if (pattern == null) {
            return indexOf(source, text, from, to) >= 0;
        }
        return pattern.matcher(source).region(from, to).find();
    }

    /** Cuts {@code source[from, to)} into non-empty pieces, appending them to {@code out}. */
    void split(String source, int from, int to, KeepSeparator keep, Pieces out) {
        if (text.isEmpty()) {
            splitIntoCodePoints(source, from, to, out);
            return;
        }
        int pieceStart = from;
        if (pattern == null) {
            int at = indexOf(source, text, from, to);
            while (at >= 0) {
                int end = at + text.length();
                pieceStart = cut(pieceStart, at, end, keep, out);
                at = indexOf(source, text, end, to);
            }
        } else {
            Matcher m = pattern.matcher(source).region(from, to);
            while (m.find()) {
                pieceStart = cut(pieceStart, m.start(), m.end(), keep, out);
            }
        }
        out.add(pieceStart, to);
    }

    private static int cut(int pieceStart, int matchStart, int matchEnd, KeepSeparator keep, Pieces out) {
        switch (keep) {
            case START -> {
                out.add(pieceStart, matchStart);
                return matchStart;
            }
            case END -> {
                out.add(pieceStart, matchEnd);
                return matchEnd;
            }
            default -> {
                out.add(pieceStart, matchStart);
                return matchEnd;
            }
        }
    }

    private static void splitIntoCodePoints(String source, int from, int to, Pieces out) {
        int i = from;
        while (i < to) {
            int next = i + 1;
            if (Character.isHighSurrogate(source.charAt(i)) && next < to
                    && Character.isLowSurrogate(source.charAt(next))) {
                next++;
            }
            out.add(i, next);
            i = next;
        }
    }

    /** {@code source.indexOf(needle, from)} but never looking at or past {@code to}. */
    static int indexOf(String source, String needle, int from, int to) {
        int n = needle.length();
        char first = needle.charAt(0);
        int last = to - n;
        for (int i = from; i <= last; i++) {
            if (source.charAt(i) == first && (n == 1 || source.regionMatches(i + 1, needle, 1, n - 1))) {
                return i;
            }
        }
        return -1;
    }
}
