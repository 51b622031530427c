package org.lantir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            nanos[nanos.length - 1 - i] = (i + 1) * 1_000_000L;
        }

        LatencyStats stats = LatencyStats.of(nanos, 2, 150, 2_000_000_000L);

        assertThat(stats.count()).isEqualTo(100);
        assertThat(stats.errors()).isEqualTo(2);
        assertThat(stats.medianMs()).isEqualTo(50.0);
        assertThat(stats.p90Ms()).isEqualTo(90.0);
        assertThat(stats.p99Ms()).isEqualTo(99.0);
        assertThat(stats.maxMs()).isEqualTo(100.0);
        assertThat(stats.meanMatches()).isEqualTo(1.5);
        assertThat(stats.queriesPerSecond()).isEqualTo(50.0);
    }

    @Test
    void theMedianOfAnEvenCountIsTheLowerMiddleValue() {
        assertThat(LatencyStats.percentile(new long[] {1, 2, 3, 4}, 0.5)).isEqualTo(2);
        assertThat(LatencyStats.percentile(new long[] {7}, 0.99)).isEqualTo(7);
        assertThat(LatencyStats.percentile(new long[0], 0.5)).isZero();
    }
}
