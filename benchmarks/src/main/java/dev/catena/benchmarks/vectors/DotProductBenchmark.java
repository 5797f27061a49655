package dev.catena.benchmarks.vectors;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.util.VectorUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One float dot product of two {@code dimension}-long vectors, in nanoseconds: the inner loop of HNSW
 * graph building. Rows:
 *
 * <ul>
 *   <li>{@code lucene}: Lucene's {@link VectorUtil#dotProduct(float[], float[])}, which on JDK 17 is
 *       its scalar loop (its SIMD code needs a newer JDK and the incubating vector module);</li>
 *   <li>{@code fourSums} and {@code eightSums}: plain Java loops with four or eight independent
 *       running sums, so that the multiply-adds overlap instead of each waiting for the previous one,
 *       bounded by the first array's length after an equal-length check so that C2 can drop the
 *       bounds checks;</li>
 *   <li>{@code productsThenSums}: two passes, first the products into a scratch array (a loop C2
 *       turns into SIMD multiplies on JDK 17, as it holds no running sum), then eight running sums
 *       over the products.</li>
 * </ul>
 *
 * <p>Why the store keeps Lucene's scorer for graph building: a plain scalar loop cannot beat
 * Lucene's by much, as Lucene's already keeps four independent fused multiply-adds and a scalar
 * loop is then bound by its two loads per element; only the two-pass loop came near the 1.3x bar
 * set for replacing Lucene's graph-building scorer, and not clearly above it. Rerun this on a
 * quiet machine to revisit.
 *
 * <p>The vectors are picked from a pool larger than the L1 cache, as graph building visits vectors
 * scattered over the index.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DotProductBenchmark {

    private static final int POOL = 256;

    /** Vector length. */
    @Param({"384"})
    public int dimension;

    private float[][] pool;
    private float[] scratch;
    private int next;

    /** Fills the pool with random vectors. */
    @Setup
    public void generate() {
        SplittableRandom random = new SplittableRandom(1);
        pool = new float[POOL][dimension];
        scratch = new float[dimension];
        for (float[] v : pool) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextDouble(-1, 1);
            }
        }
    }

    private float[] a() {
        return pool[next & (POOL - 1)];
    }

    private float[] b() {
        next += 1;
        return pool[(next * 37) & (POOL - 1)];
    }

    /** {@return Lucene's dot product of two pool vectors} */
    @Benchmark
    public float lucene() {
        return VectorUtil.dotProduct(a(), b());
    }

    /** {@return the four-sum loop's dot product of two pool vectors} */
    @Benchmark
    public float fourSums() {
        return fourSums(a(), b());
    }

    /** {@return the eight-sum loop's dot product of two pool vectors} */
    @Benchmark
    public float eightSums() {
        return eightSums(a(), b());
    }

    /** {@return the two-pass loop's dot product of two pool vectors} */
    @Benchmark
    public float productsThenSums() {
        return productsThenSums(a(), b(), scratch);
    }

    static float productsThenSums(float[] a, float[] b, float[] products) {
        if (a.length != b.length || products.length < a.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " and " + b.length
                    + ", scratch " + products.length);
        }
        int n = a.length;
        for (int i = 0; i < n; i++) {
            products[i] = a[i] * b[i];
        }
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (int bound = n & ~7; i < bound; i += 8) {
            s0 += products[i];
            s1 += products[i + 1];
            s2 += products[i + 2];
            s3 += products[i + 3];
            s4 += products[i + 4];
            s5 += products[i + 5];
            s6 += products[i + 6];
            s7 += products[i + 7];
        }
        for (; i < n; i++) {
            s0 += products[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    static float fourSums(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " and " + b.length);
        }
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (int bound = a.length & ~3; i < bound; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static float eightSums(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " and " + b.length);
        }
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (int bound = a.length & ~7; i < bound; i += 8) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
            s4 += a[i + 4] * b[i + 4];
            s5 += a[i + 5] * b[i + 5];
            s6 += a[i + 6] * b[i + 6];
            s7 += a[i + 7] * b[i + 7];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
