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
    void topKKeepsTheBestInOrderWithEarlierPositionsWinningTies() {
        TopK top = new TopK(3);
        float[] scores = {0.1f, 0.9f, 0.5f, 0.9f, 0.3f, 0.7f};
        for (int i = 0; i < scores.length; i++) {
            top.offer(scores[i], i);
        }
        assertThat(top.sortedPositions()).containsExactly(1, 3, 5);
    }
}
