package org.lantir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.SyncCounts;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;

class ApplySyncTest {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 2);

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock("2025-06-01T06:00:00Z");
    private Database db;
    private SqliteWorklistRepository repository;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("worklist.db"), clock);
        repository = new SqliteWorklistRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aFirstSyncAddsEveryRowAsScheduled() {
        WorklistItem claimsCompleted = row("2").toBuilder()
                .status(ProcedureStepStatus.COMPLETED).build();

        SyncCounts counts = repository.applySync("redcap", List.of(row("1"), claimsCompleted),
                false);

        assertThat(counts).isEqualTo(new SyncCounts(2, 0, 0, 0));
        assertThat(repository.find(WorklistFilter.all())).extracting(WorklistItem::status)
                .containsOnly(ProcedureStepStatus.SCHEDULED);
    }

    @Test
    void aResyncCountsUpdatedAndUnchangedRows() {
        repository.applySync("redcap", List.of(row("1"), row("2")), false);
        clock.advance(Duration.ofHours(1));

        WorklistItem moved = row("2").toBuilder().scheduledStartTime(LocalTime.of(14, 0)).build();
        SyncCounts counts = repository.applySync("redcap", List.of(row("1"), moved, row("3")),
                false);

        assertThat(counts).isEqualTo(new SyncCounts(1, 1, 1, 0));
        WorklistItem stored = only("2");
        assertThat(stored.scheduledStartTime()).isEqualTo(LocalTime.of(14, 0));
        assertThat(stored.updatedAt()).isEqualTo(clock.instant());
        assertThat(stored.createdAt()).isEqualTo(clock.instant().minus(Duration.ofHours(1)));
        assertThat(only("1").updatedAt()).isEqualTo(stored.createdAt());
    }

    @Test
    void theSourceNameIsStampedOnEveryRow() {
        WorklistItem fromElsewhere = row("1").toBuilder().dataSource("calpendo").build();

        repository.applySync("redcap", List.of(fromElsewhere), false);

        assertThat(repository.find(WorklistFilter.all())).extracting(WorklistItem::dataSource)
                .containsExactly("redcap");
    }

    @Test
    void rowsThatMppsOwnsAreNeverTouched() {
        repository.applySync("redcap", List.of(row("1"), row("2"), row("3")), false);
        WorklistItem inProgress = setStatus("1", ProcedureStepStatus.IN_PROGRESS);
        WorklistItem completed = setStatus("2", ProcedureStepStatus.COMPLETED);
        clock.advance(Duration.ofHours(1));

        List<WorklistItem> changed = List.of(
                row("1").toBuilder().patientName("Renamed^One").build(),
                row("2").toBuilder().modality("CT").build(),
                row("3").toBuilder().modality("CT").build());
        SyncCounts counts = repository.applySync("redcap", changed, false);

        assertThat(counts).isEqualTo(new SyncCounts(0, 1, 2, 0));
        assertThat(only("1")).isEqualTo(inProgress);
        assertThat(only("1").updatedAt()).isEqualTo(inProgress.updatedAt());
        assertThat(only("2")).isEqualTo(completed);
        assertThat(only("3").modality()).isEqualTo("CT");
    }

    @Test
    void aCompleteSyncRemovesOnlyTheSourcesMissingScheduledRows() {
        repository.applySync("redcap", List.of(row("1"), row("2"), row("3")), false);
        repository.applySync("calpendo", List.of(row("9")), false);
        setStatus("2", ProcedureStepStatus.IN_PROGRESS);

        SyncCounts counts = repository.applySync("redcap", List.of(row("1")), true);

        assertThat(counts).isEqualTo(new SyncCounts(0, 0, 1, 1));
        assertThat(repository.find(WorklistFilter.all()))
                .extracting(WorklistItem::dataSource, WorklistItem::sourceKey)
                .containsExactlyInAnyOrder(
                        tuple("redcap", "1"),
                        tuple("redcap", "2"),
                        tuple("calpendo", "9"));
    }

    @Test
    void anIncrementalSyncRemovesNothing() {
        repository.applySync("redcap", List.of(row("1"), row("2")), false);

        SyncCounts counts = repository.applySync("redcap", List.of(row("1")), false);

        assertThat(counts).isEqualTo(new SyncCounts(0, 0, 1, 0));
        assertThat(repository.find(WorklistFilter.all())).hasSize(2);
    }

    @Test
    void anEmptyCompleteSyncEmptiesTheSourcesSchedule() {
        repository.applySync("redcap", List.of(row("1"), row("2")), false);

        SyncCounts counts = repository.applySync("redcap", List.of(), true);

        assertThat(counts).isEqualTo(new SyncCounts(0, 0, 0, 2));
        assertThat(repository.find(WorklistFilter.all())).isEmpty();
    }

    @Test
    void aRowWithoutSourceKeyFailsTheWholeSyncBeforeAnythingIsWritten() {
        WorklistItem keyless = row("2").toBuilder().sourceKey(null).build();

        assertThatThrownBy(() -> repository.applySync("redcap", List.of(row("1"), keyless),
                false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(repository.find(WorklistFilter.all())).isEmpty();
    }

    @Test
    void aFailingSyncLeavesTheStoredRowsAsTheyWere() {
        repository.applySync("redcap", List.of(row("1")), false);
        WorklistItem before = only("1");

        assertThatThrownBy(() -> db.inTransaction(c -> {
            repository.applySync("redcap", List.of(row("1").toBuilder().modality("CT").build(),
                    row("2")), true);
            throw new IllegalStateException("network gone mid-run");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(repository.find(WorklistFilter.all())).containsExactly(before);
    }

    @Test
    void removeScheduledRemovesOnlyScheduledRowsOfThatSource() {
        repository.applySync("redcap", List.of(row("1"), row("2"), row("3")), false);
        repository.applySync("calpendo", List.of(row("1")), false);
        setStatus("2", ProcedureStepStatus.COMPLETED);

        int removed = repository.removeScheduled("redcap", List.of("1", "2", "unknown"));

        assertThat(removed).isEqualTo(1);
        assertThat(repository.find(WorklistFilter.all()))
                .extracting(WorklistItem::dataSource, WorklistItem::sourceKey)
                .containsExactlyInAnyOrder(
                        tuple("redcap", "2"),
                        tuple("redcap", "3"),
                        tuple("calpendo", "1"));
    }

    private WorklistItem row(String key) {
        return TestItems.scheduled("redcap", key, DAY, LocalTime.of(9, 0));
    }

    private WorklistItem setStatus(String key, ProcedureStepStatus status) {
        return repository.update(only(key).toBuilder().status(status).build());
    }

    private WorklistItem only(String key) {
        return repository.find(WorklistFilter.all()).stream()
                .filter(item -> "redcap".equals(item.dataSource()))
                .filter(item -> key.equals(item.sourceKey()))
                .findFirst().orElseThrow();
    }
}
