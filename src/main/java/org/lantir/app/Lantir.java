package org.lantir.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.lantir.dicom.net.AssociationInfo;
import org.lantir.dicom.net.AssociationListener;
import org.lantir.dicom.net.DicomServer;
import org.lantir.dicom.net.pdu.AAssociateRJ;
import org.lantir.events.EventFeed;
import org.lantir.events.LantirEvent;
import org.lantir.events.LantirEvent.AssociationEvent;
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
    /** Null for a Lantir opened to read beside a running one ({@link #openUnlocked}). */
    private final InstanceLock lock;
    private final Database database;
    private final EventFeed events;
    private final SqliteEventLog eventLog;
    private final WorklistService worklist;
    private final DicomServer dicomServer;
    private final SyncScheduler scheduler;
    private final Clock clock;
    /** Why the last start of the server failed, in words; null after a successful start. */
    private volatile String serverProblem;

    private Lantir(LantirConfig config, InstanceLock lock, Database database, Clock clock) {
        this.config = config;
        this.lock = lock;
        this.database = database;
        this.clock = clock;
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
     * Opens the database named by the configuration (or {@code defaultDatabase}) for a
     * running Lantir (the server, the desktop) and builds the services; nothing listens or
     * syncs until {@link #startServer()} and {@link #startSync}. Takes the database's
     * {@link InstanceLock} first, held until {@link #close()}.
     *
     * @throws DatabaseInUseException when another Lantir runs on the same database
     */
    public static Lantir open(LantirConfig config, Path defaultDatabase) {
        Path file = databaseFile(config, defaultDatabase);
        InstanceLock lock = InstanceLock.acquire(file);
        try {
            return open(config, file, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Opens the database without the instance lock, for a one-shot command that reads it
     * (query-db) while a server may be running on it. SQLite's own locking keeps the two
     * consistent; nothing here must listen or sync.
     */
    public static Lantir openUnlocked(LantirConfig config, Path defaultDatabase) {
        return open(config, databaseFile(config, defaultDatabase), null);
    }

    private static Lantir open(LantirConfig config, Path file, InstanceLock lock) {
        if (!Files.exists(file)) {
            LOG.info("Creating a new worklist database at {}", file);
        }
        Database database = Database.open(file);
        try {
            Lantir lantir = new Lantir(config, lock, database, Clock.systemDefaultZone());
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
        dicom.addAssociationListener(new AssociationEvents());
        return dicom;
    }

    private static Function<String, SpecificCharacterSet> defaultCharsets(
            Map<String, String> byCallingAe) {
        return callingAe -> {
            String term = byCallingAe.get(callingAe);
            return term == null ? SpecificCharacterSet.DEFAULT : SpecificCharacterSet.of(term);
        };
    }

    /**
     * Starts listening for associations and tells the event feed. When it cannot listen,
     * {@link #serverProblem()} says why until the next start.
     */
    public void startServer() throws IOException {
        DicomServer server = dicomServer();
        try {
            server.start();
        } catch (IOException e) {
            org.lantir.dicom.net.ServerSettings settings = server.settings();
            serverProblem = ServerProblems.listenProblem(e, settings.bindAddress(),
                    settings.port());
            publishServerState(server);
            throw e;
        }
        serverProblem = null;
        publishServerState(server);
    }

    /** Stops listening (aborting the associations in progress) and tells the event feed. */
    public void stopServer() {
        DicomServer server = dicomServer();
        server.stop();
        publishServerState(server);
    }

    /**
     * Why the server did not start the last time it was asked to, in plain words (e.g. "port
     * 4242 on 0.0.0.0 is already in use"); null when it started or was never asked.
     */
    public String serverProblem() {
        return serverProblem;
    }

    private void publishServerState(DicomServer server) {
        org.lantir.dicom.net.ServerSettings settings = server.settings();
        int port = server.isRunning() ? server.port() : settings.port();
        events.publish(new LantirEvent.ServerState(clock.instant(), server.isRunning(),
                settings.bindAddress(), port, settings.aeTitle()));
    }

    /**
     * Builds every enabled data source and starts their schedules. A source that cannot be
     * built (e.g. no REDCap URL) is logged and left out; the others still run.
     *
     * @return one plain-words problem per source left out
     */
    public List<String> startSync(Map<String, String> env) {
        List<String> problems = ConfiguredSources.addTo(scheduler, config,
                Map.of(DataSourceConfig.TYPE_REDCAP, RedcapSource.FACTORY), env);
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
        if (lock != null) {
            lock.close();
        }
        LOG.info("Lantir stopped");
    }

    /** Tells the event feed of the server's associations; runs on association threads. */
    private final class AssociationEvents implements AssociationListener {

        @Override
        public void associationAccepted(AssociationInfo association) {
            publish(association, AssociationEvent.Kind.ACCEPTED, "from "
                    + association.remoteAddress());
        }

        @Override
        public void associationRejected(AssociationInfo association, AAssociateRJ rejection) {
            publish(association, AssociationEvent.Kind.REJECTED, rejection.toString());
        }

        @Override
        public void associationClosed(AssociationInfo association, boolean released) {
            publish(association, released ? AssociationEvent.Kind.RELEASED
                    : AssociationEvent.Kind.ABORTED,
                    released ? "released" : "aborted or connection lost");
        }

        private void publish(AssociationInfo association, AssociationEvent.Kind kind,
                String detail) {
            events.publish(new AssociationEvent(clock.instant(), association.name(),
                    association.callingAeTitle(), association.calledAeTitle(), kind, detail));
        }
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
