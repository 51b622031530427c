package org.lantir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.store.Database;
import org.lantir.store.SqliteEventLog;
import org.lantir.sync.SyncHistory;
import org.lantir.sync.SyncRunRecord;
import org.lantir.sync.SyncWindow;
import org.lantir.worklist.EventRecord;
import org.lantir.worklist.PossibleDuplicates;
import org.lantir.worklist.SyncCounts;

/**
 * {@code lantir query-db --sync-history}: the runs the event log holds, read through the same
 * {@link SyncHistory} as the desktop; the worklist table stays as it was.
 */
class QueryDbSyncHistoryTest {

    private static final Instant T0 = Instant.parse("2025-03-10T15:00:00Z");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd HH:mm:ss");

    @TempDir
    Path dir;
    private Path config;

    @BeforeEach
    void writeHistory() throws Exception {
        config = dir.resolve("lantir.json");
        Files.writeString(config, """
                {"db_path": "worklist.db", "allowed_aet": [],
                 "lantir": {"server": {"ae_title": "MWL_SCP", "bind_address": "127.0.0.1"}}}
                """);
        try (Database db = Database.open(dir.resolve("worklist.db"))) {
            SqliteEventLog log = new SqliteEventLog(db);
            SyncHistory history = new SyncHistory(log);
            history.record(SyncRunRecord.succeeded("main_redcap", T0, T0.plusMillis(1204),
                    SyncWindow.full(T0), new SyncCounts(4, 0, 0, 0),
                    Map.of("4:1", "scheduled date is not YYYY-MM-DD or YYYYMMDD")));
            for (int minute = 1; minute <= 3; minute++) {
                Instant start = T0.plusSeconds(60L * minute);
                history.record(SyncRunRecord.succeeded("main_redcap", start,
                        start.plusMillis(80), SyncWindow.incremental(start.minusSeconds(360),
                                start), new SyncCounts(0, 0, 4, 0), 0));
            }
            history.record(SyncRunRecord.failed("calpendo_3t", T0.plusSeconds(30),
                    T0.plusSeconds(31), SyncWindow.full(T0.plusSeconds(30)),
                    "Calpendo http://127.0.0.1:1 refused the connection"));
            log.append(EventRecord.of(T0.plusSeconds(5), "MPPS_CREATED", "MRI_3T", "2.25.1",
                    null, "IN PROGRESS"));
            log.append(EventRecord.of(T0.plusSeconds(40), PossibleDuplicates.KIND,
                    "calpendo_3t+main_redcap", "rows 1+2", 2L, "Possible duplicate: row 2 "
                            + "(source calpendo_3t) and row 1 (source main_redcap) have the "
                            + "same Patient ID and the same scheduled date; both are kept"));
        }
    }

    @Test
    void printsTheRecentRunsNewestFirstWithReasonsAndFoldedRuns() {
        Cli.Run run = Cli.run("query-db", "--sync-history", "--pylantir_config",
                config.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String[] lines = run.out().split("\\R");
        assertThat(lines[0]).startsWith("Ended").contains("Source", "Outcome", "Added",
                "Skipped", "Runs", "Took", "Window", "Details");
        assertThat(lines[1]).startsWith(local(T0.plusSeconds(180).plusMillis(80)))
                .contains("main_redcap", "succeeded", "0.080 s", "changes ")
                .contains("3 runs like this since " + local(T0.plusSeconds(60).plusMillis(80)));
        assertThat(lines[2]).contains("calpendo_3t", "FAILED", "full export",
                "refused the connection");
        assertThat(lines[3]).contains("main_redcap", "1.204 s", "skipped: scheduled date is "
                + "not YYYY-MM-DD or YYYYMMDD: 4:1");
        assertThat(lines[4]).isEqualTo("3 entries (5 runs)");
        assertThat(run.out()).doesNotContain("MPPS");
    }

    @Test
    void oneSourceAndALimit() {
        Cli.Run run = Cli.run("query-db", "--sync-history", "--source", "main_redcap",
                "--limit", "1", "--pylantir_config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("3 runs like this").doesNotContain("calpendo_3t")
                .doesNotContain("full export").endsWith("1 entry (3 runs)\n");
    }

    @Test
    void withoutTheFlagTheWorklistTableIsAsBefore() {
        Cli.Run run = Cli.run("query-db", "--pylantir_config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("ID").contains("Patient name", "Source")
                .endsWith("0 row(s)\n");
    }

    @Test
    void flagsThatDoNotGoTogetherAreAUsageError() {
        Cli.Run sourceAlone = Cli.run("query-db", "--source", "x", "--pylantir_config",
                config.toString());
        Cli.Run dateWithHistory = Cli.run("query-db", "--sync-history", "--date",
                "2025-03-10", "--pylantir_config", config.toString());
        Cli.Run noEntries = Cli.run("query-db", "--sync-history", "--limit", "0",
                "--pylantir_config", config.toString());

        assertThat(sourceAlone.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(sourceAlone.err()).contains("--source goes with --sync-history");
        assertThat(dateWithHistory.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(dateWithHistory.err()).contains("--date and --status");
        assertThat(noEntries.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noEntries.err()).contains("--limit must be at least 1");
    }

    @Test
    void anUnknownSourceIsSaidToBeUnknown() {
        Cli.Run run = Cli.run("query-db", "--sync-history", "--source", "nosuch",
                "--pylantir_config", config.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no data source nosuch in the configuration");
    }

    @Test
    void thePossibleDuplicatesAreListedNewestFirstWithoutPatientData() {
        Cli.Run run = Cli.run("query-db", "--possible-duplicates", "--pylantir_config",
                config.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith(local(T0.plusSeconds(40)) + "  calpendo_3t+main_redcap"
                + "  Possible duplicate: row 2 (source calpendo_3t) and row 1")
                .endsWith("1 possible duplicate(s)\n").doesNotContain("MPPS", "SYNC");
    }

    private static String local(Instant instant) {
        return TIME.format(instant.atZone(ZoneId.systemDefault()));
    }
}
