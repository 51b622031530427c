package org.lantir.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.lantir.e2e.WorklistAnswers.assertDicomDatesAndTimes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.sync.SyncOutcome;
import org.lantir.sync.calpendo.CalpendoBookings;
import org.lantir.sync.calpendo.CalpendoEmulator;
import org.lantir.sync.calpendo.CalpendoSource;
import org.lantir.testsupport.Dcmtk;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;

/**
 * Issue #4, end to end: the Calpendo emulator serving the fixture bookings, a Lantir
 * configured as a pylantir site would (the Python tool's example Calpendo source, credentials
 * in the environment), a sync on the real clock, and dcmtk's findscu seeing the bookings of
 * tomorrow as worklist rows with DICOM names, dates and times; then a cancellation upstream
 * taking its row off the scanner's list at the next sync.
 */
@Timeout(180)
class CalpendoToScannerTest {

    private static final String SOURCE = "calpendo_3t";
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    @TempDir
    Path dir;
    private CalpendoEmulator calpendo;
    private RunningLantir lantir;
    private LocalDate tomorrow;

    @BeforeEach
    void start() throws Exception {
        Dcmtk.require("findscu");
        calpendo = CalpendoEmulator.start();
        // The bookings move to tomorrow on the site's clock: inside the default window.
        tomorrow = LocalDate.now(CalpendoEmulator.ZONE).plusDays(1);
        CalpendoBookings bookings = calpendo.bookings();
        bookings.move(48211, tomorrow.atTime(9, 0), tomorrow.atTime(10, 30));
        bookings.move(48212, tomorrow.atTime(17, 0), tomorrow.atTime(18, 30));
        bookings.move(48215, tomorrow.atTime(23, 30), tomorrow.plusDays(1).atTime(0, 30));
        lantir = RunningLantir.in(dir).json(dataSource(calpendo)).start();
        List<String> problems = lantir.startSync(Map.of(
                CalpendoSource.ENV_USERNAME, CalpendoEmulator.USERNAME,
                CalpendoSource.ENV_PASSWORD, CalpendoEmulator.PASSWORD));
        assertThat(problems).isEmpty();
    }

    @AfterEach
    void stop() {
        if (lantir != null) {
            lantir.close();
        }
        calpendo.close();
    }

    /** The Python tool's example Calpendo source, at the emulator, scheduled on MRI_3T. */
    private static String dataSource(CalpendoEmulator calpendo) {
        return """
                "data_sources": [{
                    "name": "calpendo_3t",
                    "type": "calpendo",
                    "enabled": true,
                    "sync_interval": 86400,
                    "config": {
                        "base_url": "%s",
                        "resources": ["3T Diagnostic", "EEG Lab"],
                        "status_filter": "Approved",
                        "lookback_multiplier": 2,
                        "timezone": "America/Edmonton",
                        "station_ae_title": "MRI_3T",
                        "resource_modality_mapping": {"3T": "MR", "EEG": "EEG", "Mock": "OT"},
                        "field_mapping": {
                            "patient_id": {"source_field": "title",
                                "_extract": {"pattern": "^([A-Z0-9]+)_.*", "group": 1}},
                            "patient_name": {"source_field": "title",
                                "_extract": {"pattern": "^[A-Z0-9]+_(.+)$", "group": 1}},
                            "study_description": {
                                "source_field": "properties.project.formattedName",
                                "_extract": {"pattern": "^([^(]+)", "group": 1}},
                            "accession_number": "id",
                            "study_instance_uid": "id"
                        }
                    }
                }]
                """.formatted(calpendo.baseUrl());
    }

    @Test
    void tomorrowsBookingsReachTheScannerAndACancellationTakesOneAway() throws Exception {
        sync();

        Findscu.Answer answer = scannerView();
        assertThat(answer.matches()).extracting(m -> m.getString(Tag.PatientID),
                m -> m.getString(Tag.PatientName), m -> m.getString(Tag.AccessionNumber),
                m -> sps(m).getString(Tag.ScheduledProcedureStepStartDate),
                m -> sps(m).getString(Tag.ScheduledProcedureStepStartTime),
                m -> sps(m).getString(Tag.Modality),
                m -> sps(m).getString(Tag.ScheduledStationAETitle))
                .containsExactlyInAnyOrder(
                        tuple("SUB2041", "Okafor^Maren", "48211", tomorrow.format(DA),
                                "090000", "MR", "MRI_3T"),
                        tuple("SUB2042", "Reyes^Tomas", "48212", tomorrow.format(DA),
                                "170000", "EEG", "MRI_3T"),
                        tuple("SUB2045", "Tremblay^Élodie", "48215", tomorrow.format(DA),
                                "233000", "MR", "MRI_3T"));
        assertThat(answer.values(Tag.StudyInstanceUID)).allSatisfy(uid ->
                assertThat(uid).startsWith("2.25."));

        calpendo.bookings().setStatus(48211, "Cancelled");
        sync();

        assertThat(scannerView().values(Tag.PatientID)).containsExactlyInAnyOrder("SUB2042",
                "SUB2045");
    }

    /**
     * SPS End Date and Time (0040,0004/0005) are return keys of the step (PS3.4 Table K.6-1):
     * asked for, they come back as the booking's finish on the site's clock, the next day for
     * one over midnight; a range key on the end date matches the steps that end then.
     */
    @Test
    void theScannerSeesWhenEachBookingEnds() throws Exception {
        sync();
        LocalDate after = tomorrow.plusDays(1);

        Findscu.Answer all = Findscu.to(lantir, dir).query(endQuery(""));
        Findscu.Answer endingAfter = Findscu.to(lantir, dir).query(
                endQuery(after.format(DA) + "-"));

        assertThat(all.finalStatus()).isEqualTo("Success");
        assertDicomDatesAndTimes(all.matches());
        assertThat(all.matches()).extracting(m -> m.getString(Tag.PatientID),
                m -> sps(m).getString(Tag.ScheduledProcedureStepStartDate),
                m -> sps(m).getString(Tag.ScheduledProcedureStepEndDate),
                m -> sps(m).getString(Tag.ScheduledProcedureStepEndTime))
                .containsExactlyInAnyOrder(
                        tuple("SUB2041", tomorrow.format(DA), tomorrow.format(DA), "103000"),
                        tuple("SUB2042", tomorrow.format(DA), tomorrow.format(DA), "183000"),
                        tuple("SUB2045", tomorrow.format(DA), after.format(DA), "003000"));
        assertThat(endingAfter.finalStatus()).isEqualTo("Success");
        assertThat(endingAfter.values(Tag.PatientID)).containsExactly("SUB2045");
        assertThat(scannerView().matches()).allSatisfy(m -> assertThat(sps(m).contains(
                Tag.ScheduledProcedureStepEndDate)).as("not asked, not answered").isFalse());
    }

    /** The scanner's query with the end keys: {@code endDate} empty (universal) or a range. */
    private Path endQuery(String endDate) throws Exception {
        Path dump = Files.createTempFile(dir, "sps-end", ".dump");
        Files.writeString(dump, """
                (0010,0020) LO (no value available)
                (0040,0100) SQ (Sequence with explicit length #=1)
                  (fffe,e000) na (Item with explicit length #=6)
                    (0040,0001) AE [MRI_3T]
                    (0040,0002) DA (no value available)
                    (0040,0004) DA %s
                    (0040,0005) TM (no value available)
                  (fffe,e00d) na (ItemDelimitationItem for re-encoding)
                (fffe,e0dd) na (SequenceDelimitationItem for re-encod.)
                """.formatted(endDate.isEmpty() ? "(no value available)" : "[" + endDate + "]"));
        return dump;
    }

    @Test
    void aStepTheScannerStartedStaysWhenItsBookingIsCancelled() throws Exception {
        sync();
        WorklistItem row = lantir.row("SUB2045");
        lantir.worklist().update(row.toBuilder().status(ProcedureStepStatus.IN_PROGRESS)
                .build());

        calpendo.bookings().setStatus(48215, "Cancelled");
        sync();

        assertThat(lantir.row("SUB2045").status()).isEqualTo(ProcedureStepStatus.IN_PROGRESS);
        assertThat(scannerView().values(Tag.PatientID)).contains("SUB2045");
    }

    private void sync() throws Exception {
        SyncOutcome outcome = lantir.app().scheduler().syncNow(SOURCE, false)
                .get(60, TimeUnit.SECONDS);
        assertThat(outcome.succeeded()).as("sync: " + outcome.error()).isTrue();
    }

    /** The whole worklist as the scanner MRI_3T sees it by default (C22's query). */
    private Findscu.Answer scannerView() throws Exception {
        Findscu.Answer answer = Findscu.to(lantir, dir).query("C22-unbounded-query");
        assertThat(answer.finalStatus()).isEqualTo("Success");
        assertDicomDatesAndTimes(answer.matches());
        return answer;
    }

    private static Dataset sps(Dataset match) {
        return match.getItem(Tag.ScheduledProcedureStepSequence);
    }
}
