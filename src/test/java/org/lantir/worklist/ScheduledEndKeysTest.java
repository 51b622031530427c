package org.lantir.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.testing.Identifiers.empty;
import static org.lantir.testing.Identifiers.set;
import static org.lantir.testing.Identifiers.sps;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.VR;
import org.lantir.dicom.net.Status;
import org.lantir.testing.DimseResponses;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;

/**
 * SPS End Date (0040,0004) and End Time (0040,0005), optional keys of the Scheduled Procedure
 * Step (PS3.4 Table K.6-1): answered when asked for, zero length when the row does not know
 * its end, matched like the start's date and time (single value, range, the two ranges
 * combined: PS3.4 C.2.2.2.5), a row without an end matching no key on it (K.2.2.1.1.1).
 */
class ScheduledEndKeysTest {

    private final TestLantir lantir = new TestLantir();

    /** W1 (09:00 on 2025-02-12) booked until 00:30 the next day; W2 without an end. */
    private void storeRows() {
        lantir.store(WorklistRows.w1().toBuilder().scheduledEndDate(LocalDate.of(2025, 2, 13))
                .scheduledEndTime(LocalTime.of(0, 30)).build(), WorklistRows.w2());
    }

    private DimseResponses find(String endDate, String endTime) {
        Dataset q = new Dataset();
        empty(q, Tag.PatientID);
        Dataset step = sps(q);
        if (endDate.isEmpty()) {
            empty(step, Tag.ScheduledProcedureStepEndDate);
        } else {
            set(step, Tag.ScheduledProcedureStepEndDate, endDate);
        }
        if (endTime.isEmpty()) {
            empty(step, Tag.ScheduledProcedureStepEndTime);
        } else {
            set(step, Tag.ScheduledProcedureStepEndTime, endTime);
        }
        return lantir.cFind(q);
    }

    @Test
    void universalKeysAnswerTheEndOrNothing() {
        storeRows();

        DimseResponses r = find("", "");

        assertThat(r.status()).isEqualTo(Status.SUCCESS);
        assertThat(r.pendingStatuses()).containsOnly(Status.PENDING);
        assertThat(r.identifiers()).extracting(
                a -> a.getString(Tag.PatientID),
                a -> a.getItem(Tag.ScheduledProcedureStepSequence)
                        .getText(Tag.ScheduledProcedureStepEndDate),
                a -> a.getItem(Tag.ScheduledProcedureStepSequence)
                        .getText(Tag.ScheduledProcedureStepEndTime))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("1001", "20250213", "003000"),
                        org.assertj.core.groups.Tuple.tuple("1002", "", ""));
        assertThat(r.identifiers().get(0).getItem(Tag.ScheduledProcedureStepSequence)
                .get(Tag.ScheduledProcedureStepEndDate).vr()).isEqualTo(VR.DA);
    }

    @Test
    void theEndIsMatchedLikeTheStart() {
        storeRows();

        assertThat(find("20250213", "").values(Tag.PatientID)).containsExactly("1001");
        assertThat(find("20250212", "").values(Tag.PatientID)).isEmpty();
        assertThat(find("20250201-20250228", "").values(Tag.PatientID))
                .containsExactly("1001");
        assertThat(find("", "0000-0100").values(Tag.PatientID)).containsExactly("1001");
        assertThat(find("", "1000-").values(Tag.PatientID)).isEmpty();
    }

    /** PS3.4 C.2.2.2.5.1: from 2025-02-12 23:00 to 2025-02-13 01:00, not 23:00-01:00 daily. */
    @Test
    void aDateRangeAndATimeRangeOnTheEndCombine() {
        storeRows();

        assertThat(find("20250212-20250213", "2300-0100").values(Tag.PatientID))
                .containsExactly("1001");
        assertThat(find("20250213-20250214", "2300-0100").values(Tag.PatientID)).isEmpty();
    }

    @Test
    void aMalformedEndKeyFailsTheQueryAsAStartKeyWould() {
        storeRows();

        DimseResponses r = find("tomorrow", "");

        assertThat(r.status()).isEqualTo(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS);
        assertThat(r.identifiers()).isEmpty();
    }

    /** Rows kept from a worklist file before the columns existed still answer the file's. */
    @Test
    void anEndKeptFromAWorklistFileBeforeTheColumnsIsStillAnswered() {
        Dataset extras = new Dataset();
        Dataset keptStep = extras.addItem(Tag.ScheduledProcedureStepSequence);
        keptStep.setString(Tag.ScheduledProcedureStepEndDate, VR.DA, "20250212");
        keptStep.setString(Tag.ScheduledProcedureStepEndTime, VR.TM, "0945");
        lantir.store(WorklistRows.w1().toBuilder().extraAttributes(ExtraAttributes.of(extras))
                .build());

        DimseResponses r = find("", "");
        Dataset step = r.identifiers().get(0).getItem(Tag.ScheduledProcedureStepSequence);

        assertThat(step.getText(Tag.ScheduledProcedureStepEndDate)).isEqualTo("20250212");
        assertThat(step.getText(Tag.ScheduledProcedureStepEndTime)).isEqualTo("0945");
        assertThat(find("20250212", "").values(Tag.PatientID)).containsExactly("1001");
    }
}
