package dev.catena.retrieval.stores;

import dev.catena.core.documents.Document;
import dev.catena.core.vector.Distance;
import java.util.Arrays;

/**
 * The 7-bit copy of a store's vectors that the optional quantised scan reads: per vector, one
 * unsigned code {@code c} in [0, 127] per dimension, eight packed to a long (dimension
 * {@code 8g + b} in byte {@code b} of long {@code g}), with the vector's own offset and step
 * ({@code v_i ≈ low + step × c_i}, low = its smallest component, step = its range / 127) and the
 * sum of its codes. Offset and step are per vector, not global, so adding or replacing a vector
 * never re-quantises the others and every vector uses its whole code range.
 *
 * <p>Codes stop at 127, not 255, so that {@link ScanKernel#sevenBitDots} can add four code
 * products inside one 16-bit lane of a 64-bit multiply without a carry (4 × 127 × 127 &lt; 2^16).
 * The query is quantised the same way ({@code q_i ≈ lowQ + stepQ × d_i}), and then
 * {@code q·v ≈ low × Σq + step × (lowQ × Σc + stepQ × Σ c_i d_i)}, with Σq exact.
 *
 * <p>The scan ranks by an approximate score with the same ordering as the store's distance:
 * cosine by that dot product with 1/|v| folded into low and step, dot product by the dot product,
 * euclidean by {@code 2 q·v − |v|²} (with {@code |v|²} kept exactly), since
 * {@code |q − v|² = |q|² − (2 q·v − |v|²)}. The store then re-scores the candidates exactly with
 * the float vectors.
 */
final class QuantisedVectors {

    /**
     * A query quantised for {@link #scanRange}: its codes packed by {@link ScanKernel#packQuery}
     * into {@code even} and {@code odd}, the value of code 0 and of one code step, and the sum of
     * its float components.
     */
    record Query(long[] even, long[] odd, float low, float step, float sum) {
    }

    /** The largest code, on both sides: four products of two codes must stay below 2^16. */
    static final int LEVELS = 127;
    /**
     * Vectors per kernel call: the kernel's dot products go to a buffer this long, which stays
     * in the first-level cache between the kernel and the ranking pass that reads it.
     */
    private static final int BLOCK = 256;

    private final Distance distance;
    private final int dimension;
    /** Longs per vector. */
    private final int words;
    private long[] codes = new long[0];
    /** Per vector: the value of code 0 (times 1/|v| for cosine). */
    private float[] lows = new float[0];
    /** Per vector: the value of one code step (times 1/|v| for cosine). */
    private float[] steps = new float[0];
    /** Per vector: the sum of its codes. */
    private int[] codeSums = new int[0];
    /** |v|² per vector, for euclidean only (null otherwise). */
    private float[] squaredNorms;

    QuantisedVectors(Distance distance, int dimension) {
        this.distance = distance;
        this.dimension = dimension;
        this.words = (dimension + 7) / 8;
        this.squaredNorms = distance == Distance.EUCLIDEAN ? new float[0] : null;
    }

    /** Makes room for {@code capacity} vectors. */
    void grow(int capacity) {
        codes = Arrays.copyOf(codes, capacity * words);
        lows = Arrays.copyOf(lows, capacity);
        steps = Arrays.copyOf(steps, capacity);
        codeSums = Arrays.copyOf(codeSums, capacity);
        if (squaredNorms != null) {
            squaredNorms = Arrays.copyOf(squaredNorms, capacity);
        }
    }

    /**
     * Quantises the vector at {@code offset} of {@code vectors} into {@code position}.
     * {@code inverseNorm} is 1/|v| (0 for a zero vector), used by cosine.
     */
    void put(int position, float[] vectors, int offset, float inverseNorm) {
        float low = Float.POSITIVE_INFINITY;
        float high = Float.NEGATIVE_INFINITY;
        for (int d = 0; d < dimension; d++) {
            low = Math.min(low, vectors[offset + d]);
            high = Math.max(high, vectors[offset + d]);
        }
        float step = (high - low) / LEVELS;
        float toCode = step == 0 ? 0 : 1 / step;
        int base = position * words;
        Arrays.fill(codes, base, base + words, 0);
        int sum = 0;
        for (int d = 0; d < dimension; d++) {
            int code = code(vectors[offset + d], low, toCode);
            codes[base + (d >> 3)] |= (long) code << ((d & 7) * 8);
            sum += code;
        }
        float scale = distance == Distance.COSINE ? inverseNorm : 1;
        lows[position] = low * scale;
        steps[position] = step * scale;
        codeSums[position] = sum;
        if (squaredNorms != null) {
            squaredNorms[position] = ScanKernel.squaredNorm(vectors, offset, dimension);
        }
    }

    private static int code(float x, float low, float toCode) {
        return (int) Math.max(0, Math.min(LEVELS, Math.rint((x - low) * toCode)));
    }

    /** Copies the vector at {@code from} to {@code to} (the store keeps its arrays dense). */
    void move(int from, int to) {
        System.arraycopy(codes, from * words, codes, to * words, words);
        lows[to] = lows[from];
        steps[to] = steps[from];
        codeSums[to] = codeSums[from];
        if (squaredNorms != null) {
            squaredNorms[to] = squaredNorms[from];
        }
    }

    /** {@return the query's 7-bit codes, packed for the kernel, with its offset, step and sum} */
    Query encode(float[] query) {
        float low = Float.POSITIVE_INFINITY;
        float high = Float.NEGATIVE_INFINITY;
        float sum = 0;
        for (float x : query) {
            low = Math.min(low, x);
            high = Math.max(high, x);
            sum += x;
        }
        float step = (high - low) / LEVELS;
        float toCode = step == 0 ? 0 : 1 / step;
        int[] codes = new int[dimension];
        for (int d = 0; d < dimension; d++) {
            codes[d] = code(query[d], low, toCode);
        }
        long[] even = new long[words];
        long[] odd = new long[words];
        ScanKernel.packQuery(codes, even, odd);
        return new Query(even, odd, low, step, sum);
    }

    /** {@return the {@code candidates} positions in {@code [from, to)} passing {@code filter} with the best approximate scores} */
    TopK scanRange(Query query, int candidates, Filter filter, Document[] documents, int from, int to) {
        long[] dots = new long[Math.min(BLOCK, to - from)];
        TopK top = new TopK(candidates);
        float threshold = Float.NEGATIVE_INFINITY;
        float sum = query.sum();
        float low = query.low();
        float step = query.step();
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            ScanKernel.sevenBitDots(query.even(), query.odd(), codes, words, start, end, dots);
            for (int i = start; i < end; i++) {
                if (filter != null && !filter.test(documents[i].metadata())) {
                    continue;
                }
                float dot = lows[i] * sum + steps[i] * (low * codeSums[i] + step * dots[i - start]);
                float s = squaredNorms == null ? dot : 2 * dot - squaredNorms[i];
                if (s > threshold) {
                    top.offer(s, i);
                    threshold = top.threshold();
                }
            }
        }
        return top;
    }
}
