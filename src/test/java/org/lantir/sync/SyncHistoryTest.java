package org.lantir.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.lantir.worklist.EventRecord;
import org.lantir.worklist.SyncCounts;

/** The recent runs as the event log holds them, among the log's other lines. */
class SyncHistoryTest {

    private static final Instant T0 = Instant.parse("2025-03-10T15:00:00Z");

    private final MemoryEventLog log = new MemoryEventLog(100);
    private final SyncHistory history = new SyncHistory(log);

    @Test
    void recentRunsNewestFirstBySourceAndLimited() {
        log.append(success("site_a", 0, 4));
        log.append(EventRecord.of(T0.plusSeconds(10), "MPPS_CREATED", "MRI_3T", "2.25.1", null,
                "IN PROGRESS"));
        log.append(SyncRunRecord.failed("site_b", T0.plusSeconds(20), T0.plusSeconds(21),
                SyncWindow.full(T0.plusSeconds(20)), "REDCap is unreachable").toEvent());
        log.append(success("site_a", 30, 1));

        assertThat(history.recent(null, 10)).extracting(SyncRunRecord::source)
                .containsExactly("site_a", "site_b", "site_a");
        assertThat(history.recent("site_a", 10)).extracting(run -> run.counts().added())
                .containsExactly(1, 4);
        assertThat(history.recent(null, 2)).hasSize(2);
        assertThat(history.recent(null, 0)).isEmpty();
        assertThat(history.last("site_b")).get().satisfies(run -> {
            assertThat(run.succeeded()).isFalse();
            assertThat(run.error()).isEqualTo("REDCap is unreachable");
        });
        assertThat(history.last("site_c")).isEmpty();
    }

    @Test
    void linesThatAreNotRunsArePassedOver() {
        log.append(success("site_a", 0, 2));
        log.append(EventRecord.of(T0.plusSeconds(5), "SYNC_SUCCEEDED", "site_a", null, null,
                "written by hand"));

        assertThat(history.recent("site_a", 10)).singleElement()
                .extracting(run -> run.counts().added()).isEqualTo(2);
    }

    private static EventRecord success(String source, long second, int added) {
        Instant start = T0.plusSeconds(second);
        return SyncRunRecord.succeeded(source, start, start.plusSeconds(1),
                SyncWindow.full(start), new SyncCounts(added, 0, 0, 0), 0).toEvent();
    }
}
