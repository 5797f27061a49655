package dev.catena.core.vector;

/**
 * How two vectors are compared. Every {@link #score} is "higher means more similar", so scores
 * from different stores and metrics sort the same way:
 * cosine similarity in [-1, 1]; dot product as is; euclidean as {@code 1 / (1 + distance)} in (0, 1].
 */
public enum Distance {
    /** Cosine similarity, in [-1, 1]. */
    COSINE {
        @Override
        public double score(float[] a, float[] b) {
            return cosine(a, b);
        }
    },
    /** Dot product, as is (for normalized vectors, the same order as cosine). */
    DOT_PRODUCT {
        @Override
        public double score(float[] a, float[] b) {
            return dot(a, b);
        }
    },
    /** Euclidean distance as {@code 1 / (1 + distance)}, in (0, 1]. */
    EUCLIDEAN {
        @Override
        public double score(float[] a, float[] b) {
            return 1.0 / (1.0 + Math.sqrt(squaredDistance(a, b)));
        }
    };

    /**
     * {@return the similarity of {@code a} and {@code b}; higher is more similar}
     *
     * @param a one vector
     * @param b the other, of the same length
     */
    public abstract double score(float[] a, float[] b);

    /**
     * {@return the dot product; the vectors must have the same length}
     *
     * @param a one vector
     * @param b the other
     */
    public static double dot(float[] a, float[] b) {
        checkLengths(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /**
     * {@return the cosine of the angle between the vectors; 0 when either is all zeros}
     *
     * @param a one vector
     * @param b the other, of the same length
     */
    public static double cosine(float[] a, float[] b) {
        checkLengths(a, b);
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /**
     * {@return the squared euclidean distance}
     *
     * @param a one vector
     * @param b the other, of the same length
     */
    public static double squaredDistance(float[] a, float[] b) {
        checkLengths(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }

    private static void checkLengths(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different dimensions: " + a.length + " and " + b.length
                    + "; embed queries and documents with the same model");
        }
    }
}
