package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.testing.Identifiers.empty;
import static org.lantir.testing.Identifiers.set;
import static org.lantir.testing.Identifiers.sps;

import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;

/**
 * C03: a family-name search finds names stored family^given (PS3.5 §6.2.1), and none stored
 * with the buggy leading caret. Names come already mapped; the split itself is the sync's.
 */
class C03FamilyNameFirstTest {

    private final TestLantir lantir = new TestLantir();

    /** inputs/C03-pn-family-first.dump */
    private static Dataset familyDoe() {
        Dataset q = new Dataset();
        set(q, Tag.PatientName, "DOE*");
        empty(q, Tag.PatientID);
        Dataset step = sps(q);
        set(step, Tag.Modality, "MR");
        set(step, Tag.ScheduledProcedureStepStartDate, "20250212");
        empty(step, Tag.ScheduledProcedureStepStartTime);
        return q;
    }

    @Test
    void correctlyMappedNamesAreFoundByFamilyName() {
        lantir.store(
                WorklistRows.row("Doe^Jane", "SUB101", "MR", "MRI_3T", "20250212", "090000"),
                WorklistRows.row("Doe", "SUB102", "MR", "MRI_3T", "20250212", "100000"),
                WorklistRows.row("de la Cruz^Maria", "SUB103", "MR", "MRI_3T", "20250212",
                        "110000"));

        assertThat(lantir.cFind(familyDoe()).values(Tag.PatientID))
                .containsExactly("SUB101", "SUB102");
    }

    @Test
    void namesStoredWithALeadingCaretAreNotFound() {
        lantir.store(
                WorklistRows.row("^Jane Doe", "SUB101", "MR", "MRI_3T", "20250212", "090000"),
                WorklistRows.row("^Doe", "SUB102", "MR", "MRI_3T", "20250212", "100000"),
                WorklistRows.row("^Maria de la Cruz", "SUB103", "MR", "MRI_3T", "20250212",
                        "110000"));

        assertThat(lantir.cFind(familyDoe()).identifiers()).isEmpty();
    }
}
