package org.lantir.ui.mpps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lantir.testing.WorklistRows;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;

/** How the MPPS screens write a row: a value that is not there leaves no lone separator. */
class TextsTest {

    private static final String DOT = "  \u00b7  ";

    private final WorklistItem full = WorklistRows.row("DOE^JANE", "SUB001", "MR", "MRI_3T",
            "20250310", "090000").toBuilder().spsDescription("T1 and DWI")
            .status(ProcedureStepStatus.SCHEDULED).build();

    @Test
    void aRowLineLeavesOutWhatTheRowLacks() {
        WorklistItem bare = full.toBuilder().scheduledStartTime(null)
                .requestedProcedureDescription(null).spsDescription(null)
                .scheduledStationAeTitle(null).build();

        assertThat(Texts.rowLine(full)).isEqualTo(String.join(DOT, "09:00",
                "DOE, JANE (SUB001)", "BRAIN MRI RESEARCH", "MR MRI_3T", "SCHEDULED"));
        assertThat(Texts.rowLine(bare)).isEqualTo("DOE, JANE (SUB001)" + DOT + "MR" + DOT
                + "SCHEDULED");
        assertThat(Texts.rowLine(bare.toBuilder().modality(null).patientName(null).build()))
                .isEqualTo("SUB001" + DOT + "SCHEDULED");
    }

    @Test
    void theProcedureLineNamesEachDescriptionOnce() {
        assertThat(Texts.procedureLine(full)).isEqualTo("BRAIN MRI RESEARCH" + DOT
                + "T1 and DWI");
        assertThat(Texts.procedureLine(full.toBuilder().spsDescription(null).build()))
                .isEqualTo("BRAIN MRI RESEARCH");
        assertThat(Texts.procedureLine(full.toBuilder().requestedProcedureDescription(null)
                .build())).isEqualTo("T1 and DWI");
        assertThat(Texts.procedureLine(full.toBuilder().spsDescription("BRAIN MRI RESEARCH")
                .build())).isEqualTo("BRAIN MRI RESEARCH");
        assertThat(Texts.procedureLine(full.toBuilder().requestedProcedureDescription(null)
                .spsDescription(null).build())).isEmpty();
    }

    @Test
    void theScheduledLineLeavesOutWhatTheRowLacks() {
        assertThat(Texts.scheduledLine(full)).isEqualTo("2025-03-10 09:00" + DOT + "MR MRI_3T");
        assertThat(Texts.scheduledLine(full.toBuilder().scheduledStationAeTitle(null)
                .scheduledStartTime(null).build())).isEqualTo("2025-03-10" + DOT + "MR");
        assertThat(Texts.scheduledLine(full.toBuilder().modality(null)
                .scheduledStationAeTitle(null).build())).isEqualTo("2025-03-10 09:00");
    }
}
