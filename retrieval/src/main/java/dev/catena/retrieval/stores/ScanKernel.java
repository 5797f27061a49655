package dev.catena.retrieval.stores;

/**
 * The inner loops of the flat scan: dot product and squared distance between a query and one
 * vector inside the store's contiguous array. {@link dev.catena.core.vector.Distance} defines
 * what the scores mean; these compute the same quantities at an offset, in float with four
 * independent accumulators so the CPU can overlap the multiply-adds (about twice as fast as one
 * running double sum). Tests check them against {@code Distance}.
 *
 * <p>{@link #dot} and {@link #squaredDistance} share their loop shape but are written out apart on
 * purpose: a shared loop would need a call per element in the store's hottest path, and rewriting
 * the distance as {@code |q|² + |v|² - 2 q·v} (one loop) loses precision for near-identical vectors
 * (float cancellation puts an exact match at a score below 1).
 */
final class ScanKernel {

    private ScanKernel() {
    }

    static float dot(float[] query, float[] data, int offset) {
        int n = query.length;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (int bound = n & ~3; i < bound; i += 4) {
            s0 += query[i] * data[offset + i];
            s1 += query[i + 1] * data[offset + i + 1];
            s2 += query[i + 2] * data[offset + i + 2];
            s3 += query[i + 3] * data[offset + i + 3];
        }
        for (; i < n; i++) {
            s0 += query[i] * data[offset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static float squaredDistance(float[] query, float[] data, int offset) {
        int n = query.length;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (int bound = n & ~3; i < bound; i += 4) {
            float d0 = query[i] - data[offset + i];
            float d1 = query[i + 1] - data[offset + i + 1];
            float d2 = query[i + 2] - data[offset + i + 2];
            float d3 = query[i + 3] - data[offset + i + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < n; i++) {
            float d = query[i] - data[offset + i];
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The dot products of a quantised query with the int8 vectors {@code from} to {@code to} (each
     * packed four codes to an int, {@code words} ints long: code of dimension {@code 4g + b} in
     * byte {@code b} of word {@code g}), into {@code out[0 .. to - from)}. The query comes as four
     * arrays, one per byte lane, so every operation is on ints, which Java 17's JIT vectorises
     * (it does not vectorise byte-to-int conversions). It does so only for this loop nest on its
     * own: with a threshold test or a float multiply in the same loop, or inside one more loop, it
     * stays scalar and runs about four times slower (measured), hence one pass into an array here
     * and the ranking in a second pass. The caller bounds the query codes so no sum overflows.
     */
    static void int8Dots(int[] lane0, int[] lane1, int[] lane2, int[] lane3, int[] codes, int words,
            int from, int to, int[] out) {
        for (int i = from; i < to; i++) {
            int offset = i * words;
            int s = 0;
            for (int g = 0; g < lane0.length; g++) {
                int w = codes[offset + g];
                s += lane0[g] * ((w << 24) >> 24) + lane1[g] * ((w << 16) >> 24)
                        + lane2[g] * ((w << 8) >> 24) + lane3[g] * (w >> 24);
            }
            out[i - from] = s;
        }
    }

    static float squaredNorm(float[] data, int offset, int length) {
        float s = 0;
        for (int i = offset; i < offset + length; i++) {
            s += data[i] * data[i];
        }
        return s;
    }
}
