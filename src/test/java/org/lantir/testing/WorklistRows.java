package org.lantir.testing;

import java.time.LocalDate;
import java.time.LocalTime;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItem.CodedEntry;

/**
 * Worklist rows of the case log (all people fictional), in particular the shared W-table:
 * Study Instance UID {@code 2.25.<Patient ID><SPS Start Date>}.
 */
public final class WorklistRows {

    private WorklistRows() {
    }

    /** A complete, publishable row; date {@code yyyymmdd}, time {@code hhmmss}. */
    public static WorklistItem row(String name, String patientId, String modality,
            String stationAe, String date, String time) {
        return WorklistItem.builder()
                .patientName(name)
                .patientId(patientId)
                .patientBirthDate(LocalDate.of(1990, 1, 1))
                .patientSex("F")
                .accessionNumber("A" + patientId)
                .requestedProcedureId("RP" + patientId)
                .requestedProcedureDescription("BRAIN MRI RESEARCH")
                .studyInstanceUid("2.25." + patientId + (date == null ? "" : date))
                .spsId("SPS" + patientId)
                .modality(modality)
                .scheduledStationAeTitle(stationAe)
                .scheduledStartDate(date == null ? null : LocalDate.parse(date,
                        java.time.format.DateTimeFormatter.BASIC_ISO_DATE))
                .scheduledStartTime(time == null ? null : LocalTime.parse(time,
                        java.time.format.DateTimeFormatter.ofPattern("HHmmss")))
                .spsDescription("T1 T2 RESTING STATE")
                .protocolCode(new CodedEntry("BRAIN_MRI_3T", "99LANTIR", "Brain MRI 3T"))
                .status(ProcedureStepStatus.SCHEDULED)
                .build();
    }

    public static WorklistItem w1() {
        return row("DOE^JANE", "1001", "MR", "MRI_3T", "20250212", "090000");
    }

    public static WorklistItem w2() {
        return row("DOE^JOHN", "1002", "MR", "MRI_3T", "20250212", "103000");
    }

    public static WorklistItem w3() {
        return row("DOER^ANN", "1003", "MR", "MRI_1T5", "20250213", "080000");
    }

    public static WorklistItem w4() {
        return row("ROE^RICHARD", "1004", "MR", "MRI_3T", "20250211", "150000");
    }

    public static WorklistItem w5() {
        return row("SMITH^JOE", "1005", "MR", "MRI_3T", "20250214", "110000");
    }

    public static WorklistItem w6() {
        return row("DOE^JIM", "1006", "CT", "CT_SCAN1", "20250212", "120000");
    }

    /** W1 to W6, in that order. */
    public static WorklistItem[] wTable() {
        return new WorklistItem[] {w1(), w2(), w3(), w4(), w5(), w6()};
    }
}
