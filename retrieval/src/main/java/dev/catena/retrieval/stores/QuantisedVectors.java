package dev.catena.retrieval.stores;

import dev.catena.core.documents.Document;
import dev.catena.core.vector.Distance;
import java.util.Arrays;

/**
 * The int8 copy of a store's vectors that the optional quantised scan reads: one signed byte per
 * dimension, four packed to an int, plus one float scale per vector (its largest absolute
 * component / 127). The scale is per vector, not global, so adding or replacing a vector never
 * re-quantises the others and a vector with small components keeps its full 8 bits.
 *
 * <p>The scan ranks by an approximate score with the same ordering as the store's distance:
 * cosine and dot product by {@code scale × (query codes · codes)}, euclidean by
 * {@code 2 q·v − |v|²} (with {@code |v|²} kept exactly), since {@code |q − v|² = |q|² − (2 q·v − |v|²)}.
 * The store then re-scores the candidates exactly with the float vectors.
 */
final class QuantisedVectors {

    /** A query quantised for {@link #scanRange}: its codes by byte lane and the value of one code. */
    record Query(int[] lane0, int[] lane1, int[] lane2, int[] lane3, float scale) {
    }

    private final Distance distance;
    private final int dimension;
    /** Ints per vector. */
    private final int words;
    /** The largest query code: keeps {@code dimension × code × 127} inside an int. */
    private final int queryCodeLimit;
    private int[] codes = new int[0];
    private float[] scales = new float[0];
    /** |v|² per vector, for euclidean only (null otherwise). */
    private float[] squaredNorms;

    QuantisedVectors(Distance distance, int dimension) {
        this.distance = distance;
        this.dimension = dimension;
        this.words = (dimension + 3) / 4;
        this.queryCodeLimit = (int) Math.max(1, Math.min(32_767, Integer.MAX_VALUE / (127L * dimension)));
        this.squaredNorms = distance == Distance.EUCLIDEAN ? new float[0] : null;
    }

    /** Makes room for {@code capacity} vectors. */
    void grow(int capacity) {
        codes = Arrays.copyOf(codes, capacity * words);
        scales = Arrays.copyOf(scales, capacity);
        if (squaredNorms != null) {
            squaredNorms = Arrays.copyOf(squaredNorms, capacity);
        }
    }

    /**
     * Quantises the vector at {@code offset} of {@code vectors} into {@code position}.
     * {@code inverseNorm} is 1/|v| (0 for a zero vector), used by cosine.
     */
    void put(int position, float[] vectors, int offset, float inverseNorm) {
        float max = 0;
        for (int d = 0; d < dimension; d++) {
            max = Math.max(max, Math.abs(vectors[offset + d]));
        }
        float toCode = max == 0 ? 0 : 127 / max;
        int base = position * words;
        Arrays.fill(codes, base, base + words, 0);
        for (int d = 0; d < dimension; d++) {
            int code = (int) Math.rint(vectors[offset + d] * toCode);
            codes[base + (d >> 2)] |= (code & 0xFF) << ((d & 3) * 8);
        }
        float scale = max / 127;
        scales[position] = distance == Distance.COSINE ? scale * inverseNorm : scale;
        if (squaredNorms != null) {
            squaredNorms[position] = ScanKernel.squaredNorm(vectors, offset, dimension);
        }
    }

    /** Copies the vector at {@code from} to {@code to} (the store keeps its arrays dense). */
    void move(int from, int to) {
        System.arraycopy(codes, from * words, codes, to * words, words);
        scales[to] = scales[from];
        if (squaredNorms != null) {
            squaredNorms[to] = squaredNorms[from];
        }
    }

    /** {@return the query's codes: one per dimension, up to {@link #queryCodeLimit} (not 127) so it loses less} */
    Query encode(float[] query) {
        float max = 0;
        for (float x : query) {
            max = Math.max(max, Math.abs(x));
        }
        float toCode = max == 0 ? 0 : queryCodeLimit / max;
        int[][] lanes = new int[4][words];
        for (int d = 0; d < dimension; d++) {
            lanes[d & 3][d >> 2] = (int) Math.rint(query[d] * toCode);
        }
        return new Query(lanes[0], lanes[1], lanes[2], lanes[3], max / queryCodeLimit);
    }

    /** {@return the {@code candidates} positions in {@code [from, to)} passing {@code filter} with the best approximate scores} */
    TopK scanRange(Query query, int candidates, Filter filter, Document[] documents, int from, int to) {
        int[] dots = new int[to - from];
        ScanKernel.int8Dots(query.lane0(), query.lane1(), query.lane2(), query.lane3(), codes, words, from, to, dots);
        TopK top = new TopK(candidates);
        float threshold = Float.NEGATIVE_INFINITY;
        float twiceQueryScale = 2 * query.scale();
        for (int i = from; i < to; i++) {
            if (filter != null && !filter.test(documents[i].metadata())) {
                continue;
            }
            int dot = dots[i - from];
            float s = squaredNorms == null
                    ? scales[i] * dot
                    : twiceQueryScale * scales[i] * dot - squaredNorms[i];
            if (s > threshold) {
                top.offer(s, i);
                threshold = top.threshold();
            }
        }
        return top;
    }
}
