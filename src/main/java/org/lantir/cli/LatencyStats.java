package org.lantir.cli;

import java.util.Arrays;

/**
 * What a batch of timed queries came to: count, errors, latency percentiles (nearest rank)
 * in milliseconds and throughput over the batch's wall-clock time.
 *
 * @param count queries sent
 * @param errors queries that failed, got a non-success final status or a wrong match count
 * @param meanMatches matches per query on average
 * @param medianMs the 50th percentile of the latencies
 * @param queriesPerSecond {@code count} over the wall-clock time of the batch
 */
record LatencyStats(int count, int errors, double meanMatches, double medianMs, double p90Ms,
        double p99Ms, double maxMs, double queriesPerSecond) {

    /**
     * @param nanos the latency of each query; not changed
     * @param matches the matches of all queries together
     * @param wallNanos the batch's wall-clock time
     */
    static LatencyStats of(long[] nanos, int errors, long matches, long wallNanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return new LatencyStats(n, errors, n == 0 ? 0 : (double) matches / n,
                millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.90)),
                millis(percentile(sorted, 0.99)), millis(n == 0 ? 0 : sorted[n - 1]),
                wallNanos <= 0 ? 0 : n * 1e9 / wallNanos);
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p} of all below. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
