package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.testing.Identifiers.empty;
import static org.lantir.testing.Identifiers.set;
import static org.lantir.testing.Identifiers.sps;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItem.CodedEntry;

/**
 * C15: Modality is single value matched (PS3.4 C.2.2.2.1); a row whose modality is no valid
 * CS value is not published; a code value over 16 characters goes out as Long Code Value
 * (PS3.3 §8.8), never as an over-long SH.
 */
class C15ModalityTest {

    private final TestLantir lantir = new TestLantir();

    private static WorklistItem row(String id, String modality, String date, String code) {
        WorklistItem row = WorklistRows.row("SUBJECT^" + id, id, modality, "MRI_3T", date,
                "090000");
        return row.toBuilder().protocolCode(code == null ? null
                : new CodedEntry(code, "99LANTIR", "Local protocol " + code)).build();
    }

    @BeforeEach
    void bookings() {
        lantir.store(row("SUB401", "MR", "20250212", "BRAIN_MRI_3T"),
                row("SUB402", "MR", "20250212", "BRAIN_RESTING_STATE_LONG"),
                row("SUB403", "EEG", "20250212", null),
                row("SUB404", "US", "20250213", null),
                row("SUB405", "3T Research", "20250212", null));
    }

    /** inputs/C15-modality-mr.dump */
    @Test
    void mrQueryFindsMrBookingsWithValidCodes() {
        Dataset q = new Dataset();
        empty(q, Tag.PatientName);
        Dataset step = sps(q);
        set(step, Tag.Modality, "MR");
        set(step, Tag.ScheduledProcedureStepStartDate, "20250212");
        empty(step, Tag.ScheduledStationName);
        step.newSequence(Tag.ScheduledProtocolCodeSequence);

        var r = lantir.cFind(q);

        assertThat(r.values(Tag.PatientName)).containsExactly("SUBJECT^SUB401",
                "SUBJECT^SUB402");
        Dataset shortCode = r.identifiers().get(0).getItem(Tag.ScheduledProcedureStepSequence)
                .getItem(Tag.ScheduledProtocolCodeSequence);
        Dataset longCode = r.identifiers().get(1).getItem(Tag.ScheduledProcedureStepSequence)
                .getItem(Tag.ScheduledProtocolCodeSequence);
        assertThat(shortCode.getString(Tag.CodeValue)).isEqualTo("BRAIN_MRI_3T");
        assertThat(longCode.contains(Tag.CodeValue)).isFalse();
        assertThat(longCode.getString(Tag.LongCodeValue)).isEqualTo("BRAIN_RESTING_STATE_LONG");
        assertThat(longCode.getString(Tag.CodeMeaning)).isNotEmpty();
    }

    @Test
    void askingForCodeValueOfALongCodeGetsLongCodeValueInstead() {
        Dataset q = new Dataset();
        set(q, Tag.PatientID, "SUB402");
        Dataset code = sps(q).addItem(Tag.ScheduledProtocolCodeSequence);
        empty(code, Tag.CodeValue, Tag.CodingSchemeDesignator);

        Dataset answer = lantir.cFind(q).identifiers().get(0)
                .getItem(Tag.ScheduledProcedureStepSequence)
                .getItem(Tag.ScheduledProtocolCodeSequence);

        assertThat(answer.contains(Tag.CodeValue)).isFalse();
        assertThat(answer.getString(Tag.LongCodeValue)).hasSize(24);
        assertThat(answer.getString(Tag.CodingSchemeDesignator)).isEqualTo("99LANTIR");
    }

    /** inputs/C15-modality-us-broad.dump */
    @Test
    void broadUltrasoundQueryFindsOnlyUltrasound() {
        Dataset q = new Dataset();
        empty(q, Tag.PatientName, Tag.PatientID);
        Dataset step = sps(q);
        set(step, Tag.Modality, "US");
        empty(step, Tag.ScheduledProcedureStepStartDate);

        assertThat(lantir.cFind(q).values(Tag.PatientID)).containsExactly("SUB404");
    }

    @Test
    void modalityThatIsNoValidCsValueIsNeverPublished() {
        Dataset q = new Dataset();
        empty(q, Tag.PatientID);

        assertThat(lantir.cFind(q).values(Tag.PatientID)).doesNotContain("SUB405")
                .hasSize(4);
    }
}
