package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.testing.Identifiers.empty;
import static org.lantir.testing.Identifiers.set;
import static org.lantir.testing.Identifiers.sps;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;
import org.lantir.worklist.WorklistItem;

/**
 * C07 at the service level: rows whose source dates were text ({@code 2025-02-12},
 * {@code 02-12-2025}, a Calpendo interval) arrive normalised to real dates and times; a DA key
 * matches them as dates and each answer carries an 8-character DA and a TM without colons
 * (PS3.5 Table 6.2-1). The text normalisation itself is the sync's.
 */
class C07NormalisedDatesTest {

    private final TestLantir lantir = new TestLantir();

    private static WorklistItem at(String id, LocalTime time) {
        return WorklistRows.row("SUBJECT^" + id, id, "MR", "MRI_3T", "20250212", "000000")
                .toBuilder().scheduledStartDate(LocalDate.of(2025, 2, 12))
                .scheduledStartTime(time).build();
    }

    /** inputs/C07-single-date.dump */
    @Test
    void normalisedRowsMatchTheDateKeyAndGoOutAsDicomDateAndTime() {
        lantir.store(at("SUB301", LocalTime.of(14, 30)), at("SUB302", LocalTime.of(9, 5)),
                at("SUB303", LocalTime.of(16, 0)));
        Dataset q = new Dataset();
        set(q, Tag.SpecificCharacterSet, "ISO_IR 100");
        empty(q, Tag.PatientName, Tag.PatientID, Tag.StudyInstanceUID);
        Dataset step = sps(q);
        set(step, Tag.Modality, "MR");
        empty(step, Tag.ScheduledStationAETitle, Tag.ScheduledProcedureStepStartTime);
        set(step, Tag.ScheduledProcedureStepStartDate, "20250212");

        var r = lantir.cFind(q);

        assertThat(r.values(Tag.PatientID)).containsExactly("SUB302", "SUB301", "SUB303");
        assertThat(r.identifiers()).allSatisfy(answer -> {
            Dataset item = answer.getItem(Tag.ScheduledProcedureStepSequence);
            assertThat(item.getString(Tag.ScheduledProcedureStepStartDate)).isEqualTo("20250212");
            assertThat(item.getString(Tag.ScheduledProcedureStepStartTime)).matches("\\d{6}");
        });
        assertThat(r.identifiers().get(0).getItem(Tag.ScheduledProcedureStepSequence)
                .getString(Tag.ScheduledProcedureStepStartTime)).isEqualTo("090500");
    }

    @Test
    void wTableDateQueryGivesWhatTheReferenceScpGives() {
        lantir.store(WorklistRows.wTable());
        Dataset q = new Dataset();
        empty(q, Tag.PatientID);
        Dataset step = sps(q);
        set(step, Tag.Modality, "MR");
        set(step, Tag.ScheduledProcedureStepStartDate, "20250212");

        assertThat(lantir.cFind(q).values(Tag.PatientID)).containsExactly("1001", "1002");
    }
}
