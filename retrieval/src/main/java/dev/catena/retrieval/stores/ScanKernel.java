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

    private static final long EVEN_BYTES = 0x00FF00FF00FF00FFL;

    /**
     * Packs a query's 7-bit codes {@code d} (one per dimension, each in [0, 127]) for
     * {@link #sevenBitDots}: for each long {@code g} of a stored vector, {@code even[g]} holds
     * {@code d[8g+6], d[8g+4], d[8g+2], d[8g]} and {@code odd[g]} holds {@code d[8g+7], d[8g+5],
     * d[8g+3], d[8g+1]} in its 16-bit lanes from low to high: reversed against the stored codes,
     * so that the products of matching dimensions all land in the top lane of one multiply.
     * Dimensions past the end (the last long's padding) get code 0.
     */
    static void packQuery(int[] codes, long[] even, long[] odd) {
        for (int g = 0; g < even.length; g++) {
            long e = 0;
            long o = 0;
            for (int lane = 0; lane < 4; lane++) {
                int d = 8 * g + 2 * lane;
                e |= (long) (d < codes.length ? codes[d] : 0) << (48 - 16 * lane);
                o |= (long) (d + 1 < codes.length ? codes[d + 1] : 0) << (48 - 16 * lane);
            }
            even[g] = e;
            odd[g] = o;
        }
    }

    /**
     * The dot products of a query packed by {@link #packQuery} with the 7-bit vectors {@code from}
     * to {@code to} (each {@code words} longs, code of dimension {@code 8g + b} in byte {@code b} of
     * long {@code g}, every code in [0, 127]), into {@code out[0 .. to - from)}.
     *
     * <p>Four products per multiply (SWAR): {@code w & 0x00FF00FF00FF00FF} puts the even
     * dimensions' codes in four 16-bit lanes; multiplied by the query's reversed lanes, the
     * coefficient of 2^48, the top lane, is {@code c0·d0 + c2·d2 + c4·d4 + c6·d6}, at most
     * 4 × 127 × 127 = 64,516, and no lower lane (at most three products) carries into it, so
     * {@code >>> 48} gives it exactly. The odd dimensions do the same after {@code >>> 8}. Written
     * as one sum in one loop nest, which Java 17's JIT vectorises with 64-bit vector multiplies
     * where the CPU has them (AVX-512); split over several accumulators, or over two vectors at a
     * time, it stays scalar and runs two to three times slower (measured).
     */
    static void sevenBitDots(long[] even, long[] odd, long[] codes, int words, int from, int to, long[] out) {
        for (int i = from; i < to; i++) {
            int offset = i * words;
            long s = 0;
            for (int g = 0; g < words; g++) {
                long w = codes[offset + g];
                s += (((w & EVEN_BYTES) * even[g]) >>> 48) + ((((w >>> 8) & EVEN_BYTES) * odd[g]) >>> 48);
            }
            out[i - from] = s;
        }
    }

    /**
     * {@return |v|² of the {@code length} floats at {@code offset}} Eight independent sums: it runs
     * once per added vector, on data just copied and so in cache, where one running sum (or four)
     * waits on the adder's latency; filling a store spent a third of its time here with four.
     */
    static float squaredNorm(float[] data, int offset, int length) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = offset;
        for (int bound = offset + (length & ~7); i < bound; i += 8) {
            s0 += data[i] * data[i];
            s1 += data[i + 1] * data[i + 1];
            s2 += data[i + 2] * data[i + 2];
            s3 += data[i + 3] * data[i + 3];
            s4 += data[i + 4] * data[i + 4];
            s5 += data[i + 5] * data[i + 5];
            s6 += data[i + 6] * data[i + 6];
            s7 += data[i + 7] * data[i + 7];
        }
        for (; i < offset + length; i++) {
            s0 += data[i] * data[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
