package org.lantir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.worklist.EventRecord;
import org.lantir.worklist.MppsInstance;
import org.lantir.worklist.MppsRepository.DuplicateMppsException;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;

class SqliteMppsRepositoryTest {

    private static final String UID = "2.25.331122334455667788990011223344556677";
    private static final byte[] CREATE_ATTRIBUTES = "n-create".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SET_ATTRIBUTES = "n-create+n-set".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock("2025-06-02T09:00:00Z");
    private Database db;
    private SqliteWorklistRepository worklist;
    private SqliteMppsRepository mpps;
    private SqliteEventLog events;
    private WorklistItem item;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("worklist.db"), clock);
        worklist = new SqliteWorklistRepository(db);
        mpps = new SqliteMppsRepository(db);
        events = new SqliteEventLog(db);
        item = worklist.insert(TestItems.full());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void createStoresTheInstanceMovesTheRowAndLogsInOneGo() {
        clock.advance(Duration.ofMinutes(1));

        mpps.create(created(item.id()), ProcedureStepStatus.IN_PROGRESS, event("MPPS_CREATED"));

        MppsInstance stored = mpps.find(UID).orElseThrow();
        assertThat(stored.status()).isEqualTo("IN PROGRESS");
        assertThat(stored.attributes()).isEqualTo(CREATE_ATTRIBUTES);
        assertThat(stored.callingAeTitle()).isEqualTo("MRI_SCANNER");
        assertThat(stored.worklistItemId()).isEqualTo(item.id());
        assertThat(stored.matchedBy()).isEqualTo("scheduled-step");
        assertThat(stored.createdAt()).isEqualTo(clock.instant());
        assertThat(stored.updatedAt()).isEqualTo(clock.instant());
        WorklistItem row = worklist.findById(item.id()).orElseThrow();
        assertThat(row.status()).isEqualTo(ProcedureStepStatus.IN_PROGRESS);
        assertThat(row.updatedAt()).isEqualTo(clock.instant());
        assertThat(events.recent(10)).extracting(EventRecord::kind)
                .containsExactly("MPPS_CREATED");
    }

    @Test
    void anUnmatchedInstanceIsStoredWithoutTouchingTheWorklist() {
        mpps.create(created(null), ProcedureStepStatus.IN_PROGRESS, event("MPPS_CREATED"));

        assertThat(mpps.find(UID).orElseThrow().worklistItemId()).isNull();
        assertThat(worklist.findById(item.id()).orElseThrow()).isEqualTo(item);
    }

    @Test
    void aDuplicateCreateWritesNothing() {
        mpps.create(created(item.id()), ProcedureStepStatus.IN_PROGRESS, event("MPPS_CREATED"));
        worklist.update(worklist.findById(item.id()).orElseThrow().toBuilder()
                .status(ProcedureStepStatus.SCHEDULED).build());
        WorklistItem before = worklist.findById(item.id()).orElseThrow();

        assertThatThrownBy(() -> mpps.create(created(item.id()), ProcedureStepStatus.IN_PROGRESS,
                event("MPPS_CREATED_AGAIN"))).isInstanceOf(DuplicateMppsException.class);

        assertThat(worklist.findById(item.id())).contains(before);
        assertThat(events.recent(10)).extracting(EventRecord::kind)
                .containsExactly("MPPS_CREATED");
        assertThat(mpps.find(UID).orElseThrow().attributes()).isEqualTo(CREATE_ATTRIBUTES);
    }

    @Test
    void aFailingEventAppendUndoesTheInstanceAndTheStatusChange() {
        EventRecord broken = event(null);

        assertThatThrownBy(() -> mpps.create(created(item.id()), ProcedureStepStatus.IN_PROGRESS,
                broken)).isInstanceOf(StoreException.class);

        assertThat(mpps.find(UID)).isEmpty();
        assertThat(worklist.findById(item.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.SCHEDULED);
        assertThat(events.recent(10)).isEmpty();
    }

    @Test
    void aCreateMatchedToAVanishedRowWritesNothing() {
        worklist.delete(item.id());

        assertThatThrownBy(() -> mpps.create(created(item.id()), ProcedureStepStatus.IN_PROGRESS,
                event("MPPS_CREATED"))).isInstanceOf(StoreException.class);

        assertThat(mpps.find(UID)).isEmpty();
        assertThat(events.recent(10)).isEmpty();
    }

    @Test
    void updateReplacesStatusAndAttributesAndMovesTheMatchedRow() {
        mpps.create(created(item.id()), ProcedureStepStatus.IN_PROGRESS, event("MPPS_CREATED"));
        clock.advance(Duration.ofMinutes(40));
        MppsInstance stored = mpps.find(UID).orElseThrow();

        mpps.update(stored.withUpdate("COMPLETED", SET_ATTRIBUTES, clock.instant()),
                ProcedureStepStatus.COMPLETED, event("MPPS_UPDATED"));

        MppsInstance updated = mpps.find(UID).orElseThrow();
        assertThat(updated.status()).isEqualTo("COMPLETED");
        assertThat(updated.attributes()).isEqualTo(SET_ATTRIBUTES);
        assertThat(updated.createdAt()).isEqualTo(stored.createdAt());
        assertThat(updated.updatedAt()).isEqualTo(clock.instant());
        assertThat(worklist.findById(item.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.COMPLETED);
        assertThat(events.recent(10)).extracting(EventRecord::kind)
                .containsExactly("MPPS_UPDATED", "MPPS_CREATED");
    }

    @Test
    void anUpdateWithoutItemStatusLeavesTheRow() {
        mpps.create(created(item.id()), ProcedureStepStatus.IN_PROGRESS, event("MPPS_CREATED"));

        mpps.update(mpps.find(UID).orElseThrow().withUpdate("IN PROGRESS", SET_ATTRIBUTES,
                clock.instant()), null, event("MPPS_UPDATED"));

        assertThat(worklist.findById(item.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.IN_PROGRESS);
    }

    @Test
    void aFailingUpdateChangesNothing() {
        mpps.create(created(item.id()), ProcedureStepStatus.IN_PROGRESS, event("MPPS_CREATED"));
        MppsInstance stored = mpps.find(UID).orElseThrow();

        assertThatThrownBy(() -> mpps.update(stored.withUpdate("COMPLETED", SET_ATTRIBUTES,
                clock.instant()), ProcedureStepStatus.COMPLETED, event(null)))
                .isInstanceOf(StoreException.class);

        assertThat(mpps.find(UID).orElseThrow().status()).isEqualTo("IN PROGRESS");
        assertThat(worklist.findById(item.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.IN_PROGRESS);
        assertThat(events.recent(10)).hasSize(1);
    }

    @Test
    void anUpdateOfAnUnknownInstanceWritesNothing() {
        assertThatThrownBy(() -> mpps.update(created(item.id()), ProcedureStepStatus.COMPLETED,
                event("MPPS_UPDATED"))).isInstanceOf(NoSuchElementException.class);

        assertThat(worklist.findById(item.id())).contains(item);
        assertThat(events.recent(10)).isEmpty();
    }

    @Test
    void removingTheMatchedRowKeepsTheInstanceUnmatched() {
        mpps.create(created(item.id()), ProcedureStepStatus.IN_PROGRESS, event("MPPS_CREATED"));

        worklist.delete(item.id());

        assertThat(mpps.find(UID).orElseThrow().worklistItemId()).isNull();
    }

    @Test
    void listsRecentInstancesNewestFirstAndThoseOfARow() {
        mpps.create(created(item.id()), ProcedureStepStatus.IN_PROGRESS, event("MPPS_CREATED"));
        clock.advance(Duration.ofMinutes(1));
        mpps.create(instance("2.25.2", null), ProcedureStepStatus.IN_PROGRESS,
                event("MPPS_CREATED"));

        assertThat(mpps.recent(10)).extracting(MppsInstance::sopInstanceUid)
                .containsExactly("2.25.2", UID);
        assertThat(mpps.recent(1)).hasSize(1);
        assertThat(mpps.findByWorklistItem(item.id())).extracting(MppsInstance::sopInstanceUid)
                .containsExactly(UID);
    }

    @Test
    void instancesAndStatusesSurviveARestart() {
        mpps.create(created(item.id()), ProcedureStepStatus.IN_PROGRESS, event("MPPS_CREATED"));
        MppsInstance stored = mpps.find(UID).orElseThrow();
        db.close();

        db = Database.open(dir.resolve("worklist.db"), clock);
        mpps = new SqliteMppsRepository(db);
        worklist = new SqliteWorklistRepository(db);

        MppsInstance reread = mpps.find(UID).orElseThrow();
        assertThat(reread.attributes()).isEqualTo(stored.attributes());
        assertThat(reread.createdAt()).isEqualTo(stored.createdAt());
        assertThat(reread.worklistItemId()).isEqualTo(item.id());
        assertThat(worklist.findById(item.id()).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.IN_PROGRESS);
    }

    private MppsInstance created(Long worklistItemId) {
        return instance(UID, worklistItemId);
    }

    private static MppsInstance instance(String uid, Long worklistItemId) {
        return new MppsInstance(uid, "IN PROGRESS", CREATE_ATTRIBUTES, "MRI_SCANNER", null, null,
                worklistItemId, worklistItemId == null ? null : "scheduled-step");
    }

    private EventRecord event(String kind) {
        return EventRecord.of(null, kind, "MRI_SCANNER", UID, item.id(), "MPPS event");
    }
}
