package org.lantir.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.dicom.data.Tag;
import org.lantir.events.LantirEvent.MppsChanged;
import org.lantir.store.Database;
import org.lantir.store.SqliteEventLog;
import org.lantir.testing.MppsMessages;
import org.lantir.testing.ScpHarness;
import org.lantir.testing.TestLantir;

/**
 * What an MPPS step leaves for the console: the feed tells each change with the status before
 * it, and the event log's lines read back as the same steps after a restart.
 */
class MppsEventsTest {

    private static final String UID = "2.25.900000000000000000031";

    @TempDir
    Path dir;

    private final TestLantir lantir = new TestLantir();

    @Test
    void theFeedTellsACreateAndAnUpdateWithTheStatusBefore() {
        WorklistItem row = lantir.store(MppsMessages.sub001()).get(0);

        lantir.nCreate(UID, MppsMessages.nCreate());
        lantir.nSet(UID, MppsMessages.nSetCompleted());

        List<MppsChanged> changes = lantir.drainEvents().stream()
                .filter(MppsChanged.class::isInstance).map(MppsChanged.class::cast).toList();
        assertThat(changes).extracting(MppsChanged::previousStatus, MppsChanged::status,
                MppsChanged::worklistItemId).containsExactly(
                        tuple(null, "IN PROGRESS", row.id()),
                        tuple("IN PROGRESS", "COMPLETED",
                                row.id()));
        assertThat(changes.get(0).created()).isTrue();
        assertThat(changes.get(1).created()).isFalse();
    }

    @Test
    void theLogLinesReadBackAsTheSameStepsAfterARestart() {
        Path file = dir.resolve("w.db");
        try (Database db = Database.open(file)) {
            ScpHarness lantir = ScpHarness.onSqlite(db);
            lantir.store(MppsMessages.sub001());
            lantir.nCreate(UID, MppsMessages.nCreate());
            lantir.nSet(UID, MppsMessages.nSetCompleted());
            lantir.nCreate("2.25.77", MppsMessages.nCreate().setString(Tag.PatientID,
                    "NOBODY"));
        }

        List<EventRecord> newestFirst;
        try (Database db = Database.open(file)) {
            newestFirst = new SqliteEventLog(db).recentOfKind(MppsEvents.KIND_PREFIX, null, 10);
        }

        assertThat(newestFirst).extracting(EventRecord::kind).containsExactly(
                MppsEvents.CREATED, MppsEvents.UPDATED, MppsEvents.CREATED);
        assertThat(newestFirst).extracting(MppsEvents::previousStatusOf)
                .containsExactly(null, "IN PROGRESS", null);
        assertThat(newestFirst).extracting(MppsEvents::statusOf)
                .containsExactly("IN PROGRESS", "COMPLETED", "IN PROGRESS");
        assertThat(newestFirst.get(0).worklistItemId()).as("unmatched").isNull();
    }

    @Test
    void aLineWithoutAMessageHasNoStatus() {
        EventRecord bare = EventRecord.of(null, MppsEvents.CREATED, "X", "2.25.1", null, null);

        assertThat(MppsEvents.statusOf(bare)).isNull();
        assertThat(MppsEvents.statusOf(EventRecord.of(null, MppsEvents.UPDATED, "X", "2.25.1",
                null, "DISCONTINUED"))).isEqualTo("DISCONTINUED");
    }
}
