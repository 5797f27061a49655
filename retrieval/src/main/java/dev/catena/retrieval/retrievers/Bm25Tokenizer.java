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

    @Override
    public List<String> apply(String text) {
        if (isAscii(text)) {
            return asciiTokens(text);
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        int[] cps = s.codePoints().toArray();
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < cps.length) {
            if (Scripts.isCjk(cps[i])) {
                int start = i;
                while (i < cps.length && Scripts.isCjk(cps[i])) {
                    i++;
                }
                for (int c = start; c < i; c++) {
                    tokens.add(new String(cps, c, 1));
                }
                for (int c = start; c + 1 < i; c++) {
                    tokens.add(new String(cps, c, 2));
                }
            } else if (Character.isLetterOrDigit(cps[i])) {
                int start = i;
                while (i < cps.length && Character.isLetterOrDigit(cps[i]) && !Scripts.isCjk(cps[i])) {
                    i++;
                }
                tokens.add(new String(cps, start, i - start));
            } else {
                i++;
            }
        }
        return tokens;
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
    private static List<String> asciiTokens(String text) {
        List<String> tokens = new ArrayList<>();
        char[] buffer = new char[32];
        int length = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean lower = c >= 'a' && c <= 'z';
            boolean upper = c >= 'A' && c <= 'Z';
            if (lower || upper || (c >= '0' && c <= '9')) {
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, length * 2);
                }
                buffer[length++] = upper ? (char) (c + ('a' - 'A')) : c;
            } else if (length > 0) {
                tokens.add(new String(buffer, 0, length));
                length = 0;
            }
        }
        return tokens;
    }
}
