package org.lantir.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
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

    @Test
    void quietRunsFoldIntoOneEntryAndAChangeStartsANewOne() {
        history.record(run("site_a", 0, new SyncCounts(4, 0, 0, 0), true));
        for (int minute = 1; minute <= 60; minute++) {
            history.record(run("site_a", minute * 60, new SyncCounts(0, 0, 4, 0), false));
        }
        history.record(run("site_a", 3660, new SyncCounts(0, 1, 3, 0), false));
        history.record(run("site_a", 3720, new SyncCounts(0, 0, 4, 0), false));

        assertThat(log.retained()).isEqualTo(4);
        assertThat(history.recent("site_a", 10)).extracting(SyncRunRecord::runs,
                run -> run.counts().updated()).containsExactly(
                tuple(1, 0), tuple(1, 1),
                tuple(60, 0), tuple(1, 0));
        SyncRunRecord hour = history.recent("site_a", 10).get(2);
        assertThat(hour.firstEnded()).isEqualTo(T0.plusSeconds(61));
        assertThat(hour.ended()).isEqualTo(T0.plusSeconds(3601));
    }

    @Test
    void theSameFailureFoldsAndAnotherSourceKeepsItsOwnEntries() {
        SyncWindow window = SyncWindow.incremental(T0.minusSeconds(300), T0);
        for (int i = 0; i < 5; i++) {
            Instant start = T0.plusSeconds(i * 60L);
            history.record(SyncRunRecord.failed("site_a", start, start.plusSeconds(1), window,
                    "REDCap answered with a server error (HTTP 503)"));
            history.record(run("site_b", i * 60L + 30, new SyncCounts(0, 0, 2, 0), false));
        }
        history.record(SyncRunRecord.failed("site_a", T0.plusSeconds(600),
                T0.plusSeconds(601), window, "REDCap refused the API token (HTTP 403)"));

        assertThat(history.recent("site_a", 10)).extracting(SyncRunRecord::runs)
                .containsExactly(1, 5);
        assertThat(history.recent("site_b", 10)).singleElement()
                .extracting(SyncRunRecord::runs).isEqualTo(5);
    }

    @Test
    void entriesPastTheRetentionLeaveAsRunsAreRecorded() {
        log.append(EventRecord.of(T0, "MPPS_CREATED", "MRI_3T", "2.25.1", null, "old step"));
        history.record(run("site_a", 0, new SyncCounts(1, 0, 0, 0), true));
        history.record(run("site_b", 10, new SyncCounts(1, 0, 0, 0), true));
        long later = SyncHistory.RETENTION.plusHours(1).toSeconds();

        history.record(run("site_a", later, new SyncCounts(0, 1, 0, 0), false));

        assertThat(history.recent(null, 10)).extracting(SyncRunRecord::source)
                .containsExactly("site_a");
        assertThat(log.recent(10)).extracting(EventRecord::kind).contains("MPPS_CREATED");
        assertThat(SyncHistory.RETENTION).isEqualTo(Duration.ofDays(30));
    }

    private static SyncRunRecord run(String source, long second, SyncCounts counts,
            boolean full) {
        Instant start = T0.plusSeconds(second);
        SyncWindow window = full ? SyncWindow.full(start)
                : SyncWindow.incremental(start.minusSeconds(300), start);
        return SyncRunRecord.succeeded(source, start, start.plusSeconds(1), window, counts, 0);
    }
}
