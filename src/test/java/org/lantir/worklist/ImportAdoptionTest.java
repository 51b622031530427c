package org.lantir.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantir.events.LantirEvent;
import org.lantir.testing.TestLantir;
import org.slf4j.LoggerFactory;

/**
 * The adoption rule over the in-memory stores: which imported rows a sync may adopt, what an
 * adopted row keeps, and when it adopts nothing. The SQLite store, with a real file of the
 * Python tool's, is exercised in {@code org.lantir.store.PylantirAdoptionTest}.
 */
class ImportAdoptionTest {

    private static final LocalDate DAY = LocalDate.of(2025, 2, 12);

    private final TestLantir lantir = new TestLantir();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger worklistLogger =
            (Logger) LoggerFactory.getLogger("org.lantir.worklist");

    @BeforeEach
    void captureLog() {
        log.start();
        worklistLogger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        worklistLogger.detachAppender(log);
    }

    private static WorklistItem booking(String key, String patientId) {
        return WorklistItem.builder().sourceKey(key).patientName("SUBJECT^" + key)
                .patientId(patientId).modality("MR").scheduledStationAeTitle("MRI_3T")
                .scheduledStartDate(DAY).scheduledStartTime(LocalTime.of(9, 0)).build();
    }

    private WorklistItem imported(String rowId, String source, String patientId,
            ProcedureStepStatus status) {
        return lantir.store(booking(ImportedRows.sourceKey(rowId), patientId).toBuilder()
                .dataSource(source).patientName("OLD^NAME").status(status)
                .studyInstanceUid("2.25.77" + rowId).spsId("SPS" + rowId)
                .requestedProcedureId("RP" + rowId).accessionNumber("ACC" + rowId).build())
                .get(0);
    }

    private WorklistItem stored(long id) {
        return lantir.worklist.findById(id).orElseThrow();
    }

    @Test
    void anImportedRowOfTheSyncingSourceIsAdoptedAndTheChangeIsToldOnce() {
        WorklistItem old = imported("5", "redcap", "P1", ProcedureStepStatus.SCHEDULED);

        SyncCounts counts = lantir.service().applySync("redcap", List.of(booking("1:1", "P1")),
                false);

        assertThat(counts).isEqualTo(new SyncCounts(0, 1, 0, 0));
        WorklistItem adopted = stored(old.id());
        assertThat(adopted.sourceKey()).isEqualTo("1:1");
        assertThat(adopted.patientName()).isEqualTo("SUBJECT^1:1");
        assertThat(adopted.studyInstanceUid()).isEqualTo("2.25.775");
        assertThat(lantir.worklist.all()).hasSize(1);
        assertThat(lantir.drainEvents()).singleElement().isInstanceOfSatisfying(
                LantirEvent.WorklistChanged.class, e -> assertThat(e.updated()).isEqualTo(1));
    }

    @Test
    void anImportedRowNamedAfterAnotherSourceWaitsForThatSource() {
        WorklistItem old = imported("5", "redcap_legacy", "P1", ProcedureStepStatus.SCHEDULED);

        SyncCounts other = lantir.service().applySync("cpip_redcap",
                List.of(booking("1:1", "P1")), false);
        SyncCounts own = lantir.service().applySync("redcap_legacy",
                List.of(booking("1:1", "P1")), false);

        assertThat(other).isEqualTo(new SyncCounts(1, 0, 0, 0));
        assertThat(own).isEqualTo(new SyncCounts(0, 1, 0, 0));
        assertThat(stored(old.id()).sourceKey()).isEqualTo("1:1");
        assertThat(stored(old.id()).dataSource()).isEqualTo("redcap_legacy");
    }

    @Test
    void oneImportedRowThatFitsTwoNewRowsIsAdoptedByNeither() {
        WorklistItem old = imported("5", "redcap", "P1", ProcedureStepStatus.IN_PROGRESS);

        SyncCounts counts = lantir.service().applySync("redcap",
                List.of(booking("1:1", "P1"), booking("1:2", "P1")), false);

        assertThat(counts).isEqualTo(new SyncCounts(2, 0, 0, 0));
        assertThat(stored(old.id())).isEqualTo(old);
        assertThat(messages(Level.WARN)).singleElement().asString()
                .contains("[" + old.id() + "]", "2 new row(s)", "none adopted")
                .doesNotContain("P1", "SUBJECT");
    }

    @Test
    void anAdoptedRowIsNotAdoptedAgainByAnotherNewRow() {
        WorklistItem old = imported("5", "redcap", "P1", ProcedureStepStatus.IN_PROGRESS);
        lantir.service().applySync("redcap", List.of(booking("1:1", "P1")), false);

        SyncCounts counts = lantir.service().applySync("redcap",
                List.of(booking("1:1", "P1"), booking("1:2", "P1")), false);

        assertThat(counts).isEqualTo(new SyncCounts(1, 0, 1, 0));
        assertThat(stored(old.id()).sourceKey()).isEqualTo("1:1");
    }

    @Test
    void aRowWithoutPatientIdOrDateAdoptsNothing() {
        imported("5", "redcap", null, ProcedureStepStatus.SCHEDULED);
        WorklistItem undated = lantir.store(booking(ImportedRows.sourceKey("6"), "P2")
                .toBuilder().dataSource("redcap").scheduledStartDate(null).build()).get(0);

        SyncCounts counts = lantir.service().applySync("redcap", List.of(
                booking("1:1", null), booking("2:1", "P2").toBuilder()
                        .scheduledStartDate(null).build()), false);

        assertThat(counts).isEqualTo(new SyncCounts(2, 0, 0, 0));
        assertThat(stored(undated.id()).sourceKey()).isEqualTo("pylantir:6");
    }

    @Test
    void aScheduledRowTakesIdentifiersTheSourceGivesAndKeepsTheOthers() {
        WorklistItem old = imported("5", "redcap", "P1", ProcedureStepStatus.SCHEDULED);

        lantir.service().applySync("redcap", List.of(booking("1:1", "P1").toBuilder()
                .accessionNumber("ACC-REDCAP").build()), false);
        SyncCounts again = lantir.service().applySync("redcap", List.of(booking("1:1", "P1")
                .toBuilder().accessionNumber("ACC-REDCAP").build()), false);

        WorklistItem adopted = stored(old.id());
        assertThat(adopted.accessionNumber()).isEqualTo("ACC-REDCAP");
        assertThat(adopted.studyInstanceUid()).isEqualTo(old.studyInstanceUid());
        assertThat(adopted.spsId()).isEqualTo(old.spsId());
        assertThat(adopted.requestedProcedureId()).isEqualTo(old.requestedProcedureId());
        assertThat(again).isEqualTo(new SyncCounts(0, 0, 1, 0));
    }

    @Test
    void aRowMppsMovedKeepsItsIdentifiersAndGetsOnlyThoseItLacks() {
        WorklistItem old = lantir.store(booking(ImportedRows.sourceKey("5"), "P1").toBuilder()
                .dataSource("pylantir").studyInstanceUid("2.25.775")
                .status(ProcedureStepStatus.COMPLETED).build()).get(0);

        lantir.service().applySync("redcap", List.of(booking("1:1", "P1").toBuilder()
                .studyInstanceUid("2.25.999").accessionNumber("ACC-REDCAP").build()), false);

        WorklistItem adopted = stored(old.id());
        assertThat(adopted.status()).isEqualTo(ProcedureStepStatus.COMPLETED);
        assertThat(adopted.studyInstanceUid()).isEqualTo("2.25.775");
        assertThat(adopted.accessionNumber()).isEqualTo("ACC-REDCAP");
        assertThat(adopted.spsId()).startsWith("SPS").hasSize(15);
        assertThat(adopted.patientName()).isEqualTo(old.patientName());
    }

    @Test
    void theAdoptionIsLoggedWithRowIdsOnly() {
        WorklistItem old = imported("5", "redcap", "P1", ProcedureStepStatus.SCHEDULED);

        lantir.service().applySync("redcap", List.of(booking("1:1", "P1")), false);

        assertThat(messages(Level.INFO)).filteredOn(line -> line.contains("adopted"))
                .singleElement().asString().contains("redcap", "[" + old.id() + "]")
                .doesNotContain("P1", "SUBJECT");
    }

    private List<String> messages(Level level) {
        return log.list.stream().filter(event -> event.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }
}
