package org.lantir.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyncWindowPlannerTest {

    private static final Duration OVERLAP = Duration.ofMinutes(5);
    private static final Instant NOW = Instant.parse("2025-03-10T15:00:00Z");

    @Test
    void firstRunOfASourceIsAFullExport() {
        assertThat(SyncWindowPlanner.plan(null, NOW, OVERLAP, false))
                .isEqualTo(SyncWindow.full(NOW));
        assertThat(SyncWindowPlanner.plan(state(null), NOW, OVERLAP, false).full()).isTrue();
    }

    @Test
    void onDemandFullExportIgnoresTheState() {
        SyncWindow window = SyncWindowPlanner.plan(state(NOW.minusSeconds(60)), NOW, OVERLAP,
                true);

        assertThat(window.full()).isTrue();
    }

    @Test
    void incrementalWindowReachesBackByTheOverlap() {
        SyncWindow window = SyncWindowPlanner.plan(state(NOW.minusSeconds(60)), NOW, OVERLAP,
                false);

        assertThat(window).isEqualTo(SyncWindow.incremental(
                NOW.minusSeconds(60).minus(OVERLAP), NOW));
    }

    @Test
    void firstRunOfTheDayCoversTheNightSinceTheLastWindowClosed() {
        Instant lastEvening = Instant.parse("2025-03-10T00:00:00Z");
        Instant morning = Instant.parse("2025-03-10T14:00:00Z");

        SyncWindow window = SyncWindowPlanner.plan(state(lastEvening), morning, OVERLAP, false);

        assertThat(window.begin()).isEqualTo(lastEvening.minus(OVERLAP));
        assertThat(window.end()).isEqualTo(morning);
    }

    @Test
    void clockThatWentBackStillGivesAWindowEndingNow() {
        SyncWindow window = SyncWindowPlanner.plan(state(NOW.plusSeconds(3600)), NOW, OVERLAP,
                false);

        assertThat(window.begin()).isEqualTo(NOW.minus(OVERLAP));
        assertThat(window.end()).isEqualTo(NOW);
    }

    private static SyncState state(Instant lastWindowEnd) {
        return new SyncState("s", lastWindowEnd, null, null, null);
    }
}
