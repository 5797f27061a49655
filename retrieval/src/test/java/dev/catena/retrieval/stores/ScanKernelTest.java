package dev.catena.retrieval.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.catena.core.vector.Distance;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScanKernelTest {

    @Test
    void agreesWithCoreDistanceAtAnyOffsetAndOddLengths() {
        Random random = new Random(3);
        for (int dim : new int[] {1, 3, 4, 7, 13, 384}) {
            float[] data = InMemoryVectorStoreTest.randomVector(random, dim * 5);
            float[] query = InMemoryVectorStoreTest.randomVector(random, dim);
            for (int row = 0; row < 5; row++) {
                float[] v = Arrays.copyOfRange(data, row * dim, (row + 1) * dim);
                assertThat((double) ScanKernel.dot(query, data, row * dim)).isCloseTo(Distance.dot(query, v), within(1e-3));
                assertThat((double) ScanKernel.squaredDistance(query, data, row * dim))
                        .isCloseTo(Distance.squaredDistance(query, v), within(1e-3));
                assertThat((double) ScanKernel.squaredNorm(data, row * dim, dim)).isCloseTo(Distance.dot(v, v), within(1e-3));
            }
        }
    }

    @Test
    void sevenBitDotsEqualTheDotProductsOfTheUnpackedCodesAtTheLargestCodes() {
        Random random = new Random(4);
        int dimension = 21; // not a multiple of 8: the last long is padded
        int words = 3;
        int vectors = 7;
        int[][] stored = new int[vectors][dimension];
        long[] codes = new long[vectors * words];
        for (int v = 0; v < vectors; v++) {
            for (int d = 0; d < dimension; d++) {
                // vector 6 holds only the largest code, the case closest to a carry between lanes
                stored[v][d] = v == 6 ? 127 : random.nextInt(128);
                codes[v * words + d / 8] |= (long) stored[v][d] << (8 * (d % 8));
            }
        }
        int[] query = new int[dimension];
        for (int d = 0; d < dimension; d++) {
            query[d] = d % 5 == 0 ? 127 : random.nextInt(128);
        }
        long[] even = new long[words];
        long[] odd = new long[words];
        ScanKernel.packQuery(query, even, odd);
        long[] out = new long[4];
        ScanKernel.sevenBitDots(even, odd, codes, words, 3, 7, out);
        for (int v = 3; v < 7; v++) {
            long expected = 0;
            for (int d = 0; d < dimension; d++) {
                expected += (long) stored[v][d] * query[d];
            }
            assertThat(out[v - 3]).as("vector " + v).isEqualTo(expected);
        }

        Arrays.fill(query, 127);
        ScanKernel.packQuery(query, even, odd);
        ScanKernel.sevenBitDots(even, odd, codes, words, 6, 7, out);
        assertThat(out[0]).isEqualTo(127L * 127 * dimension);
    }

    @Test
    void topKKeepsTheBestInOrderWithEarlierPositionsWinningTies() {
        TopK top = new TopK(3);
        float[] scores = {0.1f, 0.9f, 0.5f, 0.9f, 0.3f, 0.7f};
        for (int i = 0; i < scores.length; i++) {
            top.offer(scores[i], i);
        }
        assertThat(top.sortedPositions()).containsExactly(1, 3, 5);
    }
}
