package dev.catena.retrieval.splitters;

/**
 * Where every OpenAI encoding that {@link dev.catena.core.models.TokenCounter} offers (r50k_base,
 * p50k_base, p50k_edit, cl100k_base, o200k_base) must end one pre-token and start the next, so
 * that the token count of a string is exactly the sum of the counts of its two sides.
 *
 * <p>These encodings first cut text into pre-tokens with a regex and then apply byte-pair merges
 * within each pre-token only. Their regexes have no look-behind, and every alternative that can
 * hold a letter is a run of letters (plus, in o200k, combining marks and a trailing contraction
 * such as {@code 's}), while no alternative lets a newline run into a following letter. So two
 * positions are cuts whatever surrounds them:
 * <ul>
 *   <li>after a letter, before a character that is not a letter, a combining mark or an
 *       apostrophe: the letter run ends there whether the string goes on or not;</li>
 *   <li>after a newline, before a letter, when the newline is not preceded by other whitespace
 *       (a run like {@code " \n"} is split differently at a string's end than before a letter).</li>
 * </ul>
 * Surrogate pairs are never cut. The test suite checks the rule against jtokkit on random text
 * for each encoding.
 */
final class PretokenBoundary {

    private PretokenBoundary() {
    }

    /**
     * Whether {@code k} is a cut in the string {@code text[rangeStart, …)}; requires
     * {@code rangeStart < k < text.length()}.
     */
    static boolean at(String text, int rangeStart, int k) {
        char before = text.charAt(k - 1);
        int after = text.codePointAt(k);
        if (Character.isLetter(before)) { // false for surrogates
            return !Character.isLetter(after) && !isMark(after) && after != '\''
                    && Character.getType(after) != Character.SURROGATE;
        }
        if (before == '\n') {
            return Character.isLetter(after) && (k - 1 == rangeStart || !isSpace(text.charAt(k - 2)));
        }
        return false;
    }

    /** The first cut strictly inside {@code (from, to)}, or -1. */
    static int first(String text, int rangeStart, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            if (at(text, rangeStart, k)) {
                return k;
            }
        }
        return -1;
    }

    /** The last cut strictly inside {@code (from, to)}, or -1. */
    static int last(String text, int rangeStart, int from, int to) {
        for (int k = to - 1; k > from; k--) {
            if (at(text, rangeStart, k)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** Whitespace in the widest sense any of the regexes might use. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
