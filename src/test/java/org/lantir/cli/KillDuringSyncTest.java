package org.lantir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.sync.redcap.RedcapEmulator;
import org.lantir.sync.redcap.RedcapEmulator.Fault;
import org.sqlite.SQLiteConfig;

/**
 * Issue #4: {@code kill -9} in the middle of a sync. {@code lantir start} runs as its own
 * process against the REDCap emulator and is killed with SIGKILL (no shutdown hook, nothing
 * closed). The SQLite file it leaves passes SQLite's integrity check and holds each run's
 * writes whole or not at all; the next start opens it (a killed process's instance lock dies
 * with it) and asks REDCap for a window that covers everything since the last run that
 * committed.
 */
@Timeout(240)
class KillDuringSyncTest {

    private static final DateTimeFormatter REDCAP_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** {@code lantir.sync.overlap_seconds} in the test's configuration. */
    private static final Duration OVERLAP = Duration.ofSeconds(60);
    /** Guards hangs only: a run on the emulator takes well under a second. */
    private static final Duration PATIENT = Duration.ofSeconds(90);
    /** Logged by a run once it has mapped the export, just before it writes. */
    private static final String MAPPED = "record 4 instance 1 skipped";
    /** Logged by a run once its transaction committed. */
    private static final String ENDED = "SourceRunner - Sync main_redcap: ";

    @TempDir
    Path dir;
    private RedcapEmulator redcap;
    private Path config;
    private Path database;
    private final List<LantirProcess> processes = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        redcap = RedcapEmulator.start();
        database = dir.resolve("worklist.db");
        config = dir.resolve("lantir.json");
        Files.writeString(config, """
                {"db_path": "worklist.db", "allowed_aet": [],
                 "data_sources": [{
                     "name": "main_redcap", "type": "redcap", "sync_interval": 1,
                     "config": {"site_id": "792", "protocol": "BRAIN_MRI_3T",
                                "api_url": "%s", "api_token": "%s",
                                "server_timezone": "%s", "read_timeout_seconds": 600}}],
                 "lantir": {"server": {"ae_title": "MWL_SCP", "bind_address": "127.0.0.1",
                                       "port": 0},
                            "sync": {"overlap_seconds": %d}}}
                """.formatted(redcap.apiUrl(), RedcapEmulator.TOKEN,
                RedcapEmulator.SERVER_ZONE.getId(), OVERLAP.toSeconds()));
    }

    @AfterEach
    void stop() throws Exception {
        for (LantirProcess process : processes) {
            process.close();
        }
        redcap.close();
    }

    @Test
    void aRunKilledMidwayLeavesTheWindowWhereItWasAndTheNextStartCoversTheGap()
            throws Exception {
        LantirProcess first = lantir();
        await("the first full export", () -> count("SELECT count(*) FROM worklist_item") == 4
                && lastWindowEnd() != null);

        // The next run gets the dictionary, then waits minutes for the records.
        redcap.slowDelay(Duration.ofMinutes(5));
        redcap.fault(Fault.SLOW, "record");
        await("a run hanging on the record export", () -> redcap.slowInFlight() > 0);
        RedcapEmulator.Request hung = lastRecordRequest();
        // Meanwhile a coordinator moves a scan: only a run after the restart can bring it.
        redcap.project().setValue("1", 1, "mri_time", "10:00",
                LocalDateTime.now(RedcapEmulator.SERVER_ZONE));
        Map<String, String> before = scanTimes();

        first.kill();

        assertThat(integrityCheck()).isEqualTo("ok");
        assertThat(scanTimes()).isEqualTo(before).containsEntry("1:1", "09:30:00");
        assertThat(count("SELECT count(*) FROM worklist_item WHERE sps_id IS NULL "
                + "OR study_instance_uid IS NULL OR requested_procedure_id IS NULL")).isZero();
        Instant synced = lastWindowEnd();
        // The killed run's window was never stored: the last one that committed stays.
        assertThat(redcapTime(hung.param("dateRangeEnd"))).isAfter(local(synced));

        redcap.fault(Fault.NONE);
        int requestsBefore = redcap.requestCount();
        LantirProcess second = lantir();
        await("the change held up by the kill", () -> "10:00:00".equals(scanTimes().get("1:1")));

        RedcapEmulator.Request resumed = firstRecordRequestAfter(requestsBefore);
        assertThat(redcapTime(resumed.param("dateRangeBegin")))
                .isEqualTo(local(synced.minus(OVERLAP)));
        assertThat(redcapTime(resumed.param("dateRangeEnd")))
                .isAfterOrEqualTo(redcapTime(hung.param("dateRangeEnd")));
        second.stop();
        assertThat(integrityCheck()).isEqualTo("ok");
    }

    /**
     * A thousand sessions whose scan time the project changes, all at once, every few hundred
     * milliseconds, while Lantir syncs every second: every run updates a thousand rows in one
     * write. Lantir is killed as soon as a run has mapped its rows (its WARN about record 4
     * comes just before the write), at least twice and until a kill has found a run writing
     * (its end never logged). The file always holds the rows of one whole run, one scan time
     * for all of them, never a mix.
     */
    @Test
    void killedWhileARunWritesTheRunIsWholeOrAbsent() throws Exception {
        addSessions(1000);
        AtomicInteger minute = new AtomicInteger();
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        coordinator.scheduleWithFixedDelay(() -> redcap.project().setOnEverySession(
                "mri_time", String.format("08:%02d", minute.incrementAndGet() % 60),
                LocalDateTime.now(RedcapEmulator.SERVER_ZONE)), 0, 300, TimeUnit.MILLISECONDS);
        int midWrite = 0;
        try {
            // Two kills at least; more, up to six, until one has found a run writing.
            for (int kill = 0; kill < 6 && (kill < 2 || midWrite == 0); kill++) {
                LantirProcess lantir = lantir();
                await("a first run that committed", () -> lastWindowEnd() != null);

                midWrite += killWhileWriting(lantir) ? 1 : 0;

                assertThat(integrityCheck()).isEqualTo("ok");
                assertThat(distinctTimesOfAddedSessions()).hasSize(1);
                assertThat(count("SELECT count(*) FROM worklist_item "
                        + "WHERE source_key LIKE '9%'")).isEqualTo(1000);
            }
        } finally {
            coordinator.shutdownNow();
        }
        assertThat(midWrite).as("kills that found a run writing").isPositive();
        LantirProcess last = lantir();
        int target = minute.get() % 60;
        await("the project's latest scan time", () -> distinctTimesOfAddedSessions()
                .equals(List.of(String.format("08:%02d:00", target))));
        last.stop();
    }

    /**
     * Kills Lantir once the next run has mapped its rows; true when that run had not logged
     * its end, i.e. the kill came while it wrote.
     */
    private boolean killWhileWriting(LantirProcess lantir) throws Exception {
        int mapped = occurrences(lantir.stderr(), MAPPED);
        long deadline = System.nanoTime() + PATIENT.toNanos();
        while (occurrences(lantir.stderr(), MAPPED) == mapped) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no run mapped its rows:\n" + lantir.stderr());
            }
            Thread.sleep(2);
        }
        lantir.kill();
        String log = lantir.stderr();
        return occurrences(log, ENDED) < occurrences(log, MAPPED);
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    private LantirProcess lantir() throws Exception {
        LantirProcess process = LantirProcess.start(dir, "start", "--pylantir_config",
                config.toString());
        processes.add(process);
        return process;
    }

    /** Sessions 9000 to 9000 + n - 1 of site 792, each a record with one scan. */
    private void addSessions(int n) {
        LocalDateTime now = LocalDateTime.now(RedcapEmulator.SERVER_ZONE);
        for (int i = 0; i < n; i++) {
            String record = Integer.toString(9000 + i);
            redcap.project().addRow(Map.of("record_id", record, "study_id", "CPIP-" + record,
                    "family_id", "F-" + record, "youth_dob_y", "2014", "demo_sex", "F"), now);
            redcap.project().addRow(Map.of("record_id", record, "redcap_repeat_instrument",
                    "mri", "redcap_repeat_instance", 1, "mri_instance", "1",
                    "mri_date", "2025-04-01", "mri_time", "08:00", "mri_scan_type", "1"), now);
        }
    }

    private List<String> distinctTimesOfAddedSessions() throws SQLException {
        List<String> times = new ArrayList<>();
        query("SELECT DISTINCT scheduled_start_time FROM worklist_item "
                + "WHERE source_key LIKE '9%'", row -> times.add(row.getString(1)));
        return times;
    }

    /** Scan time by source key. */
    private Map<String, String> scanTimes() throws SQLException {
        Map<String, String> times = new HashMap<>();
        query("SELECT source_key, scheduled_start_time FROM worklist_item",
                row -> times.put(row.getString(1), row.getString(2)));
        return times;
    }

    private Instant lastWindowEnd() throws SQLException {
        List<String> ends = new ArrayList<>();
        query("SELECT last_window_end FROM sync_state WHERE source = 'main_redcap'",
                row -> ends.add(row.getString(1)));
        return ends.isEmpty() || ends.get(0) == null ? null : Instant.parse(ends.get(0));
    }

    private int count(String sql) throws SQLException {
        int[] count = new int[1];
        query(sql, row -> count[0] = row.getInt(1));
        return count[0];
    }

    /** SQLite's own check of the file, after the recovery any next opener would do. */
    private String integrityCheck() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = c.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA integrity_check")) {
            return row.next() ? row.getString(1) : "no answer";
        }
    }

    /** A read on a connection of its own, beside a running Lantir (WAL lets both). */
    private void query(String sql, RowReader reader) throws SQLException {
        if (!Files.exists(database)) {
            return;
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        readOnly.setBusyTimeout(10_000);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database,
                readOnly.toProperties());
                Statement statement = c.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                reader.read(row);
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such table")) {
                return;
            }
            throw e;
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private void await(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + PATIENT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(50);
        }
        StringBuilder logs = new StringBuilder();
        for (LantirProcess process : processes) {
            logs.append(process.stdout()).append(process.stderr());
        }
        throw new AssertionError("waited " + PATIENT.toSeconds() + " s for " + what + "\n"
                + logs);
    }

    private RedcapEmulator.Request lastRecordRequest() {
        List<RedcapEmulator.Request> requests = redcap.requests();
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (isRecordExport(requests.get(i))) {
                return requests.get(i);
            }
        }
        throw new AssertionError("no record export requested");
    }

    /** The first record export among the requests after the first {@code skip}. */
    private RedcapEmulator.Request firstRecordRequestAfter(int skip) {
        List<RedcapEmulator.Request> requests = redcap.requests();
        int first = requests.size() - (redcap.requestCount() - skip);
        return requests.subList(Math.max(0, first), requests.size()).stream()
                .filter(isRecordExport()).findFirst()
                .orElseThrow(() -> new AssertionError("no record export after the restart"));
    }

    private static Predicate<RedcapEmulator.Request> isRecordExport() {
        return KillDuringSyncTest::isRecordExport;
    }

    private static boolean isRecordExport(RedcapEmulator.Request request) {
        return "record".equals(request.param("content"));
    }

    private static LocalDateTime redcapTime(String text) {
        return LocalDateTime.parse(text, REDCAP_TIME);
    }

    /** An instant on the REDCap server's wall clock, to the second as its bounds are. */
    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, RedcapEmulator.SERVER_ZONE).withNano(0);
    }
}
