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

    static float squaredNorm(float[] data, int offset, int length) {
        float s = 0;
        for (int i = offset; i < offset + length; i++) {
            s += data[i] * data[i];
        }
        return s;
    }
}
