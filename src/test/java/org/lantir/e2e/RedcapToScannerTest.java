package org.lantir.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.lantir.e2e.WorklistAnswers.assertDicomDatesAndTimes;
import static org.lantir.testsupport.DcmjsPeer.naturalize;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
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
import org.lantir.sync.LogCapture;
import org.lantir.sync.SyncOutcome;
import org.lantir.sync.redcap.RedcapEmulator;
import org.lantir.sync.redcap.RedcapSource;
import org.lantir.testing.MppsMessages;
import org.lantir.testsupport.DcmjsPeer;
import org.lantir.testsupport.Dcmtk;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;

/**
 * Issue #2, section 9, end to end: the REDCap emulator serving the fixture project, a Lantir
 * configured as a pylantir site would (site 792, protocol BRAIN_MRI_3T, the Python tool's
 * field_mapping), a sync, dcmtk's findscu seeing the four rows of site 792 (record 4's
 * ambiguous {@code 12/03/2025} skipped) with DICOM dates and times, MPPS from dcmjs-dimse
 * moving two of them, a restart on the same database after which everything is still there
 * and a step started before the restart can still be completed (C25 b), and a re-sync that
 * leaves the MPPS-set statuses alone.
 */
@Timeout(180)
class RedcapToScannerTest {

    private static final String SOURCE = "main_redcap";
    private static final String RECORD_1 = "sub_1001_ses_1_fam_0501_site_792";
    private static final String RECORD_2_SESSION_1 = "sub_1002_ses_1_fam_0502_site_792";
    private static final String RECORD_2_SESSION_2 = "sub_1002_ses_2_fam_0502_site_792";
    private static final String RECORD_5 = "sub_1005_ses_1_fam_0504_site_792";
    private static final String UID_A = "2.25.900000000000000000792001";
    private static final String UID_B = "2.25.900000000000000000792002";

    @TempDir
    Path dir;
    private RedcapEmulator redcap;
    private RunningLantir lantir;
    private Map<String, String> env;

    @BeforeEach
    void startRedcap() throws Exception {
        Dcmtk.require("findscu");
        redcap = RedcapEmulator.start();
        env = Map.of(RedcapSource.ENV_TOKEN, RedcapEmulator.TOKEN);
    }

    /** Lantir with the source; its rows are scheduled on station MRI_3T. */
    private void startLantir() throws Exception {
        startLantir(",\n\"station_ae_title\": \"MRI_3T\"");
    }

    private void startLantir(String moreSourceConfig) throws Exception {
        startLantir(RunningLantir.in(dir), moreSourceConfig);
    }

    private void startLantir(RunningLantir.Config config, String moreSourceConfig)
            throws Exception {
        lantir = config.json(dataSource(redcap.apiUrl().toString(), moreSourceConfig)).start();
        lantir.startSync(env);
    }

    @AfterEach
    void stop() {
        if (lantir != null) {
            lantir.close();
        }
        redcap.close();
    }

    /** A pylantir site's data source; the token comes from REDCAP_API_TOKEN. */
    private static String dataSource(String apiUrl, String moreSourceConfig) {
        return """
                "data_sources": [{
                    "name": "main_redcap",
                    "type": "redcap",
                    "enabled": true,
                    "sync_interval": 86400,
                    "operation_interval": {"start_time": [0, 0], "end_time": [23, 59]},
                    "config": {
                        "site_id": "792",
                        "protocol": {"792": "BRAIN_MRI_3T", "mapping": "GEHC"},
                        "api_url": "%s",
                        "server_timezone": "America/Edmonton"%s
                    },
                    "field_mapping": {
                        "study_id": "study_id",
                        "instrument": "redcap_repeat_instrument",
                        "session_id": "mri_instance",
                        "family_id": "family_id",
                        "youth_dob_y": "youth_dob_y",
                        "t1_date": "t1_date",
                        "demo_sex": "demo_sex",
                        "scheduled_date": "mri_date",
                        "scheduled_time": "mri_time",
                        "mri_wt_lbs": "patient_weight_lb",
                        "referring_physician": "referring_physician_name",
                        "performing_physician": "performing_physician",
                        "station_name": "station_name",
                        "status": "performed_procedure_step_status"
                    }
                }],
                "protocol": {"792": "BRAIN_MRI_3T", "mapping": "GEHC"}
                """.formatted(apiUrl, moreSourceConfig);
    }

    @Test
    @Timeout(120)
    void fullSyncOnDemandRemovesSessionsDeletedUpstreamAndKeepsTheOthers() throws Exception {
        startLantir();
        fullSync();
        assertThat(lantir.row(RECORD_5).status()).isEqualTo(ProcedureStepStatus.SCHEDULED);

        redcap.project().removeRecord("5");
        for (var run : lantir.app().syncAllNow(true)) {
            SyncOutcome outcome = run.get(60, TimeUnit.SECONDS);
            assertThat(outcome.succeeded()).as("sync: " + outcome.error()).isTrue();
        }

        assertThat(lantir.rows()).extracting(WorklistItem::patientId)
                .doesNotContain(RECORD_5)
                .contains(RECORD_1, RECORD_2_SESSION_1, RECORD_2_SESSION_2);
    }

    private SyncOutcome fullSync() throws Exception {
        SyncOutcome outcome = lantir.app().scheduler().syncNow(SOURCE, true)
                .get(60, TimeUnit.SECONDS);
        assertThat(outcome.succeeded()).as("sync: " + outcome.error()).isTrue();
        return outcome;
    }

    /** The whole worklist as a scanner sees it by default (C22's unbounded query). */
    private Findscu.Answer scannerView() throws Exception {
        Findscu.Answer answer = Findscu.to(lantir, dir).query("C22-unbounded-query");
        assertThat(answer.finalStatus()).isEqualTo("Success");
        assertDicomDatesAndTimes(answer.matches());
        return answer;
    }

    private DcmjsPeer peer() {
        return DcmjsPeer.to(RunningLantir.HOST, lantir.port(), RunningLantir.AE_TITLE)
                .calling("MRI_3T");
    }

    /** A console's N-CREATE (C24's attributes) for the scheduled step of {@code row}. */
    private static Map<String, Object> nCreateFor(WorklistItem row) {
        Dataset ds = MppsMessages.nCreate();
        ds.setString(Tag.PatientName, row.patientName());
        ds.setString(Tag.PatientID, row.patientId());
        Dataset step = ds.getItem(Tag.ScheduledStepAttributesSequence);
        step.setString(Tag.StudyInstanceUID, row.studyInstanceUid());
        step.setString(Tag.AccessionNumber, row.accessionNumber());
        step.setString(Tag.RequestedProcedureID, row.requestedProcedureId());
        step.setString(Tag.ScheduledProcedureStepID, row.spsId());
        return naturalize(ds);
    }

    private ProcedureStepStatus status(String patientId) {
        return lantir.row(patientId).status();
    }

    @Test
    void redcapRowsReachTheScannerAndMppsStatusesSurviveRestartAndResync() throws Exception {
        startLantir();
        SyncOutcome first = fullSync();

        assertThat(first.skipped()).isEqualTo(1);
        Findscu.Answer synced = scannerView();
        assertThat(synced.matches()).extracting(m -> m.getString(Tag.PatientID),
                m -> m.getString(Tag.PatientName),
                m -> sps(m).getString(Tag.ScheduledProcedureStepStartDate),
                m -> sps(m).getString(Tag.ScheduledProcedureStepStartTime),
                m -> sps(m).getString(Tag.ScheduledStationAETitle))
                .containsExactlyInAnyOrder(
                        tuple(RECORD_1, "cpip-id-1001^fa-0501", "20250310", "093000", "MRI_3T"),
                        tuple(RECORD_2_SESSION_1, "cpip-id-1002^fa-0502", "20250120", "140000",
                                "MRI_3T"),
                        tuple(RECORD_2_SESSION_2, "cpip-id-1002^fa-0502", "20250311", "101500",
                                "MRI_3T"),
                        tuple(RECORD_5, "cpip-id-1005^fa-0504", "20250312", "134500",
                                "MRI_3T"));
        assertThat(lantir.rows()).extracting(WorklistItem::patientId)
                .noneMatch(id -> id.contains("1004"));

        WorklistItem rowA = lantir.row(RECORD_1);
        WorklistItem rowB = lantir.row(RECORD_2_SESSION_2);
        DcmjsPeer.Result createA = peer().nCreate(UID_A, nCreateFor(rowA));
        DcmjsPeer.Result setA = peer().nSet(UID_A, naturalize(MppsMessages.nSetCompleted()));
        DcmjsPeer.Result createB = peer().nCreate(UID_B, nCreateFor(rowB));

        assertThat(createA.last().status()).isZero();
        assertThat(setA.last().status()).isZero();
        assertThat(createB.last().status()).isZero();
        assertThat(status(RECORD_1)).isEqualTo(ProcedureStepStatus.COMPLETED);
        assertThat(status(RECORD_2_SESSION_2)).isEqualTo(ProcedureStepStatus.IN_PROGRESS);
        Findscu.Answer duringScans = scannerView();
        assertThat(duringScans.values(Tag.PatientID)).containsExactlyInAnyOrder(
                RECORD_2_SESSION_1, RECORD_2_SESSION_2, RECORD_5);
        assertThat(spsStatusOf(duringScans, RECORD_2_SESSION_2)).isEqualTo("STARTED");

        lantir.restart();
        lantir.startSync(env);

        assertThat(lantir.worklist().findMpps(UID_A).orElseThrow().status())
                .isEqualTo("COMPLETED");
        assertThat(lantir.worklist().findMpps(UID_B).orElseThrow().status())
                .isEqualTo("IN PROGRESS");
        assertThat(status(RECORD_1)).isEqualTo(ProcedureStepStatus.COMPLETED);
        assertThat(status(RECORD_2_SESSION_2)).isEqualTo(ProcedureStepStatus.IN_PROGRESS);

        DcmjsPeer.Result setB = peer().nSet(UID_B, naturalize(MppsMessages.nSetCompleted()));

        assertThat(setB.last().status()).isZero();
        assertThat(lantir.worklist().findMpps(UID_B).orElseThrow().status())
                .isEqualTo("COMPLETED");
        assertThat(status(RECORD_2_SESSION_2)).isEqualTo(ProcedureStepStatus.COMPLETED);

        fullSync();

        assertThat(status(RECORD_1)).isEqualTo(ProcedureStepStatus.COMPLETED);
        assertThat(status(RECORD_2_SESSION_2)).isEqualTo(ProcedureStepStatus.COMPLETED);
        assertThat(lantir.rows()).extracting(WorklistItem::patientId).containsExactlyInAnyOrder(
                RECORD_1, RECORD_2_SESSION_1, RECORD_2_SESSION_2, RECORD_5);
        assertThat(lantir.row(RECORD_1).studyInstanceUid()).isEqualTo(rowA.studyInstanceUid());
        assertThat(scannerView().values(Tag.PatientID)).containsExactlyInAnyOrder(
                RECORD_2_SESSION_1, RECORD_5);
    }

    private static Dataset sps(Dataset match) {
        return match.getItem(Tag.ScheduledProcedureStepSequence);
    }

    private static String spsStatusOf(Findscu.Answer answer, String patientId) {
        return sps(WorklistAnswers.byPatientId(answer.matches(), patientId))
                .getString(Tag.ScheduledProcedureStepStatus);
    }

    @Test
    void redcapFieldsArriveAsDicomValues() throws Exception {
        startLantir();
        fullSync();

        Findscu.Answer answer = Findscu.to(lantir, dir)
                .options("-k", "PatientID=" + RECORD_1, "-k", "PatientBirthDate",
                        "-k", "PatientSex", "-k", "PatientWeight",
                        "-k", "ReferringPhysicianName", "-k", "RequestedProcedureDescription",
                        "-k", "(0040,0100)[0].(0040,0007)")
                .query("C22-unbounded-query");

        assertThat(answer.matches()).singleElement().satisfies(match -> {
            assertThat(match.getString(Tag.PatientBirthDate)).matches(WorklistAnswers.DA);
            assertThat(match.getString(Tag.PatientSex)).isEqualTo("F");
            assertThat(match.getString(Tag.PatientWeight)).isEqualTo("32.3");
            assertThat(match.getString(Tag.RequestedProcedureDescription))
                    .isEqualTo("BRAIN_MRI_3T");
            assertThat(sps(match).getString(Tag.ScheduledProcedureStepDescription))
                    .isEqualTo("BRAIN_MRI_3T");
            assertThat(sps(match).getString(Tag.Modality)).isEqualTo("MR");
        });
    }

    /**
     * The Python tool's file names no station, and the site chose
     * {@code unassigned_station: "hidden"}: the rows lack a Type 1 return key, so no scanner
     * sees them (C09), and the log says why at start-up.
     */
    @Test
    void sourceWithoutStationUnderHiddenIsSyncedButUnpublishedAndTheLogSaysWhy()
            throws Exception {
        List<String> warnings;
        try (LogCapture log = new LogCapture()) {
            startLantir(RunningLantir.in(dir).server("\"unassigned_station\": \"hidden\""), "");
            warnings = log.messages(Level.WARN);
        }
        fullSync();

        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("main_redcap")
                .contains("config.station_ae_title").contains("\"hidden\"")
                .contains("no scanner will see them"));
        assertThat(lantir.rows()).hasSize(4);
        assertThat(scannerView().matches()).isEmpty();
    }

    /**
     * The Python tool's file as it is, with the default {@code unassigned_station: "any"}:
     * every scanner that asks sees the rows, each answered with its own AE title as the
     * Scheduled Station AE Title, and the log says so at start-up without a warning.
     */
    @Test
    void sourceWithoutStationGoesToEachScannerThatAsksByDefault() throws Exception {
        List<String> infos;
        List<String> warnings;
        try (LogCapture log = new LogCapture()) {
            startLantir("");
            infos = log.messages(Level.INFO);
            warnings = log.messages(Level.WARN);
        }
        fullSync();

        assertThat(infos).anySatisfy(m -> assertThat(m).contains("main_redcap")
                .contains("\"any\"").contains("every scanner that asks"));
        assertThat(warnings).noneSatisfy(w -> assertThat(w).contains("station"));
        Findscu.Answer fromMri3T = scannerView();
        Findscu.Answer fromMri1T5 = Findscu.to(lantir, dir).calling("MRI_1T5")
                .query("C22-unbounded-query");
        assertThat(fromMri3T.values(Tag.PatientID)).containsExactlyInAnyOrder(RECORD_1,
                RECORD_2_SESSION_1, RECORD_2_SESSION_2, RECORD_5);
        assertThat(fromMri3T.spsValues(Tag.ScheduledStationAETitle)).containsOnly("MRI_3T");
        assertThat(fromMri1T5.values(Tag.PatientID)).hasSize(4);
        assertThat(fromMri1T5.spsValues(Tag.ScheduledStationAETitle)).containsOnly("MRI_1T5");
    }
}
