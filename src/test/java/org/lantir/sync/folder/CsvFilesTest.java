package org.lantir.sync.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItem.CodedEntry;

/**
 * CSV files of a folder source: columns named after worklist fields, values checked by the
 * VR rules, one clear reason per bad line naming file, line and column without the value, the
 * other lines loading; source keys that survive moved lines and hold no patient data.
 */
class CsvFilesTest {

    static final String HEADER = "patient_id,patient_name,scheduled_start_date,"
            + "scheduled_start_time,modality,scheduled_station_aetitle,study_description,"
            + "accession_number\n";

    private static CsvFiles files(String modality) {
        return new CsvFiles(new CsvSettings(StandardCharsets.UTF_8, ',', modality, null, null,
                CsvSettings.DEFAULT_PROTOCOL_SCHEME));
    }

    private static FileRows read(String text) {
        return files(null).read("bookings.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> reasons(FileRows rows) {
        return rows.skips().stream().map(FileRows.Skip::reason).toList();
    }

    @Test
    void eachRecordIsOneScheduledStepWithTheHeadersFields() {
        FileRows rows = read(HEADER
                + "SUB2041,\"Okafor, Maren\",2025-02-12,09:00,MR,MRI_3T,Brain study,A2041\n"
                + "SUB2042,Reyes^Tomas,20250212,1730,mr,MRI_3T,\"EEG, resting\",\n");

        assertThat(rows.skips()).isEmpty();
        assertThat(rows.rows()).hasSize(2);
        WorklistItem first = rows.rows().get(0).item();
        assertThat(first.patientId()).isEqualTo("SUB2041");
        assertThat(first.patientName()).isEqualTo("Okafor^Maren");
        assertThat(first.scheduledStartDate()).isEqualTo(LocalDate.of(2025, 2, 12));
        assertThat(first.scheduledStartTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(first.modality()).isEqualTo("MR");
        assertThat(first.scheduledStationAeTitle()).isEqualTo("MRI_3T");
        assertThat(first.requestedProcedureDescription()).isEqualTo("Brain study");
        assertThat(first.spsDescription()).isEqualTo("Brain study");
        assertThat(first.accessionNumber()).isEqualTo("A2041");
        assertThat(rows.rows().get(0).origin()).isEqualTo("bookings.csv:2");
        WorklistItem second = rows.rows().get(1).item();
        assertThat(second.scheduledStartTime()).isEqualTo(LocalTime.of(17, 30));
        assertThat(second.modality()).isEqualTo("MR");
        assertThat(second.accessionNumber()).isNull();
        assertThat(second.requestedProcedureDescription()).isEqualTo("EEG, resting");
    }

    @Test
    void aBadLineNamesFileLineAndColumnAndTheOthersLoad() {
        FileRows rows = read(HEADER
                + "SUB1,Doe^Jane,2025-02-30,09:00,MR,MRI_3T,,\n"
                + "SUB2,Doe^John,2025-02-12,25:00,MR,MRI_3T,,\n"
                + ",Roe^Ann,2025-02-12,10:00,MR,MRI_3T,,\n"
                + "SUB4,Smith^Joe,2025-02-12,11:00,XX,MRI_3T,,ACCESSION_NUMBER_TOO_LONG\n"
                + "SUB5,Lee^Kim,2025-02-12,12:00,MR,STATION_AE_TITLE_TOO_LONG,,\n"
                + "SUB6,Good^Row,2025-02-12,13:00,MR,MRI_3T,,\n");

        assertThat(rows.rows()).extracting(r -> r.item().patientId()).containsExactly("SUB6");
        assertThat(reasons(rows)).containsExactly(
                "bookings.csv:2:3: scheduled_start_date: no such date",
                "bookings.csv:3:4: scheduled_start_time: no such time of day",
                "bookings.csv:4:1: patient_id: required",
                "bookings.csv:5:8: accession_number: at most 16 characters (SH, PS3.5 Table "
                        + "6.2-1); 25 typed; bookings.csv:5:5: modality: not a DICOM "
                        + "acquisition modality code; e.g. MR, EEG, CT, US (PS3.3 C.7.3.1.1.1)",
                "bookings.csv:6:6: scheduled_station_aetitle: at most 16 characters (AE, "
                        + "PS3.5 Table 6.2-1); 25 typed");
        assertThat(String.join("\n", reasons(rows))).doesNotContain("Doe", "Roe", "Smith",
                "SUB1", "2025-02-30", "ACCESSION_NUMBER_TOO_LONG");
    }

    @Test
    void aSkippedLineKeepsItsKeyWhenItCanBeToldAndNoneWhenNot() {
        FileRows rows = read(HEADER
                + "SUB1,Doe^Jane,2025-02-12,09:00,XX,MRI_3T,,\n"
                + "SUB2,Doe^John,12/02/2025,09:00,MR,MRI_3T,,\n");

        assertThat(rows.skips().get(0).key()).startsWith("bookings.csv:");
        assertThat(rows.skips().get(1).key()).isNull();
    }

    @Test
    void keysAreStableWhenLinesMoveAndHoldNoPatientData() {
        String a = "SUB1,Doe^Jane,2025-02-12,09:00,MR,MRI_3T,,\n";
        String b = "SUB2,Doe^John,2025-02-12,10:00,MR,MRI_3T,,\n";

        List<String> before = keys(read(HEADER + a + b));
        List<String> after = keys(read(HEADER + b + "\n" + a));
        List<String> samePatientOtherTime = keys(read(HEADER
                + a.replace("09:00", "09:30")));

        assertThat(after).containsExactlyInAnyOrderElementsOf(before);
        assertThat(samePatientOtherTime.get(0)).isNotEqualTo(before.get(0));
        assertThat(before).allSatisfy(key -> assertThat(key).startsWith("bookings.csv:")
                .doesNotContain("SUB").doesNotContain("2025"));
        // 09:00 and 0900 and 09:00:00 are one time.
        assertThat(keys(read(HEADER + a.replace("09:00", "0900")))).isEqualTo(
                keys(read(HEADER + a.replace("09:00", "09:00:00"))));
    }

    @Test
    void anExplicitSourceKeyIsTheKey() {
        FileRows rows = read("source_key," + HEADER
                + "booking-77,SUB1,Doe^Jane,2025-02-12,09:00,MR,MRI_3T,,\n");

        assertThat(keys(rows)).containsExactly("booking-77");
    }

    @Test
    void aByteOrderMarkAndOtherEncodingsAreRead() {
        String text = "\uFEFF" + HEADER + "SUB1,Lefèvre^Hélène,2025-02-12,09:00,MR,MRI_3T,,\n";
        CsvFiles latin1 = new CsvFiles(new CsvSettings(Charset.forName("windows-1252"), ',',
                null, null, null, "99LANTIR"));

        FileRows utf8 = read(text);
        FileRows windows = latin1.read("b.csv", text.substring(1)
                .getBytes(Charset.forName("windows-1252")));

        assertThat(utf8.rows().get(0).item().patientName()).isEqualTo("Lefèvre^Hélène");
        assertThat(windows.rows().get(0).item().patientName()).isEqualTo("Lefèvre^Hélène");
    }

    @Test
    void textNotInTheEncodingSkipsTheFileWithAHint() {
        byte[] latin1 = (HEADER + "SUB1,Lefèvre^Hélène,2025-02-12,09:00,MR,MRI_3T,,\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        FileRows rows = files(null).read("b.csv", latin1);

        assertThat(rows.unreadable()).isTrue();
        assertThat(reasons(rows)).singleElement().asString().startsWith("b.csv: not UTF-8")
                .contains("config.encoding");
    }

    @Test
    void aHeaderWithoutARequiredColumnSkipsTheFileNamingWhatIsMissing() {
        FileRows rows = read("patient_id,name,scheduled_start_date,scheduled_start_time\n"
                + "SUB1,Doe^Jane,2025-02-12,09:00\n");

        assertThat(rows.unreadable()).isTrue();
        assertThat(reasons(rows)).containsExactly("bookings.csv:1: header row: no "
                + "patient_name, modality (or the source's config.modality) column; the "
                + "header names patient_id, name, scheduled_start_date, scheduled_start_time "
                + "(the first row of a file names its columns)");
        assertThat(rows.notes()).isEmpty();
    }

    @Test
    void unknownColumnsAreNotedAndIgnored() {
        FileRows rows = files("MR").read("b.csv", ("patient_id,patient_name,"
                + "scheduled_start_date,scheduled_start_time,colour\n"
                + "SUB1,Doe^Jane,2025-02-12,09:00,blue\n").getBytes(StandardCharsets.UTF_8));

        assertThat(rows.rows()).singleElement().satisfies(r ->
                assertThat(r.item().modality()).isEqualTo("MR"));
        assertThat(rows.notes()).containsExactly(
                "b.csv:1:5: column 'colour' is not a worklist field; ignored");
    }

    @Test
    void theColumnsBeyondTheValidatorsFields() {
        FileRows rows = read("patient_id,patient_name,scheduled_start_date,"
                + "scheduled_start_time,modality,patient_weight_lb,study_instance_uid,"
                + "requested_procedure_id,sps_id,protocol_name,requested_procedure_comments\n"
                + "SUB1,Doe^Jane,2025-02-12,09:00,MR,100,2.25.77,RP1,SPS1,BRAIN_3T,Fasting\n"
                + "SUB2,Doe^John,2025-02-12,10:00,MR,heavy,1.2.abc,RP_ID_FAR_TOO_LONG,,,\n");

        WorklistItem item = rows.rows().get(0).item();
        assertThat(item.patientWeightKg()).isEqualByComparingTo(new BigDecimal("45.359"));
        assertThat(item.studyInstanceUid()).isEqualTo("2.25.77");
        assertThat(item.requestedProcedureId()).isEqualTo("RP1");
        assertThat(item.spsId()).isEqualTo("SPS1");
        assertThat(item.protocolCode()).isEqualTo(new CodedEntry("BRAIN_3T", "99LANTIR",
                "BRAIN_3T"));
        assertThat(item.spsDescription()).isEqualTo("BRAIN_3T");
        assertThat(item.requestedProcedureComments()).isEqualTo("Fasting");
        assertThat(reasons(rows)).singleElement().asString()
                .contains("bookings.csv:3:6: patient_weight_lb: a number of pounds")
                .contains("bookings.csv:3:7: study_instance_uid: not a UID")
                .contains("bookings.csv:3:8: requested_procedure_id: at most 16 characters");
    }

    @Test
    void aRecordWiderThanTheHeaderIsBadUnlessTheExtraFieldsAreEmpty() {
        FileRows rows = read(HEADER
                + "SUB1,Doe^Jane,2025-02-12,09:00,MR,MRI_3T,,,,\n"
                + "SUB2,Doe^John,2025-02-12,10:00,MR,MRI_3T,,,surplus\n");

        assertThat(rows.rows()).hasSize(1);
        assertThat(reasons(rows)).containsExactly(
                "bookings.csv:3:9: more fields than the header's 8 columns");
    }

    @Test
    void aBrokenQuoteNamesItsLineAndColumn() {
        FileRows rows = read(HEADER + "SUB1,\"Doe^Jane\"x,2025-02-12,09:00,MR,MRI_3T,,\n"
                + "SUB2,Doe^John,2025-02-12,10:00,MR,MRI_3T,,\n");

        assertThat(rows.rows()).hasSize(1);
        assertThat(reasons(rows)).singleElement().asString()
                .startsWith("bookings.csv:2:2: text after the closing quote");
    }

    private static List<String> keys(FileRows rows) {
        return rows.rows().stream().map(r -> r.item().sourceKey()).toList();
    }
}
