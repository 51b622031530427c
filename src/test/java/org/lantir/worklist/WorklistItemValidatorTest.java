package org.lantir.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantir.worklist.WorklistItemValidator.Field;
import org.lantir.worklist.WorklistItemValidator.Problem;
import org.lantir.worklist.WorklistItemValidator.Result;

/** The typed-row checks of PS3.5 Table 6.2-1 and PS3.4 Table K.6-1, one field at a time. */
class WorklistItemValidatorTest {

    /** A walk-in as a technologist types it: every required field and a few others. */
    private static Map<Field, String> walkIn() {
        Map<Field, String> v = new EnumMap<>(Field.class);
        v.put(Field.PATIENT_NAME, "DOE, Jane");
        v.put(Field.PATIENT_ID, "SUB042");
        v.put(Field.PATIENT_BIRTH_DATE, "1990-01-01");
        v.put(Field.PATIENT_SEX, "f");
        v.put(Field.PATIENT_WEIGHT, "72.5");
        v.put(Field.MODALITY, "mr");
        v.put(Field.STATION_AE_TITLE, " MRI_3T ");
        v.put(Field.SCHEDULED_DATE, "20250212");
        v.put(Field.SCHEDULED_TIME, "9:05");
        v.put(Field.STEP_DESCRIPTION, "Walk-in resting state");
        v.put(Field.PATIENT_COMMENTS, "  Indented note\nsecond line   ");
        return v;
    }

    private static Result with(Field field, String value) {
        Map<Field, String> v = walkIn();
        v.put(field, value);
        return WorklistItemValidator.check(v, null);
    }

    private static String problemOf(Field field, String value) {
        Result r = with(field, value);
        assertThat(r.isValid()).as("%s '%s' is refused", field, value).isFalse();
        assertThat(r.item()).isNull();
        assertThat(r.problems()).extracting(Problem::field).containsExactly(field);
        return r.problem(field).orElseThrow().message();
    }

    private static void accepted(Field field, String value) {
        Result r = with(field, value);
        assertThat(r.problems()).as("%s '%s'", field, value).isEmpty();
    }

    @Test
    void aCompleteWalkInBuildsTheRowInStoredForms() {
        Result r = WorklistItemValidator.check(walkIn(), null);

        assertThat(r.problems()).isEmpty();
        WorklistItem row = r.item();
        assertThat(row.patientName()).isEqualTo("DOE^Jane");
        assertThat(row.patientId()).isEqualTo("SUB042");
        assertThat(row.patientBirthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(row.patientSex()).isEqualTo("F");
        assertThat(row.patientWeightKg()).isEqualByComparingTo("72.5");
        assertThat(row.modality()).isEqualTo("MR");
        assertThat(row.scheduledStationAeTitle()).isEqualTo("MRI_3T");
        assertThat(row.scheduledStartDate()).isEqualTo(LocalDate.of(2025, 2, 12));
        assertThat(row.scheduledStartTime()).isEqualTo(LocalTime.of(9, 5));
        assertThat(row.spsDescription()).isEqualTo("Walk-in resting state");
        assertThat(row.patientComments()).isEqualTo("  Indented note\nsecond line");
        assertThat(row.accessionNumber()).as("left to the minter").isNull();
        assertThat(row.status()).isEqualTo(ProcedureStepStatus.SCHEDULED);
        assertThat(row.dataSource()).isNull();
    }

    @Test
    void everyRequiredFieldIsNamedWhenEmptyAndNothingElse() {
        Result r = WorklistItemValidator.check(Map.of(Field.PATIENT_NAME, "   "), null);

        assertThat(r.problems()).extracting(Problem::field).containsExactly(
                Field.PATIENT_NAME, Field.PATIENT_ID, Field.MODALITY, Field.SCHEDULED_DATE,
                Field.SCHEDULED_TIME);
        assertThat(r.problems()).extracting(Problem::message).containsOnly("required");
        assertThat(r.problems().get(0)).hasToString("Patient name: required");
        assertThat(Field.STATION_AE_TITLE.required()).isFalse();
    }

    @Test
    void stationAeTitleMayStayEmpty() {
        accepted(Field.STATION_AE_TITLE, "");
        assertThat(with(Field.STATION_AE_TITLE, "").item().scheduledStationAeTitle()).isNull();
    }

    // ---- PN (PS3.5 §6.2.1) ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DOE^JANE|DOE^JANE",
        "DOE, Jane|DOE^Jane",
        "DOE,Jane Marie|DOE^Jane Marie",
        "QA PHANTOM|QA PHANTOM",
        "DOE^JANE^^DR|DOE^JANE^^DR",
        "Yamada^Tarou=山田^太郎|Yamada^Tarou=山田^太郎",
        "Müller, Jürgen|Müller^Jürgen"})
    void personNamesInDicomOrReadableForm(String typed, String stored) {
        assertThat(with(Field.PATIENT_NAME, typed).item().patientName()).isEqualTo(stored);
    }

    @Test
    void personNameRules() {
        assertThat(problemOf(Field.PATIENT_NAME, "A".repeat(65)))
                .isEqualTo("at most 64 characters per component group (PN, PS3.5 Table 6.2-1)");
        accepted(Field.PATIENT_NAME, "A".repeat(30) + "^" + "B".repeat(33));
        accepted(Field.PATIENT_NAME, "A".repeat(64) + "=" + "B".repeat(64));
        assertThat(problemOf(Field.PATIENT_NAME, "A^B^C^D^E^F")).contains("five components");
        assertThat(problemOf(Field.PATIENT_NAME, "A=B=C=D")).contains("three component groups");
        assertThat(problemOf(Field.PATIENT_NAME, "DOE\\ROE")).contains("backslash");
        assertThat(problemOf(Field.PATIENT_NAME, "DOE\tJANE")).contains("control characters");
        assertThat(problemOf(Field.PATIENT_NAME, "DOE, Jane, Marie")).contains("one comma");
        assertThat(problemOf(Field.PATIENT_NAME, "^^")).isEqualTo("required");
        assertThat(problemOf(Field.REFERRING_PHYSICIAN, "=")).contains("no name");
    }

    @Test
    void messagesNeverRepeatTheValue() {
        String secret = "ZZSECRETNAME".repeat(6);

        assertThat(problemOf(Field.PATIENT_NAME, secret)).doesNotContain("ZZSECRET");
        assertThat(problemOf(Field.PATIENT_ID, secret)).doesNotContain("ZZSECRET");
        assertThat(problemOf(Field.PATIENT_BIRTH_DATE, secret)).doesNotContain("ZZSECRET");
    }

    // ---- LO, SH (PS3.5 Table 6.2-1) ----

    @Test
    void longAndShortStringLengthsCountCharacters() {
        accepted(Field.PATIENT_ID, "P".repeat(64));
        assertThat(problemOf(Field.PATIENT_ID, "P".repeat(65)))
                .isEqualTo("at most 64 characters (LO, PS3.5 Table 6.2-1); 65 typed");
        accepted(Field.REQUESTED_PROCEDURE, "é".repeat(64));
        assertThat(problemOf(Field.STEP_DESCRIPTION, "x".repeat(65))).contains("LO");
        accepted(Field.ACCESSION_NUMBER, "A".repeat(16));
        assertThat(problemOf(Field.ACCESSION_NUMBER, "A".repeat(17)))
                .isEqualTo("at most 16 characters (SH, PS3.5 Table 6.2-1); 17 typed");
        assertThat(problemOf(Field.STATION_NAME, "S".repeat(17))).contains("SH");
        // A character outside the Basic Multilingual Plane is one character, two chars.
        accepted(Field.STATION_NAME, "\uD83D\uDE00".repeat(16));
    }

    @ParameterizedTest
    @ValueSource(strings = {"P\\1", "P\n1", "P\u00001", "P\u007F1"})
    void stringsRefuseBackslashAndControlCharacters(String typed) {
        assertThat(problemOf(Field.PATIENT_ID, typed)).containsAnyOf("backslash", "control");
    }

    @Test
    void surroundingSpacesAreNotPartOfTheValue() {
        assertThat(with(Field.PATIENT_ID, "  SUB042 ").item().patientId()).isEqualTo("SUB042");
        accepted(Field.ACCESSION_NUMBER, "  " + "A".repeat(16) + "  ");
    }

    // ---- CS: modality and sex ----

    @ParameterizedTest
    @ValueSource(strings = {"MR", "EEG", "CT", "US", "PT", "NM", "eeg", " mr "})
    void knownAcquisitionModalitiesAreTakenInUpperCase(String typed) {
        Result r = with(Field.MODALITY, typed);

        assertThat(r.problems()).isEmpty();
        assertThat(r.item().modality()).isEqualTo(typed.strip().toUpperCase());
    }

    @Test
    void modalityMustBeACodeStringAndAnAcquisitionModality() {
        assertThat(problemOf(Field.MODALITY, "3T Research")).contains("not a DICOM acquisition "
                + "modality code");
        assertThat(problemOf(Field.MODALITY, "SR")).as("an object type, not an acquisition")
                .contains("acquisition");
        assertThat(problemOf(Field.MODALITY, "M-R")).contains("only letters A-Z");
        assertThat(problemOf(Field.MODALITY, "MAGNETICRESONANCE"))
                .isEqualTo("at most 16 characters (CS, PS3.5 Table 6.2-1); 17 typed");
        assertThat(Modalities.isKnown("EEG")).isTrue();
        assertThat(Modalities.isKnown("eeg")).isFalse();
        assertThat(Modalities.all()).containsKeys("MR", "EEG", "EMG", "EOG", "CT")
                .doesNotContainKeys("SR", "PR", "SEG", "OT");
        assertThat(Modalities.all().keySet()).allMatch(code -> code.matches("[A-Z0-9 _]{1,16}"));
    }

    @Test
    void sexIsMFOrO() {
        accepted(Field.PATIENT_SEX, "");
        accepted(Field.PATIENT_SEX, "o");
        assertThat(problemOf(Field.PATIENT_SEX, "X")).isEqualTo("M, F or O (PS3.3 C.7.1.1), "
                + "or empty");
        assertThat(problemOf(Field.PATIENT_SEX, "female")).contains("M, F or O");
    }

    // ---- AE (PS3.5 Table 6.2-1) ----

    @Test
    void aeTitleRules() {
        accepted(Field.STATION_AE_TITLE, "MRI 3T-ROOM.1");
        accepted(Field.STATION_AE_TITLE, "A".repeat(16));
        assertThat(problemOf(Field.STATION_AE_TITLE, "A".repeat(17)))
                .isEqualTo("at most 16 characters (AE, PS3.5 Table 6.2-1); 17 typed");
        assertThat(problemOf(Field.STATION_AE_TITLE, "MRI\\3T")).contains("backslash");
        assertThat(problemOf(Field.STATION_AE_TITLE, "MRÖ")).contains("ASCII");
        assertThat(problemOf(Field.STATION_AE_TITLE, "MRI\t3T")).contains("ASCII");
    }

    // ---- DA, TM ----

    @ParameterizedTest
    @CsvSource({"2025-02-12,2025-02-12", "20250212,2025-02-12", "2024-02-29,2024-02-29"})
    void datesInIsoOrDicomForm(String typed, LocalDate stored) {
        assertThat(with(Field.SCHEDULED_DATE, typed).item().scheduledStartDate())
                .isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12/02/2025", "2025-2-12", "2025.02.12", "12-02-2025", "tomorrow",
        "202502120"})
    void otherDateFormsAreRefusedWithTheAcceptedForms(String typed) {
        assertThat(problemOf(Field.SCHEDULED_DATE, typed))
                .isEqualTo("write the date as YYYY-MM-DD or YYYYMMDD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30", "20250230", "2025-13-01", "2023-02-29"})
    void impossibleDatesAreRefused(String typed) {
        assertThat(problemOf(Field.SCHEDULED_DATE, typed)).isEqualTo("no such date");
    }

    @Test
    void birthDateAfterTheScheduledDateIsAMistake() {
        assertThat(problemOf(Field.PATIENT_BIRTH_DATE, "2025-02-13"))
                .isEqualTo("after the scheduled date");
        accepted(Field.PATIENT_BIRTH_DATE, "2025-02-12");
        assertThat(problemOf(Field.PATIENT_BIRTH_DATE, "1990-02-30")).isEqualTo("no such date");
    }

    @ParameterizedTest
    @CsvSource({"09:00,09:00", "9:00,09:00", "23:59:59,23:59:59", "00:00,00:00",
        "14:30:05,14:30:05"})
    void timesAsHoursMinutesAndSeconds(String typed, LocalTime stored) {
        assertThat(with(Field.SCHEDULED_TIME, typed).item().scheduledStartTime())
                .isEqualTo(stored);
    }

    @Test
    void otherTimeFormsAreRefused() {
        assertThat(problemOf(Field.SCHEDULED_TIME, "0900"))
                .isEqualTo("write the time as HH:MM or HH:MM:SS (24-hour clock)");
        assertThat(problemOf(Field.SCHEDULED_TIME, "9am")).contains("HH:MM");
        assertThat(problemOf(Field.SCHEDULED_TIME, "09:00:00.5")).contains("HH:MM");
        assertThat(problemOf(Field.SCHEDULED_TIME, "24:00")).isEqualTo("no such time of day");
        assertThat(problemOf(Field.SCHEDULED_TIME, "12:60")).isEqualTo("no such time of day");
    }

    // ---- DS weight, LT comments ----

    @Test
    void weightInKilograms() {
        assertThat(with(Field.PATIENT_WEIGHT, "80").item().patientWeightKg())
                .isEqualByComparingTo(new BigDecimal("80"));
        accepted(Field.PATIENT_WEIGHT, "1000");
        assertThat(problemOf(Field.PATIENT_WEIGHT, "72,5")).contains("e.g. 72.5");
        assertThat(problemOf(Field.PATIENT_WEIGHT, "-3")).contains("kilograms");
        assertThat(problemOf(Field.PATIENT_WEIGHT, "0")).isEqualTo("above 0 and at most "
                + "1000 kg");
        assertThat(problemOf(Field.PATIENT_WEIGHT, "1000.5")).contains("at most 1000");
    }

    @Test
    void longTextHolds10240CharactersWithLineBreaks() {
        accepted(Field.STEP_COMMENTS, "x".repeat(10240));
        accepted(Field.STEP_COMMENTS, "tabs\tand\r\nline breaks\fand \\ backslashes");
        assertThat(problemOf(Field.STEP_COMMENTS, "x".repeat(10241)))
                .isEqualTo("at most 10240 characters (LT, PS3.5 Table 6.2-1); 10241 typed");
        assertThat(problemOf(Field.PATIENT_COMMENTS, "bell\u0007")).contains("control");
        assertThat(with(Field.STEP_COMMENTS, "   ").item().spsComments()).isNull();
    }

    // ---- editing a stored row ----

    @Test
    void editingKeepsWhatTheFormDoesNotShow() {
        WorklistItem stored = WorklistItem.builder().id(7L).patientName("DOE^JANE")
                .patientId("SUB042").modality("MR").scheduledStartDate(LocalDate.of(2025, 2, 12))
                .scheduledStartTime(LocalTime.of(9, 0, 30)).spsId("SPS7")
                .requestedProcedureId("RP7").studyInstanceUid("2.25.7")
                .status(ProcedureStepStatus.IN_PROGRESS).patientSizeM(new BigDecimal("1.7"))
                .patientWeightKg(new BigDecimal("72.500")).build();
        Map<Field, String> typed = WorklistItemValidator.values(stored);

        assertThat(typed).containsEntry(Field.SCHEDULED_TIME, "09:00:30")
                .containsEntry(Field.SCHEDULED_DATE, "2025-02-12")
                .containsEntry(Field.PATIENT_WEIGHT, "72.5")
                .containsEntry(Field.STATION_AE_TITLE, "");
        typed.put(Field.PATIENT_NAME, "DOE^JANET");
        Result r = WorklistItemValidator.check(typed, stored);

        assertThat(r.problems()).isEmpty();
        assertThat(r.item().patientName()).isEqualTo("DOE^JANET");
        assertThat(r.item().id()).isEqualTo(7L);
        assertThat(r.item().spsId()).isEqualTo("SPS7");
        assertThat(r.item().status()).isEqualTo(ProcedureStepStatus.IN_PROGRESS);
        assertThat(r.item().patientSizeM()).isEqualByComparingTo("1.7");
        assertThat(r.item().scheduledStartTime()).isEqualTo(LocalTime.of(9, 0, 30));
    }

    @Test
    void timesAreShownWithSecondsOnlyWhenThereAreAny() {
        assertThat(WorklistItemValidator.time(LocalTime.of(7, 5))).isEqualTo("07:05");
        assertThat(WorklistItemValidator.time(LocalTime.of(7, 5, 9))).isEqualTo("07:05:09");
        assertThat(WorklistItemValidator.time(null)).isEmpty();
    }
}
