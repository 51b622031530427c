package org.lantir.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;

/** Checks every worklist answer a scanner receives must pass, whatever the query. */
final class WorklistAnswers {

    /** DA: YYYYMMDD (PS3.5 Table 6.2-1). */
    static final String DA = "\\d{8}";
    /** TM: HH[MM[SS[.F{1,6}]]], no colons (PS3.5 Table 6.2-1). */
    static final String TM = "\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,6})?)?)?";

    private WorklistAnswers() {
    }

    /**
     * Each answer's Scheduled Procedure Step carries a DICOM date and time when they were
     * asked for (Type 1 return keys of PS3.4 Table K.6-1: never empty, never "2025-02-12").
     */
    static void assertDicomDatesAndTimes(List<Dataset> answers) {
        assertThat(answers).allSatisfy(answer -> {
            Dataset sps = answer.getItem(Tag.ScheduledProcedureStepSequence);
            assertThat(sps).as("Scheduled Procedure Step item").isNotNull();
            if (sps.contains(Tag.ScheduledProcedureStepStartDate)) {
                assertThat(sps.getText(Tag.ScheduledProcedureStepStartDate).strip())
                        .matches(DA);
            }
            if (sps.contains(Tag.ScheduledProcedureStepStartTime)) {
                assertThat(sps.getText(Tag.ScheduledProcedureStepStartTime).strip())
                        .matches(TM);
            }
            // SPS End Date and Time are Type 3: empty when the row does not know its end.
            if (sps.contains(Tag.ScheduledProcedureStepEndDate)) {
                assertThat(sps.getText(Tag.ScheduledProcedureStepEndDate).strip())
                        .matches("|" + DA);
            }
            if (sps.contains(Tag.ScheduledProcedureStepEndTime)) {
                assertThat(sps.getText(Tag.ScheduledProcedureStepEndTime).strip())
                        .matches("|" + TM);
            }
        });
    }

    /** The answer with this Patient ID (exactly one expected). */
    static Dataset byPatientId(List<Dataset> answers, String patientId) {
        List<Dataset> found = answers.stream()
                .filter(a -> patientId.equals(a.getString(Tag.PatientID))).toList();
        assertThat(found).as("answers with Patient ID " + patientId).hasSize(1);
        return found.get(0);
    }
}
