package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.testing.Identifiers.empty;
import static org.lantir.testing.Identifiers.set;
import static org.lantir.testing.Identifiers.sps;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;

/**
 * C30: Patient's Weight goes out in kilograms as a DS of at most 16 characters, and unknown
 * weight as zero length, never a default (PS3.3 C.7.2.2, PS3.4 Table K.6-1 Type 2). The
 * pounds-to-kilograms conversion is the sync's; rows here hold kilograms.
 */
class C30WeightTest {

    /** inputs/C30-weight.dump */
    @ParameterizedTest
    @CsvSource({"69.85, 69.85", "70, 70", "70.000, 70", "'', ''",
        "69.8532251234567891, 69.8532251234568"})
    void weightIsSentInKilogramsOrZeroLength(String storedKg, String expected) {
        TestLantir lantir = new TestLantir();
        lantir.store(WorklistRows.row("DOE^JANE", "SUB002", "MR", "MRI_3T", "20250212",
                "090000").toBuilder().patientWeightKg(storedKg.isEmpty() ? null
                        : new BigDecimal(storedKg)).patientSizeM(new BigDecimal("1.65")).build());
        Dataset q = new Dataset();
        empty(q, Tag.PatientName, Tag.PatientSize, Tag.PatientWeight);
        set(q, Tag.PatientID, "SUB002");
        Dataset step = sps(q);
        set(step, Tag.Modality, "MR");
        set(step, Tag.ScheduledProcedureStepStartDate, "20250212");

        Dataset answer = lantir.cFind(q).identifiers().get(0);

        assertThat(answer.contains(Tag.PatientWeight)).isTrue();
        assertThat(answer.getString(Tag.PatientWeight, "")).isEqualTo(expected)
                .hasSizeLessThanOrEqualTo(16);
        assertThat(answer.getString(Tag.PatientSize)).isEqualTo("1.65");
    }
}
