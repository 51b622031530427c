package org.lantir.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItem.CodedEntry;

/** Fictional worklist rows for the store tests. */
final class TestItems {

    private TestItems() {
    }

    /** A row with every field set. */
    static WorklistItem full() {
        return WorklistItem.builder()
                .patientName("Testperson^Ada^Q^^")
                .patientId("sub_1001_ses_1_fam_77_site_792")
                .issuerOfPatientId("LANTIR-TEST")
                .patientBirthDate(LocalDate.of(2012, 3, 4))
                .patientSex("F")
                .patientWeightKg(new BigDecimal("41.50"))
                .patientSizeM(new BigDecimal("1.45"))
                .accessionNumber("ACC0001")
                .referringPhysicianName("Doctor^Fictional")
                .requestedProcedureId("RP0001")
                .requestedProcedureDescription("Research MRI, session 1")
                .studyInstanceUid("2.25.1234567890123456789")
                .requestedProcedureCode(new CodedEntry("RPC1", "99LANTIR", "Research brain MRI"))
                .spsId("SPS0001")
                .modality("MR")
                .scheduledStationAeTitle("MRI_SCANNER")
                .scheduledStationName("Scanner 1")
                .scheduledStartDate(LocalDate.of(2025, 6, 2))
                .scheduledStartTime(LocalTime.of(9, 30, 15, 123_456_000))
                .scheduledEndDate(LocalDate.of(2025, 6, 3))
                .scheduledEndTime(LocalTime.of(0, 15, 30, 250_000_000))
                .spsDescription("Brain protocol")
                .protocolCode(new CodedEntry("PROT1", "LOCAL", "Brain protocol"))
                .performingPhysicianName("Operator^Fictional")
                .patientComments("  Sibling «Zoë» may attend; parent prefers Français.")
                .requestedProcedureComments("Repeat the rest run\r\nif motion > 0.5 mm")
                .spsComments("Use the 32-channel coil \\ no contrast")
                .dataSource("redcap")
                .sourceKey("1001-1")
                .build();
    }

    /**
     * An LT comment of exactly {@code length} characters with a leading space, non-ASCII
     * letters, line breaks and backslashes; its last character is no space.
     */
    static String comment(int length) {
        String pattern = " Zoë\r\nFrançais «ok» \\ ";
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(pattern);
        }
        text.setLength(length - 1);
        return text.append('.').toString();
    }

    /** A minimal row of one source, on a date and at a time. */
    static WorklistItem scheduled(String source, String key, LocalDate date, LocalTime time) {
        return WorklistItem.builder()
                .patientName("Participant^" + key)
                .patientId("PID-" + key)
                .modality("MR")
                .scheduledStationAeTitle("MRI_SCANNER")
                .scheduledStartDate(date)
                .scheduledStartTime(time)
                .dataSource(source)
                .sourceKey(key)
                .build();
    }
}
