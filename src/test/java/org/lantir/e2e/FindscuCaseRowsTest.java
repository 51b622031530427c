package org.lantir.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.e2e.WorklistAnswers.assertDicomDatesAndTimes;
import static org.lantir.e2e.WorklistAnswers.byPatientId;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.testing.WorklistRows;
import org.lantir.testsupport.Dcmtk;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItem.CodedEntry;

/**
 * The interop cases that bring their own worklist rows or settings (C02, C03, C07, C09 under
 * both unassigned_station policies, C12, C14 with calling_ae_as_station, C15, C17, C30), each
 * against a freshly started Lantir on its own SQLite database, queried by dcmtk's
 * {@code findscu -W} with the case's query file. Missing dcmtk skips these tests, except under
 * CI=true where it fails them.
 */
@Timeout(120)
class FindscuCaseRowsTest {

    @TempDir
    Path dir;
    private RunningLantir lantir;

    @AfterEach
    void stop() {
        if (lantir != null) {
            lantir.close();
        }
    }

    private void start(WorklistItem... rows) throws Exception {
        start(RunningLantir.in(dir), rows);
    }

    private void start(RunningLantir.Config config, WorklistItem... rows) throws Exception {
        Dcmtk.require("findscu");
        lantir = config.start();
        lantir.add(rows);
    }

    private Findscu findscu() {
        return Findscu.to(lantir, dir);
    }

    private Findscu.Answer query(String caseInput) throws Exception {
        Findscu.Answer answer = findscu().query(caseInput);
        assertDicomDatesAndTimes(answer.matches());
        return answer;
    }

    private static WorklistItem[] withWTable(WorklistItem... more) {
        List<WorklistItem> rows = new ArrayList<>(List.of(WorklistRows.wTable()));
        rows.addAll(List.of(more));
        return rows.toArray(new WorklistItem[0]);
    }

    @Test
    void c02LowerCaseNameFindsBothSpellingsOfTheName() throws Exception {
        start(withWTable(WorklistRows.row("Doe^Jane", "1007", "MR", "MRI_3T", "20250212",
                "140000")));

        Findscu.Answer answer = query("C02-pn-lowercase");

        assertThat(answer.values(Tag.PatientID)).containsExactlyInAnyOrder("1001", "1007");
        assertThat(answer.finalStatus()).isEqualTo("Success");
    }

    @Test
    void c02LowerCaseModalityMatchesNothing() throws Exception {
        start(withWTable(WorklistRows.row("Doe^Jane", "1007", "MR", "MRI_3T", "20250212",
                "140000")));

        Findscu.Answer answer = findscu().options("-d").query("C02-cs-lowercase");

        assertThat(answer.matches()).isEmpty();
        assertThat(answer.statusHex()).isIn("0000", "a900");
    }

    @Test
    void c03NamesMappedFamilyFirstAreFoundByFamilyName() throws Exception {
        start(WorklistRows.row("Doe^Jane", "SUB101", "MR", "MRI_3T", "20250212", "090000"),
                WorklistRows.row("Doe", "SUB102", "MR", "MRI_3T", "20250212", "100000"),
                WorklistRows.row("de la Cruz^Maria", "SUB103", "MR", "MRI_3T", "20250212",
                        "110000"));

        Findscu.Answer answer = query("C03-pn-family-first");

        assertThat(answer.values(Tag.PatientID)).containsExactlyInAnyOrder("SUB101", "SUB102");
        assertThat(answer.finalStatus()).isEqualTo("Success");
    }

    @Test
    void c07NormalisedTimesGoOutAsDicomTimesWithoutColons() throws Exception {
        start(at("SUB301", LocalTime.of(14, 30)), at("SUB302", LocalTime.of(9, 5)),
                at("SUB303", LocalTime.of(16, 0)));

        Findscu.Answer answer = query("C07-single-date");

        assertThat(answer.values(Tag.PatientID)).containsExactlyInAnyOrder("SUB301", "SUB302",
                "SUB303");
        assertThat(startTime(answer, "SUB301")).isEqualTo("143000");
        assertThat(startTime(answer, "SUB302")).isEqualTo("090500");
        assertThat(startTime(answer, "SUB303")).isEqualTo("160000");
        assertThat(answer.spsValues(Tag.ScheduledProcedureStepStartDate))
                .containsOnly("20250212");
    }

    private static WorklistItem at(String id, LocalTime time) {
        return WorklistRows.row("SUBJECT^" + id, id, "MR", "MRI_3T", "20250212", "000000")
                .toBuilder().scheduledStartTime(time).build();
    }

    private static String startTime(Findscu.Answer answer, String patientId) {
        return byPatientId(answer.matches(), patientId)
                .getItem(Tag.ScheduledProcedureStepSequence)
                .getString(Tag.ScheduledProcedureStepStartTime);
    }

    /** C09's rows, W9 (no date) and W10 (no station), beside the W-table. */
    private static WorklistItem[] c09Rows() {
        return withWTable(WorklistRows.row("BLANK^DATE", "1009", "MR", "MRI_3T", null, null),
                WorklistRows.row("BLANK^STATION", "1010", "MR", null, "20250212", "130000"));
    }

    private static RunningLantir.Config hidingUnassigned(RunningLantir.Config config) {
        return config.server("\"unassigned_station\": \"hidden\"");
    }

    @Test
    void c09DateKeyNeverMatchesRowsWithoutDateOrStation() throws Exception {
        start(hidingUnassigned(RunningLantir.in(dir)), c09Rows());

        Findscu.Answer answer = query("C09-date-key");

        assertThat(answer.values(Tag.PatientID)).containsExactlyInAnyOrder("1001", "1002");
        assertThat(answer.finalStatus()).isEqualTo("Success");
    }

    @Test
    void c09UniversalDateKeyStillLeavesIncompleteRowsUnpublished() throws Exception {
        start(hidingUnassigned(RunningLantir.in(dir)), c09Rows());

        Findscu.Answer answer = query("C09-universal");

        assertThat(answer.values(Tag.PatientID)).containsExactlyInAnyOrder("1001", "1002",
                "1004", "1005");
        assertThat(answer.spsValues(Tag.ScheduledProcedureStepStartDate)).doesNotContain("");
        assertThat(answer.spsValues(Tag.ScheduledProcedureStepStartTime)).doesNotContain("");
    }

    /** The default unassigned_station "any": W10 is scheduled on the station asked for. */
    @Test
    void c09RowWithoutStationGoesOutOnTheStationTheKeyNamesByDefault() throws Exception {
        start(c09Rows());

        Findscu.Answer answer = findscu().calling("CONSOLE_A").query("C09-date-key");

        assertThat(answer.values(Tag.PatientID)).containsExactlyInAnyOrder("1001", "1002",
                "1010");
        assertThat(answer.spsValues(Tag.ScheduledStationAETitle)).containsOnly("MRI_3T");
        assertThat(answer.finalStatus()).isEqualTo("Success");
    }

    /** W9 (no date) stays unpublished whatever the station policy. */
    @Test
    void c09UniversalDateKeyByDefaultAddsOnlyTheRowWithoutStation() throws Exception {
        start(c09Rows());

        Findscu.Answer answer = query("C09-universal");

        assertThat(answer.values(Tag.PatientID)).containsExactlyInAnyOrder("1001", "1002",
                "1004", "1005", "1010");
        assertThat(answer.spsValues(Tag.ScheduledProcedureStepStartDate)).doesNotContain("");
        assertThat(answer.spsValues(Tag.ScheduledStationAETitle)).containsOnly("MRI_3T");
    }

    /** W1 and W2 as a REDCap sync feeds them: no accession, IDs, UID, weight, physician. */
    private void startWithW1AndW2FromRedcap() throws Exception {
        start();
        lantir.worklist().applySync("redcap", List.of(fromRedcap("1", "DOE^JANE", "1001", 9),
                fromRedcap("2", "DOE^JOHN", "1002", 10)), true);
    }

    private static WorklistItem fromRedcap(String record, String name, String id, int hour) {
        return WorklistItem.builder().sourceKey(record).patientName(name).patientId(id)
                .modality("MR").scheduledStationAeTitle("MRI_3T")
                .scheduledStartDate(java.time.LocalDate.of(2025, 2, 12))
                .scheduledStartTime(LocalTime.of(hour, 0))
                .spsDescription("BRAIN MRI RESEARCH").build();
    }

    @Test
    void c12EveryRequestedKeyComesBackTypeOneKeysWithValues() throws Exception {
        startWithW1AndW2FromRedcap();

        Findscu.Answer answer = query("C12-return-keys");

        assertThat(answer.matches()).hasSize(2);
        assertThat(answer.finalStatus()).isEqualTo("Success");
        assertThat(answer.pendingStatuses()).containsOnly("Pending");
        Dataset w1 = byPatientId(answer.matches(), "1001");
        Dataset w2 = byPatientId(answer.matches(), "1002");
        assertThat(w1.getString(Tag.PatientName)).isEqualTo("DOE^JANE");
        assertThat(w1.getString(Tag.StudyInstanceUID)).startsWith("2.25.")
                .isNotEqualTo(w2.getString(Tag.StudyInstanceUID));
        assertThat(w1.getString(Tag.RequestedProcedureID)).isNotEmpty()
                .isNotEqualTo(w2.getString(Tag.RequestedProcedureID));
        assertThat(w1.getString(Tag.RequestedProcedureDescription)).isNotEmpty();
        for (int tag : new int[] {Tag.ReferringPhysicianName, Tag.PatientSize,
            Tag.PatientWeight, Tag.MedicalAlerts, Tag.AdmissionID,
            Tag.RequestedProcedurePriority, Tag.ReferencedStudySequence}) {
            assertThat(w1.contains(tag)).as("returned: " + Tag.toString(tag)).isTrue();
        }
        assertThat(w1.hasValue(Tag.PatientWeight)).isFalse();
        Dataset sps = w1.getItem(Tag.ScheduledProcedureStepSequence);
        assertThat(sps.getString(Tag.Modality)).isEqualTo("MR");
        assertThat(sps.getString(Tag.ScheduledStationAETitle)).isEqualTo("MRI_3T");
        assertThat(sps.getString(Tag.ScheduledProcedureStepStartDate)).isEqualTo("20250212");
        assertThat(sps.getString(Tag.ScheduledProcedureStepStartTime)).isEqualTo("090000");
        assertThat(sps.getString(Tag.ScheduledProcedureStepID)).isNotEmpty();
        assertThat(sps.getString(Tag.ScheduledProcedureStepDescription)).isNotEmpty();
        assertThat(sps.getString(Tag.ScheduledProcedureStepStatus)).isEqualTo("SCHEDULED");
        assertThat(sps.contains(Tag.ScheduledProcedureStepLocation)).isTrue();
        assertThat(sps.contains(Tag.ScheduledPerformingPhysicianName)).isTrue();
    }

    @Test
    void c12UnsupportedOptionalKeyIsSaidSoWithFF01() throws Exception {
        startWithW1AndW2FromRedcap();

        Findscu.Answer answer = findscu().options("-d").query("C12-optional-key-unsupported");

        assertThat(answer.values(Tag.PatientName)).containsExactlyInAnyOrder("DOE^JANE",
                "DOE^JOHN");
        assertThat(answer.statusHexes()).containsExactly("ff01", "ff01", "0000");
    }

    /** C14 with the documented option on: a console that names no station sees its own. */
    @Test
    void c14CallingAeAsStationNarrowsAQueryWithoutStationKey() throws Exception {
        start(RunningLantir.in(dir).server("\"calling_ae_as_station\": [\"MRI_3T\"]"),
                WorklistRows.wTable());

        Findscu.Answer fromMri3T = query("C14-station-aet-empty");
        Findscu.Answer fromElsewhere = findscu().calling("CT_SCAN1")
                .query("C14-station-aet-empty");
        Findscu.Answer ownKey = query("C14-station-aet-own");

        assertThat(fromMri3T.values(Tag.PatientName)).containsExactlyInAnyOrder("DOE^JANE",
                "DOE^JOHN");
        assertThat(fromElsewhere.values(Tag.PatientName)).containsExactlyInAnyOrder(
                "DOE^JANE", "DOE^JOHN", "DOE^JIM");
        assertThat(ownKey.values(Tag.PatientName)).containsExactlyInAnyOrder("DOE^JANE",
                "DOE^JOHN");
    }

    private static WorklistItem booking(String id, String modality, String date, String code) {
        return WorklistRows.row("SUBJECT^" + id, id, modality, "MRI_3T", date, "090000")
                .toBuilder().protocolCode(code == null ? null
                        : new CodedEntry(code, "99LANTIR", "Local protocol " + code)).build();
    }

    private void startWithBookings() throws Exception {
        start(booking("SUB401", "MR", "20250212", "BRAIN_MRI_3T"),
                booking("SUB402", "MR", "20250212", "BRAIN_RESTING_STATE_LONG"),
                booking("SUB403", "EEG", "20250212", null),
                booking("SUB404", "US", "20250213", null),
                booking("SUB405", "3T Research", "20250212", null));
    }

    @Test
    void c15MrQueryFindsMrBookingsWithCodesThatFitTheirVr() throws Exception {
        startWithBookings();

        Findscu.Answer answer = query("C15-modality-mr");

        assertThat(answer.values(Tag.PatientName)).containsExactlyInAnyOrder("SUBJECT^SUB401",
                "SUBJECT^SUB402");
        Dataset shortCode = protocolCode(answer, "SUBJECT^SUB401");
        Dataset longCode = protocolCode(answer, "SUBJECT^SUB402");
        assertThat(shortCode.getString(Tag.CodeValue)).isEqualTo("BRAIN_MRI_3T");
        assertThat(longCode.contains(Tag.CodeValue)).isFalse();
        assertThat(longCode.getString(Tag.LongCodeValue)).isEqualTo("BRAIN_RESTING_STATE_LONG");
        assertThat(longCode.getString(Tag.CodeMeaning)).isNotEmpty();
    }

    private static Dataset protocolCode(Findscu.Answer answer, String name) {
        Dataset match = answer.matches().stream()
                .filter(m -> name.equals(m.getString(Tag.PatientName))).findFirst()
                .orElseThrow();
        return match.getItem(Tag.ScheduledProcedureStepSequence)
                .getItem(Tag.ScheduledProtocolCodeSequence);
    }

    @Test
    void c15BroadUltrasoundQueryFindsOnlyUltrasound() throws Exception {
        startWithBookings();

        Findscu.Answer answer = query("C15-modality-us-broad");

        assertThat(answer.values(Tag.PatientID)).containsExactly("SUB404");
        assertThat(answer.spsValues(Tag.Modality)).containsExactly("US");
    }

    private void startWithLatinNames() throws Exception {
        start(RunningLantir.in(dir).server(
                "\"calling_ae_default_charsets\": {\"MRI_3T\": \"ISO_IR 100\"}"),
                WorklistRows.row("MÜLLER^JÖRG", "L1", "MR", "MRI_3T", "20250212", "090000"),
                WorklistRows.row("DVOŘÁK^ADÉLA", "L2", "MR", "MRI_3T", "20250212", "100000"),
                WorklistRows.row("MARTIN^LUC", "L3", "MR", "MRI_3T", "20250212", "110000"));
    }

    @Test
    void c17Utf8QueryFindsTheNameAndTheAnswerSaysItsSet() throws Exception {
        startWithLatinNames();

        Findscu.Answer answer = query("C17-query-utf8");

        assertThat(answer.values(Tag.PatientID)).containsExactly("L1");
        assertThat(answer.values(Tag.PatientName)).containsExactly("MÜLLER^JÖRG");
        assertThat(answer.values(Tag.SpecificCharacterSet)).doesNotContain("");
    }

    @Test
    void c17DeclaredLatin1QueryFindsTheName() throws Exception {
        startWithLatinNames();

        Findscu.Answer answer = query("C17-query-latin1-declared");

        assertThat(answer.values(Tag.PatientName)).containsExactly("MÜLLER^JÖRG");
        assertThat(answer.values(Tag.SpecificCharacterSet)).containsAnyOf("ISO_IR 100",
                "ISO_IR 192");
    }

    @Test
    void c17UndeclaredLatin1QueryIsReadInTheCallingAesConfiguredSet() throws Exception {
        startWithLatinNames();

        Findscu.Answer answer = query("C17-query-latin1-undeclared");

        assertThat(answer.values(Tag.PatientName)).containsExactly("MÜLLER^JÖRG");
        assertThat(answer.finalStatus()).isEqualTo("Success");
    }

    @Test
    void c17NameOutsideLatin1IsAnsweredInASetThatHoldsIt() throws Exception {
        startWithLatinNames();

        Findscu.Answer answer = query("C17-query-ascii-latin1");

        assertThat(answer.values(Tag.PatientName)).containsExactly("DVOŘÁK^ADÉLA");
        assertThat(answer.values(Tag.SpecificCharacterSet)).containsExactly("ISO_IR 192");
    }

    private void startWithWeights() throws Exception {
        WorklistItem base = WorklistRows.row("DOE^JANE", "SUB002", "MR", "MRI_3T", "20250212",
                "090000");
        start(base.toBuilder().patientWeightKg(new BigDecimal("69.85")).build(),
                base.toBuilder().patientId("SUB003").spsId("SPS-SUB003")
                        .studyInstanceUid("2.25.3003").patientWeightKg(new BigDecimal("70"))
                        .build(),
                base.toBuilder().patientId("SUB004").spsId("SPS-SUB004")
                        .studyInstanceUid("2.25.3004").patientWeightKg(null).build());
    }

    @Test
    void c30WeightGoesOutInKilograms() throws Exception {
        startWithWeights();

        Findscu.Answer answer = query("C30-weight");

        assertThat(answer.values(Tag.PatientID)).containsExactly("SUB002");
        assertThat(answer.values(Tag.PatientWeight)).containsExactly("69.85");
    }

    @Test
    void c30UnknownWeightGoesOutZeroLengthNeverADefault() throws Exception {
        startWithWeights();

        Findscu.Answer unknown = findscu().options("-k", "PatientID=SUB004").query("C30-weight");
        Findscu.Answer kilograms = findscu().options("-k", "PatientID=SUB003")
                .query("C30-weight");

        assertThat(unknown.matches()).singleElement().satisfies(match -> {
            assertThat(match.contains(Tag.PatientWeight)).isTrue();
            assertThat(match.hasValue(Tag.PatientWeight)).isFalse();
        });
        assertThat(kilograms.values(Tag.PatientWeight)).containsExactly("70");
    }
}
