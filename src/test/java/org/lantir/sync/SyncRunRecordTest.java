package org.lantir.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.lantir.worklist.EventRecord;
import org.lantir.worklist.SyncCounts;

/** The sync lines of the event log: written in one shape, read back whole. */
class SyncRunRecordTest {

    static final Instant START = Instant.parse("2025-03-10T15:00:00Z");
    static final Instant END = START.plusMillis(1204);

    @Test
    void successIsAReadableLineThatReadsBack() {
        SyncRunRecord run = SyncRunRecord.succeeded("main_redcap", START, END,
                SyncWindow.full(START), new SyncCounts(4, 1, 7, 2), 1);

        EventRecord event = run.toEvent();

        assertThat(event.kind()).isEqualTo("SYNC_SUCCEEDED");
        assertThat(event.source()).isEqualTo("main_redcap");
        assertThat(event.time()).isEqualTo(END);
        assertThat(event.message()).isEqualTo("full export: 4 added, 1 updated, 7 unchanged, "
                + "2 removed, 1 skipped; took 1.204 s");
        assertThat(SyncRunRecord.fromEvent(event)).contains(run);
        assertThat(run.duration()).isEqualTo(Duration.ofMillis(1204));
    }

    @Test
    void failureKeepsItsReasonAndWindow() {
        SyncWindow window = SyncWindow.incremental(START.minusSeconds(360), START);
        String reason = "REDCap at http://127.0.0.1:1/api/ answered with a server error "
                + "(HTTP 500); it said: a; b: c";
        SyncRunRecord run = SyncRunRecord.failed("site_b", START, END, window, reason);

        EventRecord event = run.toEvent();

        assertThat(event.kind()).isEqualTo("SYNC_FAILED");
        assertThat(event.message()).startsWith("changes 2025-03-10T14:54:00Z .. "
                + "2025-03-10T15:00:00Z: REDCap").endsWith("; took 1.204 s");
        SyncRunRecord read = SyncRunRecord.fromEvent(event).orElseThrow();
        assertThat(read).isEqualTo(run);
        assertThat(read.error()).isEqualTo(reason);
        assertThat(read.counts()).isEqualTo(SyncCounts.NONE);
    }

    @Test
    void linesWrittenBeforeDurationsWereLoggedStillRead() {
        EventRecord success = EventRecord.of(END, "SYNC_SUCCEEDED", "main_redcap", null, null,
                "changes 2025-03-10T14:54:00Z .. 2025-03-10T15:00:00Z: 0 added, 3 updated, "
                        + "0 unchanged, 0 removed, 0 skipped");
        EventRecord failure = EventRecord.of(END, "SYNC_FAILED", "main_redcap", null, null,
                "REDCap at http://127.0.0.1:1/api/ refused the API token (HTTP 403)");

        SyncRunRecord succeeded = SyncRunRecord.fromEvent(success).orElseThrow();
        SyncRunRecord failed = SyncRunRecord.fromEvent(failure).orElseThrow();

        assertThat(succeeded.started()).isNull();
        assertThat(succeeded.duration()).isNull();
        assertThat(succeeded.window()).startsWith("changes ");
        assertThat(succeeded.counts()).isEqualTo(new SyncCounts(0, 3, 0, 0));
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.window()).isNull();
        assertThat(failed.error()).isEqualTo(
                "REDCap at http://127.0.0.1:1/api/ refused the API token (HTTP 403)");
    }

    @Test
    void otherLinesAreNotRuns() {
        assertThat(SyncRunRecord.fromEvent(EventRecord.of(END, "MPPS_CREATED", "MRI_3T",
                "2.25.1", null, "full export: 1 added, 0 updated, 0 unchanged, 0 removed, "
                        + "0 skipped"))).isEmpty();
        assertThat(SyncRunRecord.fromEvent(EventRecord.of(END, "SYNC_SUCCEEDED", "s", null,
                null, "all fine"))).isEmpty();
        assertThat(SyncRunRecord.fromEvent(EventRecord.of(END, "SYNC_SUCCEEDED", "s", null,
                null, "99999999999 added, 0 updated, 0 unchanged, 0 removed, 0 skipped")))
                .isEmpty();
        assertThat(SyncRunRecord.fromEvent(EventRecord.of(END, "SYNC_FAILED", null, null,
                null, "no source"))).isEmpty();
    }
}
