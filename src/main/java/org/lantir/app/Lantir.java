package org.lantir.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.LantirConfig;
import org.lantir.config.ServerSettings;
import org.lantir.dicom.data.SpecificCharacterSet;
import org.lantir.dicom.net.DicomServer;
import org.lantir.events.EventFeed;
import org.lantir.scp.ModalityWorklistScp;
import org.lantir.scp.MppsScp;
import org.lantir.scp.MwlScpSettings;
import org.lantir.store.Database;
import org.lantir.store.SqliteEventLog;
import org.lantir.store.SqliteMppsRepository;
import org.lantir.store.SqliteSyncStateStore;
import org.lantir.store.SqliteWorklistRepository;
import org.lantir.sync.ConfiguredSources;
import org.lantir.sync.RepositorySyncSink;
import org.lantir.sync.SyncOutcome;
import org.lantir.sync.SyncScheduler;
import org.lantir.sync.calpendo.CalpendoSource;
import org.lantir.sync.redcap.RedcapSource;
import org.lantir.worklist.WorklistService;
import org.lantir.worklist.WorklistSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Lantir: the worklist database, the worklist service, the DICOM server with the
 * Modality Worklist and MPPS services, the data-source scheduler and the event feed, built from
 * one configuration. The command line, and later the desktop window and the REST API, drive
 * the same instance.
 */
public final class Lantir implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Lantir.class);

    /** How long closing waits for an interrupted sync run to give up its connection. */
    private static final Duration SYNC_STOP_TIMEOUT = Duration.ofSeconds(10);

    private final LantirConfig config;
    private final Database database;
    private final EventFeed events;
    private final SqliteEventLog eventLog;
    private final WorklistService worklist;
    private final DicomServer dicomServer;
    private final SyncScheduler scheduler;

    private Lantir(LantirConfig config, Database database, Clock clock) {
        this.config = config;
        this.database = database;
        this.events = new EventFeed();
        this.eventLog = new SqliteEventLog(database);
        SqliteWorklistRepository rows = new SqliteWorklistRepository(database);
        this.worklist = new WorklistService(rows, new SqliteMppsRepository(database), eventLog,
                events, worklistSettings(config), clock);
        this.dicomServer = newDicomServer(config.lantir().server());
        this.scheduler = new SyncScheduler(new RepositorySyncSink(rows, worklist::applySync),
                new SqliteSyncStateStore(database), eventLog, events, clock,
                config.lantir().sync());
    }

    /**
     * Opens the database named by the configuration (or {@code defaultDatabase}) and builds
     * the services; nothing listens or syncs until {@link #startServer()} and
     * {@link #startSync()}.
     */
    public static Lantir open(LantirConfig config, Path defaultDatabase) {
        Path file = databaseFile(config, defaultDatabase);
        if (!Files.exists(file)) {
            LOG.info("Creating a new worklist database at {}", file);
        }
        Database database = Database.open(file);
        try {
            Lantir lantir = new Lantir(config, database, Clock.systemDefaultZone());
            // Before any MPPS or sync can touch the rows: rows imported from the Python tool
            // have no SPS ID or Requested Procedure ID, and stay unpublished until minted.
            lantir.worklist.backfillMissingIds();
            return lantir;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The worklist database the configuration names, else {@code defaultDatabase}. */
    public static Path databaseFile(LantirConfig config, Path defaultDatabase) {
        return config.dbPath() != null ? config.dbPath().path() : defaultDatabase;
    }

    private static WorklistSettings worklistSettings(LantirConfig config) {
        ServerSettings server = config.lantir().server();
        return WorklistSettings.defaults()
                .withUidRoot(config.lantir().uidRoot())
                .withVisibleStatuses(server.visibleStatuses())
                .withPersonNameIgnoresCase(server.personNameCaseInsensitive())
                .withUnassignedStation(server.unassignedStation());
    }

    private DicomServer newDicomServer(ServerSettings server) {
        org.lantir.dicom.net.ServerSettings net = org.lantir.dicom.net.ServerSettings
                .of(server.aeTitle(), server.bindAddress(), server.port())
                .withMaxAssociations(server.maxAssociations())
                .withTimeouts(org.lantir.dicom.net.ServerSettings.DEFAULT_ARTIM_TIMEOUT,
                        Duration.ofSeconds(server.idleTimeoutSeconds()))
                .withMaxPduLengthReceived(server.maxPduLength())
                .withAllowedCallingAeTitles(new HashSet<>(config.allowedAet()))
                .withDefaultCharacterSet(defaultCharsets(server.callingAeDefaultCharsets()));
        DicomServer dicom = new DicomServer(net);
        dicom.register(new ModalityWorklistScp(worklist,
                new MwlScpSettings(server.maxAnswers(), server.callingAeAsStation())));
        dicom.register(new MppsScp(worklist));
        return dicom;
    }

    private static Function<String, SpecificCharacterSet> defaultCharsets(
            Map<String, String> byCallingAe) {
        return callingAe -> {
            String term = byCallingAe.get(callingAe);
            return term == null ? SpecificCharacterSet.DEFAULT : SpecificCharacterSet.of(term);
        };
    }

    /** Starts listening for associations. */
    public void startServer() throws IOException {
        dicomServer.start();
    }

    public void stopServer() {
        dicomServer.stop();
    }

    /**
     * Builds every enabled data source and starts their schedules. A source that cannot be
     * built (e.g. no REDCap URL) is logged and left out; the others still run.
     *
     * @return one plain-words problem per source left out
     */
    public List<String> startSync(Map<String, String> env) {
        List<String> problems = ConfiguredSources.addTo(scheduler, config,
                Map.of(DataSourceConfig.TYPE_REDCAP, RedcapSource.FACTORY,
                        DataSourceConfig.TYPE_CALPENDO, CalpendoSource.FACTORY), env);
        for (String problem : problems) {
            LOG.error("Data source not started: {}", problem);
        }
        scheduler.start();
        return problems;
    }

    /**
     * Runs every started source now, each on its own thread; {@code full} exports everything,
     * so sessions deleted upstream and still SCHEDULED leave the worklist.
     */
    public List<CompletableFuture<SyncOutcome>> syncAllNow(boolean full) {
        List<CompletableFuture<SyncOutcome>> runs = new ArrayList<>();
        for (String source : scheduler.sourceNames()) {
            runs.add(scheduler.syncNow(source, full));
        }
        return runs;
    }

    public LantirConfig config() {
        return config;
    }

    public WorklistService worklist() {
        return worklist;
    }

    public DicomServer dicomServer() {
        return dicomServer;
    }

    public SyncScheduler scheduler() {
        return scheduler;
    }

    public EventFeed events() {
        return events;
    }

    public SqliteEventLog eventLog() {
        return eventLog;
    }

    public Database database() {
        return database;
    }

    /**
     * Stops the schedules and the server, waits for runs in progress to end (a sync's
     * transaction must not meet a closed database), then closes the database.
     */
    @Override
    public void close() {
        scheduler.close();
        dicomServer.stop();
        awaitSyncThreads();
        events.close();
        database.close();
        LOG.info("Lantir stopped");
    }

    private void awaitSyncThreads() {
        try {
            if (!scheduler.awaitTermination(SYNC_STOP_TIMEOUT)) {
                LOG.warn("A data-source run did not stop within {} s; closing the database "
                        + "anyway (its transaction is rolled back)", SYNC_STOP_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
