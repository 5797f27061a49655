package dev.catena.retrieval.stores;

import java.util.Arrays;

/**
 * The best {@code k} (score, position) pairs seen so far, in a bounded min-heap on primitive
 * arrays: a scan of n vectors costs O(n log k) and allocates nothing per vector. On equal scores
 * the earlier position wins, so results are deterministic.
 */
final class TopK {

    private final int k;
    private final float[] scores;
    private final int[] positions;
    private int size;

    TopK(int k) {
        this.k = k;
        this.scores = new float[k];
        this.positions = new int[k];
    }

    /** The score a candidate must beat to enter (negative infinity until full). */
    float threshold() {
        return size < k ? Float.NEGATIVE_INFINITY : scores[0];
    }

    void offer(float score, int position) {
        if (size < k) {
            scores[size] = score;
            positions[size] = position;
            siftUp(size++);
        } else if (k > 0 && worse(scores[0], positions[0], score, position)) {
            scores[0] = score;
            positions[0] = position;
            siftDown(0);
        }
    }

    void addAll(TopK other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.scores[i], other.positions[i]);
        }
    }

    /** Positions, best first. */
    int[] sortedPositions() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> worse(scores[a], positions[a], scores[b], positions[b]) ? 1 : -1);
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = positions[order[i]];
        }
        return out;
    }

    /** Whether (s1, p1) ranks below (s2, p2). */
    private static boolean worse(float s1, int p1, float s2, int p2) {
        return s1 < s2 || (s1 == s2 && p1 > p2);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(scores[i], positions[i], scores[parent], positions[parent])) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int right = left + 1;
            int smallest = right < size && worse(scores[right], positions[right], scores[left], positions[left]) ? right : left;
            if (!worse(scores[smallest], positions[smallest], scores[i], positions[i])) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }

    private void swap(int a, int b) {
        float s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        int p = positions[a];
        positions[a] = positions[b];
        positions[b] = p;
    }
}
