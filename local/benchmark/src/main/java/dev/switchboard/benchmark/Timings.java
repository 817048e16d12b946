package dev.switchboard.benchmark;

import java.util.Arrays;
import java.util.Locale;

/** The one-line JSON the harnesses print, read by {@code local/benchmark/cold-start}. */
final class Timings {

    private Timings() {
    }

    static String json(double initMs, double firstMs, double[] warmMs) {
        double[] sorted = warmMs.clone();
        Arrays.sort(sorted);
        String warm = sorted.length == 0 ? "null" : String.format(Locale.ROOT, "%.2f", sorted[sorted.length / 2]);
        return String.format(Locale.ROOT, "{\"initMs\":%.1f,\"firstMs\":%.1f,\"warmMedianMs\":%s,\"warmRuns\":%d}",
                initMs, firstMs, warm, sorted.length);
    }
}
