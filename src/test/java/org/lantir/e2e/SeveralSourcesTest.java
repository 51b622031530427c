package org.lantir.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.dicom.data.Tag;
import org.lantir.sync.SyncHistory;
import org.lantir.sync.SyncOutcome;
import org.lantir.sync.SyncRunRecord;
import org.lantir.sync.SyncSourceStatus;
import org.lantir.sync.calpendo.CalpendoEmulator;
import org.lantir.sync.calpendo.CalpendoEmulator.Fault;
import org.lantir.sync.calpendo.CalpendoEmulator.Target;
import org.lantir.sync.calpendo.CalpendoSource;
import org.lantir.sync.redcap.RedcapEmulator;
import org.lantir.sync.redcap.RedcapSource;
import org.lantir.testsupport.Dcmtk;
import org.lantir.worklist.EventRecord;
import org.lantir.worklist.WorklistItem;

/**
 * Issue #4, "several sources at once", end to end: one Lantir syncing a REDCap project and a
 * Calpendo server, each on its own thread, both emulated on loopback. A source that fails, or
 * hangs for minutes, holds up only itself: the other's rows arrive and dcmtk's findscu sees
 * them. Rows remember their source, and the same participant on the same day from both is
 * kept twice and flagged once.
 */
@Timeout(180)
class SeveralSourcesTest {

    private static final String REDCAP = "main_redcap";
    private static final String CALPENDO = "calpendo_3t";
    /** What findscu sees of the REDCap fixture (site 792), by the template below. */
    private static final List<String> REDCAP_IDS = List.of("SUB1001", "SUB1002", "SUB1002",
            "SUB1005");
    private static final List<String> CALPENDO_IDS = List.of("SUB2041", "SUB2042", "SUB2045");

    @TempDir
    Path dir;
    private RedcapEmulator redcap;
    private CalpendoEmulator calpendo;
    private RunningLantir lantir;
    private LocalDate tomorrow;

    @BeforeEach
    void startEmulators() throws Exception {
        Dcmtk.require("findscu");
        redcap = RedcapEmulator.start();
        calpendo = CalpendoEmulator.start();
        // The bookings move to tomorrow on the site's clock: inside Calpendo's window.
        tomorrow = LocalDate.now(CalpendoEmulator.ZONE).plusDays(1);
        calpendo.bookings().move(48211, tomorrow.atTime(9, 0), tomorrow.atTime(10, 30));
        calpendo.bookings().move(48212, tomorrow.atTime(17, 0), tomorrow.atTime(18, 30));
        calpendo.bookings().move(48215, tomorrow.atTime(23, 30),
                tomorrow.plusDays(1).atTime(0, 30));
    }

    @AfterEach
    void stop() {
        if (lantir != null) {
            lantir.close();
        }
        calpendo.close();
        redcap.close();
    }

    @Test
    void aFailingRedcapDoesNotStopCalpendosRows() throws Exception {
        redcap.fault(RedcapEmulator.Fault.SERVER_ERROR);
        startLantir();

        SyncOutcome failed = run(REDCAP);
        SyncOutcome synced = run(CALPENDO);

        assertThat(failed.status()).isEqualTo(SyncOutcome.Status.FAILED);
        assertThat(failed.error()).contains("HTTP 500");
        assertThat(synced.succeeded()).as(synced.error()).isTrue();
        assertThat(scannerIds()).containsExactlyInAnyOrderElementsOf(CALPENDO_IDS);
        assertThat(lantir.rows()).extracting(WorklistItem::dataSource).containsOnly(CALPENDO);
        SyncHistory history = new SyncHistory(lantir.app().eventLog());
        assertThat(history.last(REDCAP)).get().extracting(SyncRunRecord::succeeded)
                .isEqualTo(false);
        assertThat(history.last(CALPENDO)).get().extracting(SyncRunRecord::succeeded)
                .isEqualTo(true);

        redcap.fault(RedcapEmulator.Fault.NONE);
        assertThat(run(REDCAP).succeeded()).isTrue();

        assertThat(scannerIds()).containsExactlyInAnyOrderElementsOf(concat(REDCAP_IDS,
                CALPENDO_IDS));
        assertThat(lantir.row("SUB1001").dataSource()).isEqualTo(REDCAP);
        assertThat(lantir.row("SUB2041").dataSource()).isEqualTo(CALPENDO);
    }

    /**
     * Calpendo's booking list takes minutes to come: its run hangs on its own thread while
     * REDCap's rows arrive and are served.
     */
    @Test
    void aHangingCalpendoDoesNotHoldUpRedcapsRows() throws Exception {
        calpendo.fault(Target.LIST, Fault.slow(Duration.ofMinutes(3)));
        startLantir();
        awaitRunning(CALPENDO);

        SyncOutcome synced = run(REDCAP);

        assertThat(synced.succeeded()).as(synced.error()).isTrue();
        assertThat(scannerIds()).containsExactlyInAnyOrderElementsOf(REDCAP_IDS);
        SyncSourceStatus hanging = lantir.app().scheduler().status(CALPENDO);
        assertThat(hanging.running()).isTrue();
        assertThat(hanging.lastRun()).isNull();
    }

    @Test
    void theSameParticipantFromBothSourcesIsKeptTwiceAndFlaggedOnce() throws Exception {
        // Record 1's session and booking 48211 are the same visit of SUB1001, tomorrow.
        redcap.project().setValue("1", 1, "mri_date", tomorrow.toString(),
                java.time.LocalDateTime.now(RedcapEmulator.SERVER_ZONE).minusHours(1));
        calpendo.bookings().setTitle(48211, "SUB1001_Maren_Okafor");
        startLantir();

        assertThat(run(REDCAP).succeeded()).isTrue();
        assertThat(run(CALPENDO).succeeded()).isTrue();
        run(REDCAP);
        run(CALPENDO);

        assertThat(scannerIds()).filteredOn("SUB1001"::equals).hasSize(2);
        WorklistItem fromRedcap = rowOf(REDCAP, "SUB1001");
        WorklistItem fromCalpendo = rowOf(CALPENDO, "SUB1001");
        List<EventRecord> flagged = lantir.app().eventLog().recentOfKind(
                "WORKLIST_POSSIBLE_DUPLICATE", null, 10);
        assertThat(flagged).singleElement().satisfies(event -> {
            assertThat(event.message()).contains("row " + fromCalpendo.id() + " (source "
                    + CALPENDO + ")", "row " + fromRedcap.id() + " (source " + REDCAP + ")")
                    .doesNotContain("SUB1001", "Okafor", "Maren");
            // The pair is named lower id first: which source's row came first depends on
            // which schedule ran first at start.
            assertThat(event.subject()).isEqualTo("rows "
                    + Math.min(fromRedcap.id(), fromCalpendo.id()) + "+"
                    + Math.max(fromRedcap.id(), fromCalpendo.id()));
        });
    }

    private void startLantir() throws Exception {
        lantir = RunningLantir.in(dir).json(dataSources()).start();
        List<String> problems = lantir.startSync(Map.of(
                RedcapSource.ENV_TOKEN, RedcapEmulator.TOKEN,
                CalpendoSource.ENV_USERNAME, CalpendoEmulator.USERNAME,
                CalpendoSource.ENV_PASSWORD, CalpendoEmulator.PASSWORD));
        assertThat(problems).isEmpty();
    }

    /** Both sources, scheduled on MRI_3T, each running once a day after its first run. */
    private String dataSources() {
        return """
                "data_sources": [{
                    "name": "main_redcap",
                    "type": "redcap",
                    "sync_interval": 86400,
                    "config": {
                        "site_id": "792",
                        "protocol": "BRAIN_MRI_3T",
                        "api_url": "%s",
                        "server_timezone": "America/Edmonton",
                        "station_ae_title": "MRI_3T",
                        "patient_id_template": "SUB{study}"
                    }
                }, {
                    "name": "calpendo_3t",
                    "type": "calpendo",
                    "sync_interval": 86400,
                    "config": {
                        "base_url": "%s",
                        "resources": ["3T Diagnostic", "EEG Lab"],
                        "status_filter": "Approved",
                        "timezone": "America/Edmonton",
                        "station_ae_title": "MRI_3T",
                        "resource_modality_mapping": {"3T": "MR", "EEG": "EEG", "Mock": "OT"},
                        "field_mapping": {
                            "patient_id": {"source_field": "title",
                                "_extract": {"pattern": "^([A-Z0-9]+)_.*", "group": 1}},
                            "patient_name": {"source_field": "title",
                                "_extract": {"pattern": "^[A-Z0-9]+_(.+)$", "group": 1}},
                            "accession_number": "id"
                        }
                    }
                }]
                """.formatted(redcap.apiUrl(), calpendo.baseUrl());
    }

    /** A run of {@code source} after any in progress; waits for its end. */
    private SyncOutcome run(String source) throws Exception {
        CompletableFuture<SyncOutcome> run = lantir.app().scheduler().syncNow(source, false);
        return run.get(60, TimeUnit.SECONDS);
    }

    private void awaitRunning(String source) throws InterruptedException {
        for (int i = 0; i < 2000; i++) {
            if (lantir.app().scheduler().status(source).running()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError(source + " never started its run");
    }

    /** The Patient IDs of the whole worklist as the scanner MRI_3T sees it (C22's query). */
    private List<String> scannerIds() throws Exception {
        Findscu.Answer answer = Findscu.to(lantir, dir).query("C22-unbounded-query");
        assertThat(answer.finalStatus()).as(answer.toString()).isEqualTo("Success");
        return answer.values(Tag.PatientID);
    }

    private WorklistItem rowOf(String source, String patientId) {
        return lantir.rows().stream().filter(r -> source.equals(r.dataSource())
                && patientId.equals(r.patientId())).findFirst().orElseThrow();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
