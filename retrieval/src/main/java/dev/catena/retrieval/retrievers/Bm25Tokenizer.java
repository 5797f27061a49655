package dev.catena.retrieval.retrievers;

import dev.catena.core.text.Scripts;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The default tokenizer of {@link BM25Retriever}: NFKC-normalised, lower-cased runs of letters
 * and digits for Latin (and other space-separated) scripts; for Chinese, Japanese and Korean,
 * which have no spaces, every character and every pair of adjacent characters, so "天道酬勤"
 * yields 天, 道, 酬, 勤, 天道, 道酬, 酬勤 and a query for "酬勤" matches it. Punctuation is dropped.
 */
public final class Bm25Tokenizer implements Function<String, List<String>> {

    /**
     * Receives each token as the first {@code length} chars of {@code chars}, valid only during the
     * call, with the token's {@link String#hashCode()}, worked out while the token was read.
     */
    interface TokenSink {
        void accept(char[] chars, int length, int hash);
    }

    @Override
    public List<String> apply(String text) {
        List<String> tokens = new ArrayList<>();
        tokens(text, (chars, length, hash) -> tokens.add(new String(chars, 0, length)));
        return tokens;
    }

    /**
     * The tokens of {@link #apply}, in the same order, handed over in a reused buffer: indexing
     * looks each one up without allocating a string per token.
     */
    void tokens(String text, TokenSink sink) {
        if (isAscii(text)) {
            asciiTokens(text, sink);
            return;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        char[] buffer = new char[Math.max(4, s.length() * 2)];
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (isCjk(cp)) {
                int start = i;
                while (i < s.length() && isCjk(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                for (int c = start; c < i; c += Character.charCount(s.codePointAt(c))) {
                    accept(sink, buffer, Character.toChars(s.codePointAt(c), buffer, 0));
                }
                for (int c = start; c < i; ) {
                    int first = s.codePointAt(c);
                    int next = c + Character.charCount(first);
                    if (next >= i) {
                        break;
                    }
                    int length = Character.toChars(first, buffer, 0);
                    length += Character.toChars(s.codePointAt(next), buffer, length);
                    accept(sink, buffer, length);
                    c = next;
                }
            } else if (Character.isLetterOrDigit(cp)) {
                int length = 0;
                while (i < s.length()) {
                    int c = s.codePointAt(i);
                    if (!Character.isLetterOrDigit(c) || isCjk(c)) {
                        break;
                    }
                    length += Character.toChars(c, buffer, length);
                    i += Character.charCount(c);
                }
                accept(sink, buffer, length);
            } else {
                i += Character.charCount(cp);
            }
        }
    }

    /** Hands a token of the normalising path to {@code sink} with its hash, as {@link String#hashCode()} computes it. */
    private static void accept(TokenSink sink, char[] buffer, int length) {
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + buffer[i];
        }
        sink.accept(buffer, length, hash);
    }

    /**
     * {@link Scripts#isCjk}, answered without its script lookup below U+1100 (Hangul Jamo, the first
     * CJK block): Latin text in a mixed document would otherwise pay a binary search per character.
     */
    private static boolean isCjk(int codePoint) {
        return codePoint >= 0x1100 && Scripts.isCjk(codePoint);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The same tokens for ASCII text without normalising or copying the whole text: NFKC leaves
     * ASCII unchanged, its letters and digits are [A-Za-z0-9], and lower-casing is A-Z to a-z.
     */
    private static void asciiTokens(String text, TokenSink sink) {
        char[] buffer = new char[32];
        int length = 0;
        int hash = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean lower = c >= 'a' && c <= 'z';
            boolean upper = c >= 'A' && c <= 'Z';
            if (lower || upper || (c >= '0' && c <= '9')) {
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, length * 2);
                }
                char folded = upper ? (char) (c + ('a' - 'A')) : c;
                buffer[length++] = folded;
                hash = 31 * hash + folded;
            } else if (length > 0) {
                sink.accept(buffer, length, hash);
                length = 0;
                hash = 0;
            }
        }
    }
}
