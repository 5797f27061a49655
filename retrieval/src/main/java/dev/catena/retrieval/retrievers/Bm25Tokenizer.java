package dev.catena.retrieval.retrievers;

import dev.catena.core.text.Scripts;
import java.text.Normalizer;
import java.util.ArrayList;
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
}
