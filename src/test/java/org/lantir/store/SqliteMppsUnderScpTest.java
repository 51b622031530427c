package org.lantir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.net.Status;
import org.lantir.testing.DimseResponses;
import org.lantir.testing.FakeDimseRequest;
import org.lantir.testing.MppsMessages;
import org.lantir.testing.ScpHarness;
import org.lantir.worklist.EventRecord;
import org.lantir.worklist.MppsInstance;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;

/**
 * The MPPS invariants of the in-memory fake ({@code InMemoryMppsRepository}) hold on the
 * SQLite store under the worklist service and {@code MppsScp}: a duplicate N-CREATE changes
 * nothing; the instance, the worklist row's status and the event log line are written
 * together or not at all; an update never changes the instance's match, creation time or
 * calling AE; instances survive a restart.
 */
class SqliteMppsUnderScpTest {

    private static final String UID = "2.25.900000000000000000011";

    @TempDir
    Path dir;

    private Database db;
    private ScpHarness lantir;
    private WorklistItem row;

    @BeforeEach
    void open() {
        openStore();
        row = lantir.store(MppsMessages.sub001()).get(0);
    }

    @AfterEach
    void close() {
        lantir.drainEvents();
        db.close();
    }

    private void openStore() {
        db = Database.open(dir.resolve("worklist.db"), ScpHarness.CLOCK);
        lantir = ScpHarness.onSqlite(db);
    }

    @Test
    void duplicateNCreateIsRefusedAndChangesNothing() {
        lantir.nCreate(UID, MppsMessages.nCreate());
        MppsInstance before = mpps(UID);
        Dataset other = MppsMessages.nCreate();
        other.setString(Tag.PerformedProcedureStepDescription, "SOMETHING ELSE");

        DimseResponses r = lantir.nCreate(UID, other);

        assertThat(r.status()).isEqualTo(Status.DUPLICATE_SOP_INSTANCE);
        assertThat(mpps(UID)).usingRecursiveComparison().isEqualTo(before);
        assertThat(rowStatus()).isEqualTo(ProcedureStepStatus.IN_PROGRESS);
        assertThat(eventKinds()).containsExactly("MPPS_CREATED");
    }

    @Test
    void nCreateWhoseWriteFailsLeavesNeitherInstanceNorStatusNorEvent() {
        refuseEvent("MPPS_CREATED");

        DimseResponses r = lantir.nCreate(UID, MppsMessages.nCreate());

        assertThat(r.status()).isEqualTo(Status.PROCESSING_FAILURE);
        assertThat(new SqliteMppsRepository(db).find(UID)).isEmpty();
        assertThat(rowStatus()).isEqualTo(ProcedureStepStatus.SCHEDULED);
        assertThat(eventKinds()).isEmpty();
    }

    @Test
    void nSetWhoseWriteFailsChangesNothingAndALaterOneSucceeds() {
        lantir.nCreate(UID, MppsMessages.nCreate());
        MppsInstance before = mpps(UID);
        refuseEvent("MPPS_UPDATED");

        DimseResponses refused = lantir.nSet(UID, MppsMessages.nSetCompleted());

        assertThat(refused.status()).isEqualTo(Status.PROCESSING_FAILURE);
        assertThat(mpps(UID)).usingRecursiveComparison().isEqualTo(before);
        assertThat(rowStatus()).isEqualTo(ProcedureStepStatus.IN_PROGRESS);
        assertThat(eventKinds()).containsExactly("MPPS_CREATED");

        execute("DROP TRIGGER refuse_event");
        assertThat(lantir.nSet(UID, MppsMessages.nSetCompleted()).status())
                .isEqualTo(Status.SUCCESS);
        assertThat(mpps(UID).status()).isEqualTo("COMPLETED");
        assertThat(rowStatus()).isEqualTo(ProcedureStepStatus.COMPLETED);
    }

    @Test
    void nSetFromAnotherAeKeepsTheMatchCreationTimeAndCallingAe() {
        lantir.nCreate(UID, MppsMessages.nCreate());
        MppsInstance created = mpps(UID);

        DimseResponses r = lantir.call(FakeDimseRequest.nSet("OTHER_AE", UID,
                MppsMessages.nSetCompleted()));

        MppsInstance updated = mpps(UID);
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
        assertThat(updated.worklistItemId()).isEqualTo(row.id());
        assertThat(updated.matchedBy()).isEqualTo(created.matchedBy()).isNotNull();
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
        assertThat(updated.callingAeTitle()).isEqualTo("MRI_3T");
    }

    /**
     * The store itself, handed an update that claims another match, creation time and AE:
     * it keeps the stored ones and moves only the row the instance was matched to.
     */
    @Test
    void storeUpdateIgnoresAnotherMatchCreationTimeAndCallingAe() {
        WorklistItem bystander = lantir.store(MppsMessages.sub001().toBuilder()
                .patientId("SUB002").spsId("SPS-SUB002-1").studyInstanceUid("2.25.222")
                .build()).get(0);
        lantir.nCreate(UID, MppsMessages.nCreate());
        MppsInstance created = mpps(UID);
        MppsInstance forged = new MppsInstance(UID, "COMPLETED", created.attributes(),
                "OTHER_AE", Instant.EPOCH, null, bystander.id(), "patient-date");

        new SqliteMppsRepository(db).update(forged, ProcedureStepStatus.COMPLETED,
                EventRecord.of(null, "MPPS_UPDATED", "OTHER_AE", UID, bystander.id(), "test"));

        MppsInstance stored = mpps(UID);
        assertThat(stored.status()).isEqualTo("COMPLETED");
        assertThat(stored.worklistItemId()).isEqualTo(row.id());
        assertThat(stored.matchedBy()).isEqualTo(created.matchedBy());
        assertThat(stored.createdAt()).isEqualTo(created.createdAt());
        assertThat(stored.callingAeTitle()).isEqualTo("MRI_3T");
        assertThat(rowStatus()).isEqualTo(ProcedureStepStatus.COMPLETED);
        assertThat(new SqliteWorklistRepository(db).findById(bystander.id()).orElseThrow()
                .status()).isEqualTo(ProcedureStepStatus.SCHEDULED);
    }

    @Test
    void instanceCreatedBeforeARestartIsCompletedAfterIt() {
        lantir.nCreate(UID, MppsMessages.nCreate());
        close();
        openStore();

        DimseResponses r = lantir.nSet(UID, MppsMessages.nSetCompleted());

        assertThat(r.status()).isEqualTo(Status.SUCCESS);
        assertThat(rowStatus()).isEqualTo(ProcedureStepStatus.COMPLETED);
        assertThat(eventKinds()).containsExactly("MPPS_UPDATED", "MPPS_CREATED");
    }

    private MppsInstance mpps(String uid) {
        return new SqliteMppsRepository(db).find(uid).orElseThrow();
    }

    private ProcedureStepStatus rowStatus() {
        return new SqliteWorklistRepository(db).findById(row.id()).orElseThrow().status();
    }

    private java.util.List<String> eventKinds() {
        return new SqliteEventLog(db).recent(20).stream().map(EventRecord::kind).toList();
    }

    /** Makes the event-log insert of that kind fail, the last write of each transaction. */
    private void refuseEvent(String kind) {
        execute("CREATE TRIGGER refuse_event BEFORE INSERT ON event_log WHEN NEW.kind = '"
                + kind + "' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
    }

    private void execute(String sql) {
        db.inTransaction(c -> {
            try (Statement statement = c.createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }
}
