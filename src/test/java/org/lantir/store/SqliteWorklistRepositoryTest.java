package org.lantir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;

class SqliteWorklistRepositoryTest {

    private static final LocalDate JUNE_1 = LocalDate.of(2025, 6, 1);
    private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);
    private static final LocalDate JUNE_3 = LocalDate.of(2025, 6, 3);

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock("2025-05-30T08:00:00Z");
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
    void everyFieldSurvivesARoundTrip() {
        WorklistItem original = TestItems.full().toBuilder()
                .status(ProcedureStepStatus.IN_PROGRESS).build();

        WorklistItem stored = repository.insert(original);
        WorklistItem read = repository.findById(stored.id()).orElseThrow();

        assertThat(read.toBuilder().sameContent(original.toBuilder())).isTrue();
        assertThat(read.status()).isEqualTo(ProcedureStepStatus.IN_PROGRESS);
        assertThat(read.patientWeightKg()).isEqualTo(new BigDecimal("41.50"));
        assertThat(read.scheduledStartTime()).isEqualTo(LocalTime.of(9, 30, 15, 123_456_000));
        assertThat(read.createdAt()).isEqualTo(clock.instant());
        assertThat(read.updatedAt()).isEqualTo(clock.instant());
        assertThat(read).isEqualTo(stored);
    }

    @Test
    void commentsOfTheFullLtLengthComeBackCharacterForCharacter() {
        String comment = TestItems.comment(10240);
        WorklistItem original = TestItems.full().toBuilder().patientComments(comment)
                .requestedProcedureComments(comment.toUpperCase(java.util.Locale.ROOT))
                .spsComments(comment.strip()).build();

        WorklistItem read = repository.findById(repository.insert(original).id()).orElseThrow();

        assertThat(read.patientComments()).hasSize(10240).isEqualTo(comment);
        assertThat(read.requestedProcedureComments())
                .isEqualTo(original.requestedProcedureComments());
        assertThat(read.spsComments()).isEqualTo(original.spsComments());
    }

    @Test
    void commentsThatWereNeverGivenReadBackAsNone() {
        WorklistItem stored = repository.insert(TestItems.scheduled("s", "k", JUNE_2,
                LocalTime.NOON));

        WorklistItem read = repository.findById(stored.id()).orElseThrow();

        assertThat(read.patientComments()).isNull();
        assertThat(read.requestedProcedureComments()).isNull();
        assertThat(read.spsComments()).isNull();
    }

    /** The worklist service refuses it first; the store holds the line for any other writer. */
    @Test
    void theStoreRefusesACommentOverTheLtLimitAndKeepsWhatItHad() {
        WorklistItem stored = repository.insert(TestItems.full());
        WorklistItem tooLong = stored.toBuilder().spsComments(TestItems.comment(10241)).build();

        assertThatThrownBy(() -> repository.update(tooLong)).isInstanceOf(StoreException.class)
                .hasMessageContaining("CHECK");
        assertThatThrownBy(() -> repository.insert(tooLong.toBuilder().id(null)
                .sourceKey("other").build())).isInstanceOf(StoreException.class);

        assertThat(repository.find(WorklistFilter.all())).containsExactly(stored);
        assertThat(repository.findById(stored.id()).orElseThrow().spsComments())
                .isEqualTo(TestItems.full().spsComments());
    }

    @Test
    void aRowWithOnlyAStatusSurvivesARoundTrip() {
        WorklistItem stored = repository.insert(WorklistItem.builder().build());

        WorklistItem read = repository.findById(stored.id()).orElseThrow();

        assertThat(read.toBuilder().sameContent(WorklistItem.builder())).isTrue();
        assertThat(read.status()).isEqualTo(ProcedureStepStatus.SCHEDULED);
    }

    @Test
    void datesAndTimesAreStoredAsSortableIsoText() {
        WorklistItem stored = repository.insert(TestItems.full());

        String[] text = db.read(c -> {
            try (var s = c.createStatement(); var row = s.executeQuery("SELECT "
                    + "scheduled_start_date, scheduled_start_time, patient_birth_date, "
                    + "created_at FROM worklist_item WHERE id = " + stored.id())) {
                row.next();
                return new String[] {row.getString(1), row.getString(2), row.getString(3),
                    row.getString(4)};
            }
        });

        assertThat(text).containsExactly("2025-06-02", "09:30:15.123456", "2012-03-04",
                "2025-05-30T08:00:00.000000000Z");
    }

    @Test
    void insertRefusesARowThatAlreadyHasAnId() {
        WorklistItem stored = repository.insert(TestItems.full());

        assertThatThrownBy(() -> repository.insert(stored))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecondRowWithTheSameSourceAndKeyIsRefused() {
        repository.insert(TestItems.full());

        assertThatThrownBy(() -> repository.insert(TestItems.full()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("UNIQUE");
        assertThat(repository.find(WorklistFilter.all())).hasSize(1);
    }

    @Test
    void rowsWithoutSourceKeysMayRepeat() {
        WorklistItem manual = TestItems.full().toBuilder().dataSource(null).sourceKey(null)
                .build();

        repository.insert(manual);
        repository.insert(manual);

        assertThat(repository.find(WorklistFilter.all())).hasSize(2);
    }

    @Test
    void updateReplacesTheRowKeepsCreatedAtAndMovesUpdatedAt() {
        WorklistItem stored = repository.insert(TestItems.full());
        Instant created = clock.instant();
        clock.advance(Duration.ofMinutes(5));

        WorklistItem updated = repository.update(stored.toBuilder().modality("CT")
                .patientWeightKg(null).status(ProcedureStepStatus.COMPLETED).build());

        assertThat(updated.modality()).isEqualTo("CT");
        assertThat(updated.patientWeightKg()).isNull();
        assertThat(updated.status()).isEqualTo(ProcedureStepStatus.COMPLETED);
        assertThat(updated.createdAt()).isEqualTo(created);
        assertThat(updated.updatedAt()).isEqualTo(clock.instant());
        assertThat(repository.findById(stored.id())).contains(updated);
    }

    @Test
    void updateOfAnUnknownRowFails() {
        WorklistItem ghost = TestItems.full().toBuilder().id(999L).build();

        assertThatThrownBy(() -> repository.update(ghost))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void deleteRemovesTheRowAndSaysWhetherThereWasOne() {
        WorklistItem stored = repository.insert(TestItems.full());

        assertThat(repository.delete(stored.id())).isTrue();
        assertThat(repository.delete(stored.id())).isFalse();
        assertThat(repository.findById(stored.id())).isEmpty();
    }

    @Test
    void idsOfDeletedRowsAreNotReused() {
        WorklistItem first = repository.insert(TestItems.full());
        repository.delete(first.id());

        WorklistItem second = repository.insert(TestItems.full());

        assertThat(second.id()).isGreaterThan(first.id());
    }

    @Test
    void findOrdersByDateThenTimeThenId() {
        WorklistItem late = insert("late", JUNE_2, LocalTime.of(15, 0));
        WorklistItem early = insert("early", JUNE_2, LocalTime.of(9, 5));
        WorklistItem firstDay = insert("first", JUNE_1, LocalTime.of(23, 0));
        WorklistItem sameTime = insert("same", JUNE_2, LocalTime.of(9, 5));
        WorklistItem fraction = insert("fraction", JUNE_2, LocalTime.of(9, 5, 0, 500_000));

        assertThat(repository.find(WorklistFilter.all())).extracting(WorklistItem::id)
                .containsExactly(firstDay.id(), early.id(), sameTime.id(), fraction.id(),
                        late.id());
    }

    @Test
    void aNullFilterFieldDoesNotNarrow() {
        insertSpread();

        assertThat(repository.find(WorklistFilter.all())).hasSize(6);
    }

    @Test
    void filtersOnAnInclusiveDateRange() {
        insertSpread();

        assertThat(keys(new WorklistFilter(JUNE_1, JUNE_2, null, null, null, null, 0)))
                .containsExactlyInAnyOrder("d1", "d2", "ct", "other-ae", "done");
        assertThat(keys(WorklistFilter.onDate(JUNE_3))).containsExactly("d3");
    }

    @Test
    void filtersOnOpenEndedDateRanges() {
        insertSpread();

        assertThat(keys(new WorklistFilter(JUNE_2, null, null, null, null, null, 0)))
                .containsExactlyInAnyOrder("d2", "ct", "other-ae", "done", "d3");
        assertThat(keys(new WorklistFilter(null, JUNE_1, null, null, null, null, 0)))
                .containsExactly("d1");
    }

    @Test
    void filtersOnStationAeTitle() {
        insertSpread();

        assertThat(keys(new WorklistFilter(null, null, "OTHER_AE", null, null, null, 0)))
                .containsExactly("other-ae");
    }

    @Test
    void filtersOnModality() {
        insertSpread();

        assertThat(keys(new WorklistFilter(null, null, null, "CT", null, null, 0)))
                .containsExactly("ct");
    }

    @Test
    void filtersOnPatientId() {
        insertSpread();

        assertThat(keys(new WorklistFilter(null, null, null, null, "PID-d3", null, 0)))
                .containsExactly("d3");
    }

    @Test
    void filtersOnStatuses() {
        insertSpread();

        Set<ProcedureStepStatus> finished =
                EnumSet.of(ProcedureStepStatus.COMPLETED, ProcedureStepStatus.DISCONTINUED);
        assertThat(keys(new WorklistFilter(null, null, null, null, null, finished, 0)))
                .containsExactly("done");
        assertThat(keys(new WorklistFilter(null, null, null, null, null,
                EnumSet.of(ProcedureStepStatus.SCHEDULED), 0))).hasSize(5);
    }

    @Test
    void anEmptyStatusSetMatchesNothing() {
        insertSpread();

        assertThat(keys(new WorklistFilter(null, null, null, null, null,
                EnumSet.noneOf(ProcedureStepStatus.class), 0))).isEmpty();
    }

    @Test
    void combinesFilterFieldsAndHonoursTheLimit() {
        insertSpread();

        WorklistFilter todayMrThisStation = new WorklistFilter(JUNE_2, JUNE_2, "MRI_SCANNER",
                "MR", null, EnumSet.of(ProcedureStepStatus.SCHEDULED), 0);
        assertThat(keys(todayMrThisStation)).containsExactly("d2");
        assertThat(repository.find(new WorklistFilter(null, null, null, null, null, null, 2)))
                .extracting(WorklistItem::sourceKey).containsExactly("d1", "d2");
    }

    @Test
    void scanVisitsRowsInOrderAndStopsWhenTheVisitorSaysSo() {
        insertSpread();
        List<String> visited = new ArrayList<>();

        repository.scan(WorklistFilter.all(), item -> {
            visited.add(item.sourceKey());
            return visited.size() < 2;
        });

        assertThat(visited).containsExactly("d1", "d2");
    }

    @Test
    void scanAppliesTheFilter() {
        insertSpread();
        List<String> visited = new ArrayList<>();

        repository.scan(WorklistFilter.onDate(JUNE_3), item -> visited.add(item.sourceKey()));

        assertThat(visited).containsExactly("d3");
    }

    @Test
    void findsByStudyInstanceUid() {
        WorklistItem stored = repository.insert(TestItems.full());
        insertSpread();

        assertThat(repository.findByStudyInstanceUid("2.25.1234567890123456789"))
                .containsExactly(stored);
        assertThat(repository.findByStudyInstanceUid("2.25.1")).isEmpty();
    }

    @Test
    void findsBySpsIdWithOrWithoutRequestedProcedureId() {
        WorklistItem stored = repository.insert(TestItems.full());
        repository.insert(TestItems.full().toBuilder().sourceKey("other")
                .requestedProcedureId("RP0002").build());

        assertThat(repository.findBySpsId("SPS0001", "RP0001")).containsExactly(stored);
        assertThat(repository.findBySpsId("SPS0001", null)).hasSize(2);
        assertThat(repository.findBySpsId("SPS0001", "RP0003")).isEmpty();
    }

    @Test
    void findsByAccessionNumber() {
        WorklistItem stored = repository.insert(TestItems.full());
        insertSpread();

        assertThat(repository.findByAccessionNumber("ACC0001")).containsExactly(stored);
        assertThat(repository.findByAccessionNumber("ACC0002")).isEmpty();
    }

    @Test
    void rowsSurviveARestart() {
        WorklistItem stored = repository.insert(TestItems.full());
        db.close();

        db = Database.open(dir.resolve("worklist.db"), clock);
        repository = new SqliteWorklistRepository(db);

        assertThat(repository.findById(stored.id())).contains(stored);
    }

    @Test
    void findBySourceKeysEveryRowOfThatSourceBySourceKey() {
        WorklistItem k1 = insert("k1", JUNE_1, LocalTime.of(9, 0));
        WorklistItem done = repository.insert(TestItems.scheduled("s", "done", JUNE_2,
                LocalTime.of(9, 0)).toBuilder().status(ProcedureStepStatus.COMPLETED).build());
        repository.insert(TestItems.scheduled("other", "k1", JUNE_1, LocalTime.of(9, 0)));
        repository.insert(TestItems.scheduled("s", null, JUNE_1, LocalTime.of(10, 0)));
        repository.insert(TestItems.scheduled(null, "k9", JUNE_1, LocalTime.of(11, 0)));

        var rows = repository.findBySource("s");

        assertThat(rows).containsOnlyKeys("k1", "done");
        assertThat(rows.get("k1")).isEqualTo(k1);
        assertThat(rows.get("done")).isEqualTo(done);
        assertThat(repository.findBySource("nobody")).isEmpty();
    }

    @Test
    void findBySourceReadsTheSourceKeyIndexInsteadOfScanning() {
        List<String> plan = db.read(c -> {
            List<String> steps = new ArrayList<>();
            try (var explain = c.prepareStatement("EXPLAIN QUERY PLAN "
                    + SqliteWorklistRepository.SELECT_BY_SOURCE)) {
                explain.setString(1, "s");
                try (var rows = explain.executeQuery()) {
                    while (rows.next()) {
                        steps.add(rows.getString("detail"));
                    }
                }
            }
            return steps;
        });

        assertThat(plan).anySatisfy(step -> assertThat(step)
                .contains("USING INDEX worklist_item_source_key"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).startsWith("SCAN"));
    }

    @Test
    void inTransactionKeepsEveryWriteOfItsWorkTogether() throws Exception {
        WorklistItem k1 = insert("k1", JUNE_1, LocalTime.of(9, 0));
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            WorklistItem seenElsewhere = repository.inTransaction(() -> {
                repository.update(k1.toBuilder().sourceKey("k1-new").build());
                insert("k2", JUNE_2, LocalTime.of(9, 0));
                assertThat(repository.findBySource("s")).containsOnlyKeys("k1-new", "k2");
                return await(other.submit(() -> repository.findById(k1.id()).orElseThrow()));
            });

            assertThat(seenElsewhere.sourceKey()).as("uncommitted, so unseen").isEqualTo("k1");
        } finally {
            other.shutdownNow();
        }
        assertThat(repository.findBySource("s")).containsOnlyKeys("k1-new", "k2");
    }

    @Test
    void inTransactionKeepsNothingWhenItsWorkFails() {
        WorklistItem k1 = insert("k1", JUNE_1, LocalTime.of(9, 0));

        assertThatThrownBy(() -> repository.inTransaction(() -> {
            repository.update(k1.toBuilder().sourceKey("k1-new").build());
            repository.applySync("s", List.of(TestItems.scheduled("s", "k2", JUNE_2,
                    LocalTime.of(9, 0))), true);
            throw new IllegalStateException("decided to stop");
        })).hasMessage("decided to stop");

        assertThat(repository.find(WorklistFilter.all())).containsExactly(k1);
    }

    private static <T> T await(Future<T> result) {
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the other thread failed", e);
        }
    }

    /** d1 (June 1), d2, ct, other-ae, done (June 2, COMPLETED), d3 (June 3). */
    private void insertSpread() {
        insert("d1", JUNE_1, LocalTime.of(9, 0));
        insert("d2", JUNE_2, LocalTime.of(9, 0));
        repository.insert(TestItems.scheduled("s", "ct", JUNE_2, LocalTime.of(10, 0))
                .toBuilder().modality("CT").build());
        repository.insert(TestItems.scheduled("s", "other-ae", JUNE_2, LocalTime.of(11, 0))
                .toBuilder().scheduledStationAeTitle("OTHER_AE").build());
        repository.insert(TestItems.scheduled("s", "done", JUNE_2, LocalTime.of(12, 0))
                .toBuilder().status(ProcedureStepStatus.COMPLETED).build());
        insert("d3", JUNE_3, LocalTime.of(9, 0));
    }

    private WorklistItem insert(String key, LocalDate date, LocalTime time) {
        return repository.insert(TestItems.scheduled("s", key, date, time));
    }

    private List<String> keys(WorklistFilter filter) {
        return repository.find(filter).stream().map(WorklistItem::sourceKey).toList();
    }

    @Test
    void participantsAreTheOtherSourcesRowsOfTheDatesWithWhoAndWhen() {
        LocalDate born = LocalDate.of(2014, 2, 3);
        repository.applySync("a", List.of(TestItems.scheduled("a", "a1", JUNE_2, LocalTime.NOON)
                .toBuilder().patientBirthDate(born).build()), false);
        repository.applySync("b", List.of(TestItems.scheduled("b", "b1", JUNE_2,
                LocalTime.NOON), TestItems.scheduled("b", "b2", JUNE_3, LocalTime.NOON)), false);
        repository.insert(TestItems.scheduled(null, null, JUNE_2, LocalTime.NOON));
        WorklistItem stored = repository.findBySource("a").get("a1");

        List<WorklistItem> seen = new java.util.ArrayList<>();
        repository.scanParticipants(JUNE_1, JUNE_2, "b", seen::add);

        assertThat(seen).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo(stored.id());
            assertThat(row.dataSource()).isEqualTo("a");
            assertThat(row.sourceKey()).isEqualTo("a1");
            assertThat(row.patientId()).isEqualTo(stored.patientId()).isNotNull();
            assertThat(row.patientName()).isEqualTo(stored.patientName()).isNotNull();
            assertThat(row.patientBirthDate()).isEqualTo(born);
            assertThat(row.scheduledStartDate()).isEqualTo(JUNE_2);
        });
    }
}
