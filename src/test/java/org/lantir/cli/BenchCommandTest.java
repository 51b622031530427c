package org.lantir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code lantir bench} end to end with tiny numbers: it runs and every answer is right. */
@Timeout(120)
class BenchCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void benchRunsEveryScenarioOverOneAndManyAssociationsWithoutErrors() throws Exception {
        Path db = dir.resolve("bench.db");

        int exit = bench("--rows", "500", "--today-rows", "40", "--queries", "20",
                "--warmup", "4", "--associations", "4", "--db", db.toString(), "--json");

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.path("store").path("rows").asInt()).isEqualTo(500);
        List<String> runs = new ArrayList<>();
        for (JsonNode run : report.path("runs")) {
            runs.add(run.path("scenario").asText() + "/" + run.path("associations").asInt());
            assertThat(run.path("measured").path("count").asInt()).isEqualTo(20);
            assertThat(run.path("measured").path("errors").asInt()).isZero();
            assertThat(run.path("warmup").path("count").asInt()).isEqualTo(4);
            assertThat(run.path("warmup").path("errors").asInt()).isZero();
        }
        assertThat(runs).containsExactly("patient-id/1", "patient-id/4",
                "today-mr-station/1", "today-mr-station/4");
    }

    @Test
    void everyPatientIdQueryFindsItsRowAndTodaysQueryFindsTheBusyStationsSteps()
            throws Exception {
        int exit = bench("--rows", "300", "--today-rows", "40", "--queries", "10",
                "--warmup", "0", "--associations", "2", "--db", dir.resolve("b.db").toString(),
                "--json");

        assertThat(exit).as("stderr: %s", err).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        int todayMatches = report.path("store").path("todayQueryMatches").asInt();
        assertThat(todayMatches).isPositive();
        for (JsonNode run : report.path("runs")) {
            double perQuery = run.path("measured").path("meanMatches").asDouble();
            assertThat(perQuery).isEqualTo(run.path("scenario").asText().equals("patient-id")
                    ? 1.0 : todayMatches);
        }
    }

    @Test
    void syncCyclesRunAgainstALocalRedcapAndReportTheHeapAtEachCheckpoint() throws Exception {
        int exit = bench("--sync-cycles", "40", "--sync-sessions", "30", "--checkpoint-every",
                "20", "--db", dir.resolve("sync.db").toString(), "--json");

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.path("cycles").asInt()).isEqualTo(40);
        assertThat(report.path("failedRuns").asInt()).isZero();
        List<Integer> cycles = new ArrayList<>();
        for (JsonNode checkpoint : report.path("checkpoints")) {
            cycles.add(checkpoint.path("cycle").asInt());
            assertThat(checkpoint.path("worklistRows").asInt()).isEqualTo(30);
            assertThat(checkpoint.path("heapMb").asDouble()).isPositive();
            // Four changes in 40 cycles, the quiet runs between them folded.
            assertThat(checkpoint.path("syncEntries").asInt()).isBetween(2, 12);
        }
        assertThat(cycles).containsExactly(20, 40);
        assertThat(report.path("heapRatio").asDouble()).isPositive();
        assertThat(dir.resolve("sync.db")).doesNotExist();
    }

    @Test
    void syncCyclesBelowOneAreAUsageError() throws Exception {
        assertThat(bench("--sync-cycles", "-5")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--sync-cycles");
    }

    @Test
    void benchDeletesItsDatabaseUnlessAskedToKeepIt() throws Exception {
        Path deleted = dir.resolve("deleted.db");
        Path kept = dir.resolve("kept.db");

        int first = bench("--rows", "50", "--queries", "2", "--warmup", "0",
                "--associations", "2", "--db", deleted.toString());
        int second = bench("--rows", "50", "--queries", "2", "--warmup", "0",
                "--associations", "2", "--db", kept.toString(), "--keep");

        assertThat(first).isZero();
        assertThat(second).isZero();
        assertThat(deleted).doesNotExist();
        assertThat(Path.of(deleted + "-wal")).doesNotExist();
        assertThat(kept).exists();
        assertThat(out.toString()).contains("C-FIND by Patient ID", "Today, MR, MRI_3T_A");
    }

    @Test
    void benchRefusesToOverwriteAnExistingDatabase() throws Exception {
        Path existing = Files.writeString(dir.resolve("worklist.db"), "not a bench store");

        int exit = bench("--rows", "10", "--db", existing.toString());

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("exists");
        assertThat(existing).hasContent("not a bench store");
    }

    private int bench(String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "bench";
        System.arraycopy(options, 0, args, 1, options.length);
        return LantirCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
