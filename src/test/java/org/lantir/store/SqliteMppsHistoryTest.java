package org.lantir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.testing.MppsMessages;
import org.lantir.testing.ScpHarness;
import org.lantir.testing.WorklistRows;
import org.lantir.worklist.MppsInstance;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;

/**
 * On the SQLite store: a row's MPPS history ({@code WorklistService.mppsFor}) as the console's
 * details show it, across a restart; and the hand edits that read, check and write in one
 * transaction (cancel, edit) work inside the store's own transactions.
 */
class SqliteMppsHistoryTest {

    @TempDir
    Path dir;

    private Database db;
    private ScpHarness lantir;
    private WorklistItem row;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("worklist.db"), ScpHarness.CLOCK);
        lantir = ScpHarness.onSqlite(db);
        row = lantir.service().add(MppsMessages.sub001());
    }

    @AfterEach
    void close() {
        lantir.drainEvents();
        db.close();
    }

    @Test
    void historyHoldsEveryInstanceMatchedToTheRowOldestFirstAcrossARestart() {
        WorklistItem other = lantir.service().add(WorklistRows.w2());
        lantir.nCreate("2.25.1", MppsMessages.nCreate());
        lantir.nSet("2.25.1", MppsMessages.nSetCompleted());
        lantir.nCreate("2.25.2", MppsMessages.nCreate());
        db.close();
        db = Database.open(dir.resolve("worklist.db"), ScpHarness.CLOCK);
        lantir = ScpHarness.onSqlite(db);

        assertThat(lantir.service().mppsFor(row.id()))
                .extracting(MppsInstance::sopInstanceUid, MppsInstance::status,
                        MppsInstance::callingAeTitle)
                .containsExactly(tuple("2.25.1", "COMPLETED", "MRI_3T"),
                        tuple("2.25.2", "IN PROGRESS", "MRI_3T"));
        assertThat(lantir.service().mppsFor(other.id())).isEmpty();
    }

    @Test
    void cancelRefusesAStartedStepAndLeavesItAsMppsSetIt() {
        lantir.nCreate("2.25.1", MppsMessages.nCreate());

        assertThatThrownBy(() -> lantir.service().cancel(row.id()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(lantir.service().get(row.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.IN_PROGRESS);
    }

    @Test
    void cancelAndEditOfAScheduledRowAreStored() {
        WorklistItem edited = lantir.service().edit(row.toBuilder().patientName("DOE^JANET")
                .build());
        WorklistItem cancelled = lantir.service().cancel(row.id());

        assertThat(edited.patientName()).isEqualTo("DOE^JANET");
        assertThat(cancelled.status()).isEqualTo(ProcedureStepStatus.DISCONTINUED);
        assertThat(lantir.service().get(row.id()).orElseThrow().patientName())
                .isEqualTo("DOE^JANET");
    }
}
