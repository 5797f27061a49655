package dev.catena.retrieval.splitters;

/**
 * Python's reading of an opening brace in a regex: it starts a repetition only in the forms
 * <code>&#123;m&#125;</code>, <code>&#123;m,&#125;</code>, <code>&#123;m,n&#125;</code> and
 * <code>&#123;,n&#125;</code>, and is a literal character otherwise, where Java's
 * {@link java.util.regex.Pattern} refuses it. LangChain's separators rely on this (LaTeX's
 * section separators, Haskell's record separator), so regex separators are read the Python way.
 */
final class LiteralBraces {

    private LiteralBraces() {
    }

    /** {@code regex} with each brace that does not open a repetition escaped, and an omitted minimum written as 0. */
    static String escape(String regex) {
        if (regex.indexOf('{') < 0) {
            return regex;
        }
        StringBuilder out = new StringBuilder(regex.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(++i));
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                out.append(c);
                continue;
            }
            if (c == '[') {
                inClass = true;
                out.append(c);
                // a ']' right after '[' or '[^' is a member, not the end
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
                    out.append(regex.charAt(++i));
                }
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    out.append(regex.charAt(++i));
                }
                continue;
            }
            if (c == '{') {
                int close = repetitionEnd(regex, i);
                if (close < 0) {
                    out.append("\\{");
                } else {
                    String body = regex.substring(i + 1, close);
                    out.append('{').append(body.startsWith(",") ? "0" + body : body).append('}');
                    i = close;
                }
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Where the repetition opened at {@code open} closes, or -1 if the brace is literal. */
    private static int repetitionEnd(String regex, int open) {
        int i = open + 1;
        int minDigits = 0;
        while (i < regex.length() && Character.isDigit(regex.charAt(i))) {
            i++;
            minDigits++;
        }
        if (i < regex.length() && regex.charAt(i) == '}') {
            return minDigits > 0 ? i : -1;
        }
        if (i >= regex.length() || regex.charAt(i) != ',') {
            return -1;
        }
        i++;
        int maxDigits = 0;
        while (i < regex.length() && Character.isDigit(regex.charAt(i))) {
            i++;
            maxDigits++;
        }
        boolean closed = i < regex.length() && regex.charAt(i) == '}';
        return closed && (minDigits > 0 || maxDigits > 0) ? i : -1;
    }
}
