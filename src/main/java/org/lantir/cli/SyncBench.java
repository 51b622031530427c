package org.lantir.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lantir.app.Lantir;
import org.lantir.config.ConfigException;
import org.lantir.config.ConfigLoader;
import org.lantir.config.LantirConfig;
import org.lantir.sync.SyncOutcome;
import org.lantir.sync.SyncRunRecord;

/**
 * {@code lantir bench --sync-cycles N}: whether memory stays flat over many sync cycles (the
 * Python tool's grew from about 110 MB to 700 MB in five days). A Lantir opened as
 * {@code lantir start} opens it syncs a REDCap source from {@link BenchRedcap} on 127.0.0.1,
 * one run after another through the real scheduler, HTTP client, mapper, worklist service,
 * SQLite store and event log: most runs find nothing new, every tenth finds a coordinator's
 * changes, every thousandth is a full export. At regular checkpoints the heap in use after a
 * full collection is measured; the report compares the last checkpoint with the first.
 */
final class SyncBench {

    static final String SOURCE = "bench_redcap";
    /** Every how many cycles the project changes. */
    static final int CHANGE_EVERY = 10;
    /** How many sessions such a change moves. */
    static final int CHANGED = 5;
    /** Every how many cycles a run is a full export. */
    static final int FULL_EVERY = 1000;
    private static final long RUN_TIMEOUT_SECONDS = 60;

    private SyncBench() {
    }

    /**
     * One measurement after {@code cycle} runs.
     *
     * @param heapMb heap in use after a full collection, in MiB
     * @param rssMb the process's resident memory (Java heap, metaspace, SQLite's native
     *        caches), in MiB, or -1 where the system does not say
     * @param syncEntries the event log's sync entries (quiet runs share one)
     * @param seconds since the first cycle began
     */
    record Checkpoint(int cycle, double heapMb, double rssMb, int threads, int syncEntries,
            int worklistRows, double seconds) {
    }

    /**
     * @param failedRuns runs that did not succeed (the report's exit code is 1 if any did)
     * @param heapRatio heap at the last checkpoint over heap at the first
     */
    record Report(BenchReport.Machine machine, int cycles, int sessions, int changeEvery,
            int changed, int fullEvery, List<Checkpoint> checkpoints, int failedRuns,
            String firstFailure, double heapRatio, double cyclesPerSecond) {

        String toJson() {
            try {
                return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(this);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write the bench report as JSON", e);
            }
        }

        void printTable(PrintWriter out) {
            out.printf(Locale.ROOT, "Lantir bench: %,d sync cycles against a REDCap project of "
                    + "%,d sessions on 127.0.0.1%n", cycles, sessions);
            out.printf(Locale.ROOT, "Every %d cycles %d sessions change; every %,d cycles a full"
                    + " export; %d processors, Java %s%n%n", changeEvery, changed, fullEvery,
                    machine.processors(), machine.java());
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"Cycle", "Heap after GC (MiB)", "RSS (MiB)", "Threads",
                "Sync log entries", "Worklist rows", "Seconds"});
            for (Checkpoint c : checkpoints) {
                rows.add(new String[] {String.format(Locale.ROOT, "%,d", c.cycle()),
                    format("%.1f", c.heapMb()), c.rssMb() < 0 ? "" : format("%.0f", c.rssMb()),
                    Integer.toString(c.threads()), Integer.toString(c.syncEntries()),
                    Integer.toString(c.worklistRows()), format("%.1f", c.seconds())});
            }
            TextTable.print(rows, out, column -> column > 0);
            Checkpoint first = checkpoints.get(0);
            Checkpoint last = checkpoints.get(checkpoints.size() - 1);
            out.printf(Locale.ROOT, "%nHeap at cycle %,d / heap at cycle %,d: %.2f; %.0f cycles/s;"
                    + " %d failed run(s)%n", last.cycle(), first.cycle(), heapRatio,
                    cyclesPerSecond, failedRuns);
            if (firstFailure != null) {
                out.println("First failure: " + firstFailure);
            }
            out.flush();
        }
    }

    /**
     * Runs the cycles on a new database at {@code file}.
     *
     * @param checkpointEvery cycles between two measurements
     */
    static Report run(Path file, int cycles, int sessions, int checkpointEvery)
            throws IOException, ConfigException, InterruptedException, TimeoutException {
        try (BenchRedcap redcap = BenchRedcap.start(sessions);
                Lantir lantir = Lantir.open(config(file, redcap), file)) {
            List<String> problems = lantir.startSync(Map.of());
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the bench source did not start: " + problems);
            }
            List<Checkpoint> checkpoints = new ArrayList<>();
            int failed = 0;
            String firstFailure = null;
            long start = System.nanoTime();
            for (int cycle = 1; cycle <= cycles; cycle++) {
                if (cycle % CHANGE_EVERY == 0) {
                    redcap.change(CHANGED);
                }
                SyncOutcome outcome = runOnce(lantir, cycle % FULL_EVERY == 0);
                if (!outcome.succeeded()) {
                    failed++;
                    firstFailure = firstFailure == null ? outcome.error() : firstFailure;
                }
                if (cycle % checkpointEvery == 0 || cycle == cycles) {
                    checkpoints.add(measure(lantir, cycle, start));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double ratio = checkpoints.get(checkpoints.size() - 1).heapMb()
                    / checkpoints.get(0).heapMb();
            return new Report(BenchReport.Machine.current(), cycles, sessions, CHANGE_EVERY,
                    CHANGED, FULL_EVERY, checkpoints, failed, firstFailure, ratio,
                    cycles / seconds);
        }
    }

    private static SyncOutcome runOnce(Lantir lantir, boolean full)
            throws InterruptedException, TimeoutException {
        try {
            return lantir.scheduler().syncNow(SOURCE, full).get(RUN_TIMEOUT_SECONDS,
                    TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sync run did not end: " + e.getCause(), e);
        }
    }

    /** Lantir's defaults, with the one REDCap source; it runs when the bench asks. */
    private static LantirConfig config(Path file, BenchRedcap redcap) throws ConfigException {
        String json = """
                {"db_path": "%s",
                 "data_sources": [{
                     "name": "%s", "type": "redcap", "sync_interval": 86400,
                     "config": {"site_id": "792", "protocol": "BRAIN_MRI_3T",
                                "api_url": "%s", "api_token": "%s",
                                "server_timezone": "%s", "station_ae_title": "MRI_3T"}}],
                 "lantir": {"server": {"bind_address": "127.0.0.1", "port": 0}}}
                """.formatted(file.toString().replace("\\", "\\\\"), SOURCE, redcap.apiUrl(),
                BenchRedcap.TOKEN, BenchRedcap.ZONE.getId());
        return ConfigLoader.parse(json, null, file.getParent());
    }

    private static Checkpoint measure(Lantir lantir, int cycle, long start)
            throws InterruptedException {
        double seconds = (System.nanoTime() - start) / 1e9;
        int entries = lantir.eventLog().recentOfKind(SyncRunRecord.KIND_PREFIX, null,
                Integer.MAX_VALUE).size();
        int rows = lantir.worklist().list(org.lantir.worklist.WorklistFilter.all()).size();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()
                / (1024.0 * 1024.0);
        return new Checkpoint(cycle, heap, residentMb(),
                ManagementFactory.getThreadMXBean().getThreadCount(), entries, rows, seconds);
    }

    /** VmRSS of /proc/self/status (Linux), or -1. */
    private static double residentMb() {
        Path status = Path.of("/proc/self/status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return Long.parseLong(kb) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
