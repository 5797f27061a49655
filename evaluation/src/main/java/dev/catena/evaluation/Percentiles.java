package dev.catena.evaluation;

import java.util.Arrays;

/** Nearest-rank percentiles: the smallest value with at least p percent of the values at or below it. */
final class Percentiles {

    private Percentiles() {
    }

    static double of(double[] values, double percent) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
