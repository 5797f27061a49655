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
        for (int dim : new int[] {1, 3, 4, 7, 384}) {
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
    void int8DotsEqualTheDotProductsOfTheUnpackedSignedCodes() {
        Random random = new Random(4);
        int words = 5; // 20 codes; the last vector's codes exercise every byte lane and sign
        int vectors = 7;
        int[] codes = new int[vectors * words];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = random.nextInt();
        }
        int[][] lanes = new int[4][words];
        for (int[] lane : lanes) {
            for (int g = 0; g < words; g++) {
                lane[g] = random.nextInt(65_535) - 32_767;
            }
        }
        int[] out = new int[4];
        ScanKernel.int8Dots(lanes[0], lanes[1], lanes[2], lanes[3], codes, words, 3, 7, out);
        for (int v = 3; v < 7; v++) {
            long expected = 0;
            for (int d = 0; d < 4 * words; d++) {
                byte code = (byte) (codes[v * words + d / 4] >>> (8 * (d % 4)));
                expected += (long) lanes[d % 4][d / 4] * code;
            }
            assertThat(out[v - 3]).as("vector " + v).isEqualTo((int) expected);
        }
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
