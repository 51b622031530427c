package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.testing.Identifiers.empty;
import static org.lantir.testing.Identifiers.sps;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.net.Status;
import org.lantir.testing.FakeDimseRequest;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistSettings;

/**
 * C22: an unbounded query over a year of sessions answers every visible match then 0000; a
 * site limit ends with A700H and an Error Comment, never a cut list with 0000 (PS3.4 K.4.1.3,
 * Table K.4-1); C-CANCEL ends with FE00H (PS3.7 C.5.1).
 */
class C22LimitsAndCancelTest {

    private static final ProcedureStepStatus[] STATUSES = ProcedureStepStatus.values();

    private final TestLantir lantir = new TestLantir();
    private int visible;

    @BeforeEach
    void aYearOfSessions() {
        LocalDate first = LocalDate.of(2024, 2, 13);
        for (int i = 0; i < 2000; i++) {
            ProcedureStepStatus status = STATUSES[i % STATUSES.length];
            WorklistItem row = WorklistRows.row("SUBJECT^" + i, "P" + i, "MR", "MRI_3T",
                    "20250212", "090000").toBuilder()
                    .scheduledStartDate(first.plusDays(i % 365)).status(status).build();
            lantir.store(row);
            if (status == ProcedureStepStatus.SCHEDULED
                    || status == ProcedureStepStatus.IN_PROGRESS) {
                visible++;
            }
        }
    }

    /** inputs/C22-unbounded-query.dump */
    private static Dataset unbounded() {
        Dataset q = new Dataset();
        empty(q, Tag.AccessionNumber, Tag.PatientName, Tag.PatientID, Tag.StudyInstanceUID);
        empty(sps(q), Tag.Modality, Tag.ScheduledStationAETitle,
                Tag.ScheduledProcedureStepStartDate, Tag.ScheduledProcedureStepStartTime,
                Tag.ScheduledProcedureStepStatus);
        return q;
    }

    @Test
    void everyVisibleMatchIsSentThenSuccess() {
        var r = lantir.cFind(unbounded());

        assertThat(r.identifiers()).hasSize(visible);
        assertThat(r.values(Tag.PatientID)).doesNotHaveDuplicates();
        assertThat(r.identifiers()).allSatisfy(answer -> assertThat(answer
                .getItem(Tag.ScheduledProcedureStepSequence)
                .getString(Tag.ScheduledProcedureStepStatus)).isIn("SCHEDULED", "STARTED"));
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
    }

    @Test
    void explicitStatusKeyWinsOverTheVisibleStatuses() {
        Dataset q = unbounded();
        q.getItem(Tag.ScheduledProcedureStepSequence)
                .setString(Tag.ScheduledProcedureStepStatus, "COMPLETED");

        var r = lantir.cFind(q);

        assertThat(r.identifiers()).hasSize(500);
        assertThat(r.identifiers()).allSatisfy(answer -> assertThat(answer
                .getItem(Tag.ScheduledProcedureStepSequence)
                .getString(Tag.ScheduledProcedureStepStatus)).isEqualTo("COMPLETED"));
    }

    @Test
    void startedOnTheWireFindsInProgressRows() {
        Dataset q = unbounded();
        q.getItem(Tag.ScheduledProcedureStepSequence)
                .setString(Tag.ScheduledProcedureStepStatus, "STARTED");

        assertThat(lantir.cFind(q).identifiers()).hasSize(500);
    }

    @Test
    void siteLimitEndsWithA700AndAComment() {
        lantir.configure(WorklistSettings.defaults(), new MwlScpSettings(100, Set.of()));

        var r = lantir.cFind(unbounded());

        assertThat(r.identifiers()).hasSize(100);
        assertThat(r.status()).isEqualTo(Status.OUT_OF_RESOURCES);
        assertThat(r.errorComment()).contains("100").hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void answerWithinTheLimitEndsWithSuccess() {
        lantir.configure(WorklistSettings.defaults(), new MwlScpSettings(visible, Set.of()));

        var r = lantir.cFind(unbounded());

        assertThat(r.identifiers()).hasSize(visible);
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
    }

    @Test
    void cancelStopsTheAnswerWithFE00() {
        var r = lantir.call(FakeDimseRequest.cFind("MRI_3T", unbounded()).cancelAfter(5));

        assertThat(r.identifiers()).hasSize(5);
        assertThat(r.status()).isEqualTo(Status.CANCEL);
    }
}
