package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.testing.Identifiers.empty;
import static org.lantir.testing.Identifiers.set;
import static org.lantir.testing.Identifiers.sps;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.net.Status;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;

/**
 * C11: a Scheduled Procedure Step Sequence key with no item or one empty item is universal
 * and asks for the whole sequence; two items are no valid key (PS3.4 C.2.2.2.6, K.2.2.1.2).
 */
class C11SpsSequenceShapeTest {

    private final TestLantir lantir = new TestLantir();

    @BeforeEach
    void wTable() {
        lantir.store(WorklistRows.wTable());
    }

    private static Dataset names() {
        Dataset q = new Dataset();
        empty(q, Tag.PatientName, Tag.PatientID);
        return q;
    }

    private void assertAllSixWithWholeSteps(Dataset q) {
        var r = lantir.cFind(q);

        assertThat(r.identifiers()).hasSize(6);
        assertThat(r.identifiers()).allSatisfy(answer -> {
            Dataset item = answer.getItem(Tag.ScheduledProcedureStepSequence);
            assertThat(item.getString(Tag.Modality)).isNotEmpty();
            assertThat(item.getString(Tag.ScheduledStationAETitle)).isNotEmpty();
            assertThat(item.getString(Tag.ScheduledProcedureStepStartDate)).hasSize(8);
            assertThat(item.getString(Tag.ScheduledProcedureStepStartTime)).isNotEmpty();
            assertThat(item.getString(Tag.ScheduledProcedureStepID)).isNotEmpty();
            assertThat(item.getString(Tag.ScheduledProcedureStepStatus)).isEqualTo("SCHEDULED");
            assertThat(item.getItem(Tag.ScheduledProtocolCodeSequence)
                    .getString(Tag.CodeValue)).isEqualTo("BRAIN_MRI_3T");
        });
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
    }

    /** inputs/C11-sps-zero-items.dump */
    @Test
    void sequenceWithoutItemsReturnsEveryItemWithItsWholeStep() {
        Dataset q = names();
        q.newSequence(Tag.ScheduledProcedureStepSequence);

        assertAllSixWithWholeSteps(q);
    }

    /** inputs/C11-sps-empty-item.dump */
    @Test
    void sequenceWithOneEmptyItemDoesTheSame() {
        Dataset q = names();
        sps(q);

        assertAllSixWithWholeSteps(q);
    }

    /** inputs/C11-sps-two-items.dump */
    @Test
    void sequenceWithTwoItemsFailsWithA900AndNoPendingResponse() {
        Dataset q = new Dataset();
        empty(q, Tag.PatientName);
        Dataset mr = sps(q);
        set(mr, Tag.Modality, "MR");
        set(mr, Tag.ScheduledProcedureStepStartDate, "20250212");
        Dataset ct = q.addItem(Tag.ScheduledProcedureStepSequence);
        set(ct, Tag.Modality, "CT");
        set(ct, Tag.ScheduledProcedureStepStartDate, "20250212");

        var r = lantir.cFind(q);

        assertThat(r.identifiers()).isEmpty();
        assertThat(r.status()).isEqualTo(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS);
        assertThat(r.errorComment()).contains("More than one item");
        assertThat(r.offendingElements()).containsExactly(Tag.ScheduledProcedureStepSequence);
    }
}
