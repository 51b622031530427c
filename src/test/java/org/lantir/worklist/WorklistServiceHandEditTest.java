package org.lantir.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.events.LantirEvent;
import org.lantir.testing.MppsMessages;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;

/**
 * What the console's editor and cancel do through the service: edits keep the status MPPS
 * set and refuse rows a source owns; only a SCHEDULED step is cancelled; a row's MPPS
 * history lists the instances matched to it, oldest first.
 */
class WorklistServiceHandEditTest {

    private final TestLantir lantir = new TestLantir();

    private WorklistItem manualRow() {
        return lantir.service().add(MppsMessages.sub001());
    }

    private ProcedureStepStatus status(WorklistItem row) {
        return lantir.worklist.findById(row.id()).orElseThrow().status();
    }

    @Test
    void anEditKeepsTheStatusMppsSetMeanwhileAndTheIdentifiers() {
        WorklistItem opened = manualRow();
        lantir.nCreate("2.25.1", MppsMessages.nCreate());
        assertThat(status(opened)).isEqualTo(ProcedureStepStatus.IN_PROGRESS);

        WorklistItem edited = lantir.service().edit(opened.toBuilder()
                .scheduledStartTime(LocalTime.of(9, 30)).spsId(null).build());

        assertThat(edited.status()).isEqualTo(ProcedureStepStatus.IN_PROGRESS);
        assertThat(edited.scheduledStartTime()).isEqualTo(LocalTime.of(9, 30));
        assertThat(edited.spsId()).isEqualTo(opened.spsId());
        assertThat(lantir.eventLog.recent(10)).extracting(EventRecord::message)
                .contains("Row " + opened.id() + " edited");
        assertThat(lantir.drainEvents()).filteredOn(LantirEvent.WorklistChanged.class::isInstance)
                .last().isInstanceOfSatisfying(LantirEvent.WorklistChanged.class,
                        e -> assertThat(e.updated()).isEqualTo(1));
    }

    @Test
    void aRowFromASourceIsNotEditedHere() {
        WorklistItem synced = lantir.store(WorklistRows.w1().toBuilder().dataSource("redcap")
                .sourceKey("1:1").build()).get(0);

        assertThatThrownBy(() -> lantir.service().edit(synced.toBuilder()
                .patientName("ROE^JANE").build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("comes from data source redcap")
                .hasMessageContaining("next sync would overwrite");
        assertThat(lantir.worklist.findById(synced.id())).contains(synced);
    }

    @Test
    void anEditNeedsAStoredRow() {
        assertThatThrownBy(() -> lantir.service().edit(WorklistRows.w1()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs its id");
        assertThatThrownBy(() -> lantir.service().edit(WorklistRows.w1().toBuilder().id(99L)
                .build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No worklist row 99");
    }

    @Test
    void onlyAScheduledStepIsCancelled() {
        WorklistItem row = manualRow();
        lantir.nCreate("2.25.1", MppsMessages.nCreate());

        assertThatThrownBy(() -> lantir.service().cancel(row.id()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Worklist row " + row.id() + " is IN_PROGRESS; only a SCHEDULED "
                        + "step can be cancelled");
        assertThat(status(row)).isEqualTo(ProcedureStepStatus.IN_PROGRESS);
    }

    @Test
    void aScheduledStepFromASourceMayBeCancelled() {
        WorklistItem synced = lantir.store(WorklistRows.w1().toBuilder().dataSource("redcap")
                .sourceKey("1:1").build()).get(0);

        assertThat(lantir.service().cancel(synced.id()).status())
                .isEqualTo(ProcedureStepStatus.DISCONTINUED);
    }

    @Test
    void historyListsTheInstancesMatchedToTheRowOldestFirst() {
        WorklistItem row = manualRow();
        WorklistItem other = lantir.service().add(WorklistRows.w2());
        lantir.nCreate("2.25.1", MppsMessages.nCreate());
        lantir.nSet("2.25.1", MppsMessages.nSetCompleted());
        lantir.nCreate("2.25.2", MppsMessages.nCreate());
        Dataset unmatched = MppsMessages.nCreate();
        unmatched.setString(Tag.PatientID, "NOBODY");
        unmatched.remove(Tag.ScheduledStepAttributesSequence);
        unmatched.addItem(Tag.ScheduledStepAttributesSequence)
                .setString(Tag.StudyInstanceUID, "2.25.999");
        lantir.nCreate("2.25.3", unmatched);

        assertThat(lantir.service().mppsFor(row.id()))
                .extracting(MppsInstance::sopInstanceUid, MppsInstance::status)
                .containsExactly(tuple("2.25.1", "COMPLETED"), tuple("2.25.2", "IN PROGRESS"));
        assertThat(lantir.service().mppsFor(other.id())).isEmpty();
        assertThat(lantir.service().mppsFor(12345L)).isEmpty();
    }

    @Test
    void eachChangeByHandNamesWhoMadeItInTheEventLog() {
        WorklistItem byDesktop = manualRow();
        WorklistItem byApi = lantir.service().add(WorklistRows.w2(), "alice");
        lantir.service().edit(byApi.toBuilder().scheduledStartTime(LocalTime.of(10, 0))
                .build(), "bob");
        lantir.service().cancel(byApi.id(), "carol");

        assertThat(lantir.eventLog.recent(10))
                .filteredOn(e -> "WORKLIST_EDITED".equals(e.kind()))
                .extracting(EventRecord::source, EventRecord::worklistItemId,
                        EventRecord::message)
                .containsExactly(
                        tuple("carol", byApi.id(), "Row " + byApi.id() + " cancelled"),
                        tuple("bob", byApi.id(), "Row " + byApi.id() + " edited"),
                        tuple("alice", byApi.id(), "Row " + byApi.id() + " added"),
                        tuple(WorklistService.DESKTOP, byDesktop.id(),
                                "Row " + byDesktop.id() + " added"));
        assertThat(lantir.drainEvents()).filteredOn(LantirEvent.WorklistChanged.class::isInstance)
                .map(e -> ((LantirEvent.WorklistChanged) e).cause())
                .containsExactly(WorklistService.DESKTOP, "alice", "bob", "carol");
    }
}
