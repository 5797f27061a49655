package dev.catena.models;

import dev.catena.core.components.RunConfig;
import dev.catena.core.models.Embedding;
import dev.catena.core.models.EmbeddingModel;
import dev.catena.core.text.Scripts;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A real embedding model with no weights and no network: character n-gram feature hashing.
 *
 * <p>Text is NFKC-normalised and lower-cased; its features are the character bigrams and
 * trigrams of each run of letters and digits (with word boundaries marked, so "cat" and "cats"
 * share most features), the whole words, and for Chinese, Japanese and Korean text every
 * character and character bigram. Each feature is hashed to one of {@code dimension} slots with a
 * hashed sign (so collisions cancel out rather than pile up), weighted by {@code 1 + ln(count)}
 * (sublinear term frequency), and the vector is L2-normalised, so the dot product is the cosine.
 * Texts that share words and phrases score higher than unrelated texts, in English and Chinese
 * alike; it knows no synonyms. Use it for tests, examples and offline demos.
 */
public final class HashingEmbeddingModel implements EmbeddingModel {

    private final int dimension;

    /** A model with 384 dimensions. */
    public HashingEmbeddingModel() {
        this(384);
    }

    /**
     * A model with this many dimensions (at least 16).
     *
     * @param dimension the vector size, at least 16
     */
    public HashingEmbeddingModel(int dimension) {
        if (dimension < 16) {
            throw new IllegalArgumentException("dimension must be at least 16, was " + dimension);
        }
        this.dimension = dimension;
    }

    /** {@return the length of every vector} */
    public int dimension() {
        return dimension;
    }

    @Override
    public List<Embedding> call(List<String> texts, RunConfig config) {
        List<Embedding> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(new Embedding(embedText(text)));
        }
        return out;
    }

    float[] embedText(String text) {
        Map<String, Integer> counts = features(text);
        float[] v = new float[dimension];
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int h = fnv1a(e.getKey());
            int slot = Math.floorMod(h, dimension);
            float sign = ((h >>> 31) & 1) == 0 ? 1f : -1f;
            v[slot] += sign * (float) (1 + Math.log(e.getValue()));
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
        return v;
    }

    static Map<String, Integer> features(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        Map<String, Integer> counts = new HashMap<>();
        int[] cps = s.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            if (Scripts.isCjk(cps[i])) {
                int start = i;
                while (i < cps.length && Scripts.isCjk(cps[i])) {
                    i++;
                }
                for (int k = start; k < i; k++) {
                    add(counts, "c:" + new String(cps, k, 1));
                    if (k + 1 < i) {
                        add(counts, "b:" + new String(cps, k, 2));
                    }
                }
            } else if (Character.isLetterOrDigit(cps[i])) {
                int start = i;
                while (i < cps.length && Character.isLetterOrDigit(cps[i]) && !Scripts.isCjk(cps[i])) {
                    i++;
                }
                String word = new String(cps, start, i - start);
                add(counts, "w:" + word);
                String marked = "<" + word + ">";
                int[] m = marked.codePoints().toArray();
                for (int n = 2; n <= 3; n++) {
                    for (int k = 0; k + n <= m.length; k++) {
                        add(counts, "g:" + new String(m, k, n));
                    }
                }
            } else {
                i++;
            }
        }
        return counts;
    }

    private static void add(Map<String, Integer> counts, String feature) {
        counts.merge(feature, 1, Integer::sum);
    }

    private static int fnv1a(String s) {
        int h = 0x811c9dc5;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x01000193;
        }
        // final avalanche so low bits (the slot) and the top bit (the sign) are independent
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    @Override
    public String name() {
        return "HashingEmbeddingModel";
    }
}
