package org.lantir.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.lantir.app.Lantir;
import org.lantir.config.ConfigPath;
import org.lantir.config.LantirConfig;
import org.lantir.config.LantirSettings;
import org.lantir.config.ServerSettings;
import org.lantir.store.Database;
import org.lantir.store.SqliteWorklistRepository;
import org.lantir.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lantir bench}: builds a large worklist store, serves it with the real DICOM server
 * and Modality Worklist SCP on 127.0.0.1, and times C-FIND queries sent by Lantir's own SCU:
 * by Patient ID, and "today, MR, this station" on a busy day, each over one association and
 * over many concurrent ones. A report, not a test: it asserts nothing about speed, but exits
 * with 1 when any query failed or got a wrong answer. With {@code --sync-cycles N} it measures
 * instead whether memory stays flat over N sync cycles ({@link SyncBench}).
 * docs/benchmark.md has the numbers.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time Modality Worklist C-FIND on a large generated store (loopback).",
            "With --sync-cycles N: the heap over N sync cycles against a local REDCap "
                    + "project."})
final class BenchCommand implements Callable<Integer> {

    private static final String HOST = "127.0.0.1";
    private static final String SERVER_AE = "LANTIR_BENCH";

    @ParentCommand
    LantirCommand parent;

    @Option(names = "--rows", defaultValue = "100000", paramLabel = "N",
            description = "Worklist rows to build (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--today-rows", defaultValue = "60", paramLabel = "N",
            description = "How many of them are scheduled today (default: ${DEFAULT-VALUE}).")
    int todayRows;

    @Option(names = "--years", defaultValue = "6", paramLabel = "N",
            description = "Years of history the other rows spread over (default: "
                    + "${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--queries", defaultValue = "5000", paramLabel = "N",
            description = "Measured queries per scenario and association count (default: "
                    + "${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--warmup", defaultValue = "1000", paramLabel = "N",
            description = "Queries run first in each run and reported apart (default: "
                    + "${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--associations", defaultValue = "32", paramLabel = "N",
            description = "Concurrent associations of the concurrent runs (default: "
                    + "${DEFAULT-VALUE}).")
    int associations;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the generated rows and queries (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--db", paramLabel = "FILE",
            description = "Database file to build (must not exist; default: a temporary file).")
    Path db;

    @Option(names = "--keep", description = "Keep the database file afterwards.")
    boolean keep;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--sync-cycles", paramLabel = "N",
            description = "Instead of C-FIND: run N sync cycles and measure the heap.")
    int syncCycles;

    @Option(names = "--sync-sessions", defaultValue = "500", paramLabel = "N",
            description = "With --sync-cycles: sessions in the REDCap project (default: "
                    + "${DEFAULT-VALUE}).")
    int syncSessions;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "With --sync-cycles: cycles between heap measurements (default: "
                    + "a tenth of the cycles).")
    Integer checkpointEvery;

    @Override
    public Integer call() throws Exception {
        if (syncCycles != 0 || checkpointEvery != null) {
            return syncBench();
        }
        if (rows < 1 || todayRows < 0 || years < 1 || queries < 1 || warmup < 0
                || associations < 1) {
            parent.err().println("lantir: bench needs --rows, --queries, --associations and "
                    + "--years of at least 1, and no negative --today-rows or --warmup");
            return ExitCodes.USAGE;
        }
        Path file = newStore();
        if (file == null) {
            return ExitCodes.USAGE;
        }
        try {
            return bench(file);
        } catch (StoreException e) {
            parent.err().println("lantir: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        } finally {
            cleanUp(file);
        }
    }

    /** The store bench builds, or null (said on standard error) when --db names a file. */
    private Path newStore() throws IOException {
        Path file = db != null ? db.toAbsolutePath() : temporaryDatabase();
        if (db != null && Files.exists(file)) {
            parent.err().printf("lantir: %s exists; bench builds a new store%n", file);
            return null;
        }
        return file;
    }

    private int syncBench() throws Exception {
        int every = checkpointEvery != null ? checkpointEvery : Math.max(1, syncCycles / 10);
        if (syncCycles < 1 || syncSessions < 1 || every < 1) {
            parent.err().println("lantir: bench --sync-cycles needs --sync-cycles, "
                    + "--sync-sessions and --checkpoint-every of at least 1");
            return ExitCodes.USAGE;
        }
        Path file = newStore();
        if (file == null) {
            return ExitCodes.USAGE;
        }
        try {
            SyncBench.Report report = SyncBench.run(file, syncCycles, syncSessions, every);
            if (json) {
                parent.out().println(report.toJson());
                parent.out().flush();
            } else {
                report.printTable(parent.out());
            }
            return report.failedRuns() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (StoreException e) {
            parent.err().println("lantir: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        } finally {
            cleanUp(file);
        }
    }

    private int bench(Path file) throws Exception {
        BenchWorklist worklist = new BenchWorklist(rows, todayRows, years, LocalDate.now(),
                seed);
        double buildSeconds = build(file, worklist);
        long opening = System.nanoTime();
        try (Lantir lantir = Lantir.open(config(file), file)) {
            lantir.startServer();
            double openSeconds = (System.nanoTime() - opening) / 1e9;
            BenchReport.Store store = new BenchReport.Store(rows, worklist.todayRows(), years,
                    seed, worklist.today().toString(), worklist.busyQueryMatches(),
                    sizeMb(file), buildSeconds, openSeconds);
            BenchDriver driver = new BenchDriver(HOST, lantir.dicomServer().port(), SERVER_AE);
            BenchReport report = new BenchReport(BenchReport.Machine.current(), store, warmup,
                    runAll(driver, worklist));
            print(report);
            return report.errors() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    /** Every row through the repository, in one write transaction (as one big sync would). */
    private static double build(Path file, BenchWorklist worklist) {
        long start = System.nanoTime();
        try (Database database = Database.open(file)) {
            SqliteWorklistRepository repository = new SqliteWorklistRepository(database);
            database.inTransaction(c -> {
                worklist.generate(repository::insert);
                return null;
            });
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private List<BenchDriver.Run> runAll(BenchDriver driver, BenchWorklist worklist)
            throws InterruptedException {
        BenchScenario[] scenarios = {
            BenchScenario.byPatientId(worklist, warmup + queries, seed),
            BenchScenario.todayModalityStation(worklist)
        };
        List<BenchDriver.Run> runs = new ArrayList<>();
        for (BenchScenario scenario : scenarios) {
            runs.add(driver.run(scenario, 1, warmup, queries));
            if (associations > 1) {
                runs.add(driver.run(scenario, associations, warmup, queries));
            }
        }
        return runs;
    }

    /** The defaults, on 127.0.0.1 and a free port, with room for every association. */
    private LantirConfig config(Path file) {
        ServerSettings s = ServerSettings.defaults().withEndpoint(SERVER_AE, HOST, 0);
        ServerSettings server = new ServerSettings(s.aeTitle(), s.bindAddress(), s.port(),
                Math.max(s.maxAssociations(), associations + 1), s.idleTimeoutSeconds(),
                s.maxPduLength(), s.visibleStatuses(), s.personNameCaseInsensitive(),
                s.callingAeDefaultCharsets(), s.maxAnswers(), s.callingAeAsStation(),
                s.unassignedStation());
        LantirConfig defaults = LantirConfig.defaults();
        LantirSettings lantir = defaults.lantir();
        return defaults.withDbPath(new ConfigPath(file.toString(), file))
                .withLantir(new LantirSettings(server, lantir.uidRoot(), lantir.sync()));
    }

    private void print(BenchReport report) {
        PrintWriter out = parent.out();
        if (json) {
            out.println(report.toJson());
            out.flush();
        } else {
            report.printTable(out);
        }
    }

    private Path temporaryDatabase() throws IOException {
        return Files.createTempDirectory("lantir-bench-").resolve("worklist.db");
    }

    /** Removes the database and SQLite's WAL files (and the temporary folder) unless kept. */
    private void cleanUp(Path file) throws IOException {
        if (keep) {
            parent.err().printf("Database kept: %s%n", file);
            return;
        }
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal", ".lock"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        if (db == null) {
            try (Stream<Path> left = Files.walk(file.getParent())) {
                for (Path p : left.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static double sizeMb(Path file) throws IOException {
        long bytes = Files.size(file);
        Path wal = Path.of(file + "-wal");
        if (Files.exists(wal)) {
            bytes += Files.size(wal);
        }
        return bytes / 1e6;
    }
}
