package org.lantir.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @Test
    void skippedRowsCarryTheirReasonsAndKeysAndReadBack() {
        Map<String, String> skips = new LinkedHashMap<>();
        skips.put("4:1", "scheduled date is not YYYY-MM-DD or YYYYMMDD");
        skips.put("7:2", "scheduled time is not HH:MM");
        skips.put("9:1", "scheduled date is not YYYY-MM-DD or YYYYMMDD");
        SyncRunRecord run = SyncRunRecord.succeeded("main_redcap", START, END,
                SyncWindow.full(START), new SyncCounts(4, 0, 0, 0), skips);

        EventRecord event = run.toEvent();

        assertThat(event.message()).isEqualTo("full export: 4 added, 0 updated, 0 unchanged, "
                + "0 removed, 3 skipped (scheduled date is not YYYY-MM-DD or YYYYMMDD: 4:1, "
                + "9:1; scheduled time is not HH:MM: 7:2); took 1.204 s");
        SyncRunRecord read = SyncRunRecord.fromEvent(event).orElseThrow();
        assertThat(read).isEqualTo(run);
        assertThat(read.skipped()).isEqualTo(3);
        assertThat(read.skipReasons()).startsWith("scheduled date");
    }

    @Test
    void anEntryForSeveralRunsSaysHowManyAndSinceWhenAndReadsBack() {
        SyncWindow window = SyncWindow.incremental(START.minusSeconds(360), START);
        SyncRunRecord first = SyncRunRecord.succeeded("s", START, END, window,
                new SyncCounts(0, 0, 5, 0), 0);
        Instant later = END.plusSeconds(3600);
        SyncRunRecord last = SyncRunRecord.succeeded("s", later.minusMillis(80), later,
                SyncWindow.incremental(later.minusSeconds(360), later),
                new SyncCounts(0, 0, 5, 0), 0);

        SyncRunRecord folded = first.followedBy(last).followedBy(last);

        assertThat(folded.runs()).isEqualTo(3);
        assertThat(folded.firstEnded()).isEqualTo(END);
        assertThat(folded.ended()).isEqualTo(later);
        assertThat(folded.toEvent().message()).endsWith("; took 0.080 s; 3 runs like this "
                + "since 2025-03-10T15:00:01.204Z");
        assertThat(SyncRunRecord.fromEvent(folded.toEvent())).contains(folded);
    }

    @Test
    void onlyRunsThatSayNothingNewRepeatAnEntry() {
        SyncWindow changes = SyncWindow.incremental(START.minusSeconds(360), START);
        SyncRunRecord quiet = SyncRunRecord.succeeded("s", START, END, changes,
                new SyncCounts(0, 0, 5, 0), 0);
        SyncRunRecord updated = SyncRunRecord.succeeded("s", START, END, changes,
                new SyncCounts(0, 1, 4, 0), 0);
        SyncRunRecord skipped = SyncRunRecord.succeeded("s", START, END, changes,
                new SyncCounts(0, 0, 5, 0), Map.of("4:1", "no study ID"));
        SyncRunRecord full = SyncRunRecord.succeeded("s", START, END, SyncWindow.full(START),
                new SyncCounts(0, 0, 5, 0), 0);
        SyncRunRecord down = SyncRunRecord.failed("s", START, END, changes, "HTTP 503");
        SyncRunRecord downAgain = SyncRunRecord.failed("s", START, END, SyncWindow.incremental(
                START.minusSeconds(720), START), "HTTP 503");
        SyncRunRecord refused = SyncRunRecord.failed("s", START, END, changes, "HTTP 403");
        SyncRunRecord otherSource = SyncRunRecord.succeeded("t", START, END, changes,
                new SyncCounts(0, 0, 5, 0), 0);

        assertThat(quiet.repeatedBy(quiet)).isTrue();
        assertThat(down.repeatedBy(downAgain)).isTrue();
        assertThat(quiet.repeatedBy(updated)).isFalse();
        assertThat(updated.repeatedBy(quiet)).isFalse();
        assertThat(quiet.repeatedBy(skipped)).isFalse();
        assertThat(quiet.repeatedBy(full)).isFalse();
        assertThat(full.repeatedBy(quiet)).isFalse();
        assertThat(down.repeatedBy(refused)).isFalse();
        assertThat(quiet.repeatedBy(down)).isFalse();
        assertThat(quiet.repeatedBy(otherSource)).isFalse();
    }

    @Test
    void runsThatSkipTheSameRowsForTheSameReasonsRepeatAnEntry() {
        SyncWindow changes = SyncWindow.incremental(START.minusSeconds(360), START);
        SyncRunRecord skipped = SyncRunRecord.succeeded("s", START, END, changes,
                new SyncCounts(0, 0, 5, 0), Map.of("9008", "field_mapping.patient_id: the "
                        + "pattern does not match its title"));
        SyncRunRecord sameAgain = SyncRunRecord.succeeded("s", START, END, changes,
                new SyncCounts(0, 0, 5, 0), Map.of("9008", "field_mapping.patient_id: the "
                        + "pattern does not match its title"));
        SyncRunRecord otherBooking = SyncRunRecord.succeeded("s", START, END, changes,
                new SyncCounts(0, 0, 5, 0), Map.of("9009", "field_mapping.patient_id: the "
                        + "pattern does not match its title"));
        SyncRunRecord skippedAndUpdated = SyncRunRecord.succeeded("s", START, END, changes,
                new SyncCounts(0, 1, 4, 0), Map.of("9008", "field_mapping.patient_id: the "
                        + "pattern does not match its title"));
        SyncRunRecord quiet = SyncRunRecord.succeeded("s", START, END, changes,
                new SyncCounts(0, 0, 5, 0), 0);

        assertThat(skipped.repeatedBy(sameAgain)).isTrue();
        SyncRunRecord read = SyncRunRecord.fromEvent(skipped.toEvent()).orElseThrow();
        assertThat(read.repeatedBy(sameAgain)).as("as read back from the log").isTrue();
        assertThat(skipped.repeatedBy(otherBooking)).isFalse();
        assertThat(skipped.repeatedBy(skippedAndUpdated)).isFalse();
        assertThat(skipped.repeatedBy(quiet)).isFalse();
        assertThat(quiet.repeatedBy(skipped)).isFalse();
    }
}
