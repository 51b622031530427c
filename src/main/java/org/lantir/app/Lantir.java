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
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.lantir.app.ApplyResult.Change;
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
import org.lantir.sync.SourceFactory;
import org.lantir.sync.SyncOutcome;
import org.lantir.sync.SyncScheduler;
import org.lantir.sync.calpendo.CalpendoSource;
import org.lantir.sync.folder.FolderSources;
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
 *
 * <p>A new configuration is taken without a full restart ({@link #apply}): only the services
 * it touches are rebuilt, so {@link #config()}, {@link #dicomServer()} and {@link #scheduler()}
 * may return new instances afterwards; callers ask again rather than keep them. Starting,
 * stopping, applying and closing take turns; the getters never wait.
 */
public final class Lantir implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Lantir.class);

    /** How long closing waits for an interrupted sync run to give up its connection. */
    private static final Duration SYNC_STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Map<String, SourceFactory> SOURCE_TYPES =
            Map.of(DataSourceConfig.TYPE_REDCAP, RedcapSource.FACTORY,
                    DataSourceConfig.TYPE_CALPENDO, CalpendoSource.FACTORY,
                    DataSourceConfig.TYPE_CSV_FOLDER, FolderSources.CSV,
                    DataSourceConfig.TYPE_WL_FOLDER, FolderSources.WORKLIST);

    /** Null for a Lantir opened to read beside a running one ({@link #openUnlocked}). */
    private final InstanceLock lock;
    private final Database database;
    private final Path databaseFile;
    private final Clock clock;
    private final Map<String, SourceFactory> sourceTypes;
    private final EventFeed events;
    private final SqliteEventLog eventLog;
    private final SqliteWorklistRepository rows;
    private final WorklistService worklist;
    /** Start, stop, apply and close hold it; the fields below it change only under it. */
    private final Object lifecycle = new Object();
    private volatile LantirConfig config;
    private volatile DicomServer dicomServer;
    private volatile SyncScheduler scheduler;
    private boolean syncStarted;
    private Map<String, String> syncEnvironment = Map.of();
    /** Whether this process was ever asked to run the DICOM server (start-api never is). */
    private volatile boolean serverAsked;
    /** Why the last start of the server failed, in words; null after a successful start. */
    private volatile String serverProblem;
    /** Services built on this instance by a layer above (the REST API), closed first. */
    private final List<AutoCloseable> attached = new CopyOnWriteArrayList<>();

    private Lantir(LantirConfig config, InstanceLock lock, Database database, Path databaseFile,
            Clock clock, Map<String, SourceFactory> sourceTypes) {
        this.config = config;
        this.lock = lock;
        this.database = database;
        this.databaseFile = databaseFile;
        this.clock = clock;
        this.sourceTypes = Map.copyOf(sourceTypes);
        this.events = new EventFeed();
        this.eventLog = new SqliteEventLog(database);
        this.rows = new SqliteWorklistRepository(database);
        this.worklist = new WorklistService(rows, new SqliteMppsRepository(database), eventLog,
                events, worklistSettings(WorklistSettings.defaults(), config), clock);
        this.dicomServer = newDicomServer(config);
        this.scheduler = newScheduler(config);
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
        return open(config, defaultDatabase, SOURCE_TYPES);
    }

    /** As {@link #open(LantirConfig, Path)}, with the data-source types given (tests). */
    static Lantir open(LantirConfig config, Path defaultDatabase,
            Map<String, SourceFactory> sourceTypes) {
        Path file = databaseFile(config, defaultDatabase);
        InstanceLock lock = InstanceLock.acquire(file);
        try {
            return open(config, file, lock, sourceTypes);
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
        return open(config, databaseFile(config, defaultDatabase), null, SOURCE_TYPES);
    }

    private static Lantir open(LantirConfig config, Path file, InstanceLock lock,
            Map<String, SourceFactory> sourceTypes) {
        if (!Files.exists(file)) {
            LOG.info("Creating a new worklist database at {}", file);
        }
        Database database = Database.open(file);
        try {
            Lantir lantir = new Lantir(config, lock, database, file, Clock.systemDefaultZone(),
                    sourceTypes);
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

    /** {@code base} with the worklist settings the configuration makes. */
    static WorklistSettings worklistSettings(WorklistSettings base,
            LantirConfig config) {
        ServerSettings server = config.lantir().server();
        return base.withUidRoot(config.lantir().uidRoot())
                .withVisibleStatuses(server.visibleStatuses())
                .withPersonNameIgnoresCase(server.personNameCaseInsensitive())
                .withUnassignedStation(server.unassignedStation());
    }

    private DicomServer newDicomServer(LantirConfig settings) {
        ServerSettings server = settings.lantir().server();
        org.lantir.dicom.net.ServerSettings net = org.lantir.dicom.net.ServerSettings
                .of(server.aeTitle(), server.bindAddress(), server.port())
                .withMaxAssociations(server.maxAssociations())
                .withTimeouts(org.lantir.dicom.net.ServerSettings.DEFAULT_ARTIM_TIMEOUT,
                        Duration.ofSeconds(server.idleTimeoutSeconds()))
                .withMaxPduLengthReceived(server.maxPduLength())
                .withAllowedCallingAeTitles(new HashSet<>(settings.allowedAet()))
                .withDefaultCharacterSet(defaultCharsets(server.callingAeDefaultCharsets()));
        DicomServer dicom = new DicomServer(net);
        dicom.register(new ModalityWorklistScp(worklist,
                new MwlScpSettings(server.maxAnswers(), server.callingAeAsStation())));
        dicom.register(new MppsScp(worklist));
        dicom.addAssociationListener(new AssociationEvents());
        return dicom;
    }

    private SyncScheduler newScheduler(LantirConfig settings) {
        return new SyncScheduler(new RepositorySyncSink(rows, worklist::applySync),
                new SqliteSyncStateStore(database), eventLog, events, clock,
                settings.lantir().sync());
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
        synchronized (lifecycle) {
            serverAsked = true;
            DicomServer server = dicomServer;
            try {
                server.start();
            } catch (IOException e) {
                org.lantir.dicom.net.ServerSettings settings = server.settings();
                serverProblem = ServerProblems.listenProblem(e, settings.bindAddress(),
                        settings.port());
                publishState(server, settings.port());
                throw e;
            }
            serverProblem = null;
            publishState(server, server.port());
        }
    }

    /**
     * Why the server did not start the last time it was asked to, in plain words (e.g. "port
     * 4242 on 0.0.0.0 is already in use"); null when it started or was never asked.
     */
    public String serverProblem() {
        return serverProblem;
    }

    /**
     * Whether this process runs the DICOM server, or was asked to and it stopped or failed;
     * false for one that only serves the REST API ({@code lantir start-api}).
     */
    public boolean servesDicom() {
        return serverAsked;
    }

    /** Stops listening (associations in progress are aborted); tells the event feed. */
    public void stopServer() {
        synchronized (lifecycle) {
            stopAndTell(dicomServer);
        }
    }

    private void stopAndTell(DicomServer server) {
        int port = server.port();
        if (server.isRunning()) {
            server.stop();
            publishState(server, port);
        }
    }

    /**
     * Builds every enabled data source and starts their schedules. A source that cannot be
     * built (e.g. no REDCap URL) is logged and left out; the others still run.
     *
     * @param env the process environment, where credentials may live; kept for the sources a
     *        later {@link #apply} builds
     * @return one plain-words problem per source left out
     */
    public List<String> startSync(Map<String, String> env) {
        synchronized (lifecycle) {
            syncEnvironment = Map.copyOf(env);
            syncStarted = true;
            return startSources(scheduler, config);
        }
    }

    private List<String> startSources(SyncScheduler target, LantirConfig settings) {
        List<String> problems = ConfiguredSources.addTo(target, settings, sourceTypes,
                syncEnvironment);
        for (String problem : problems) {
            LOG.error("Data source not started: {}", problem);
        }
        target.start();
        return problems;
    }

    /**
     * Runs every started source now, each on its own thread; {@code full} exports everything,
     * so sessions deleted upstream and still SCHEDULED leave the worklist.
     */
    public List<CompletableFuture<SyncOutcome>> syncAllNow(boolean full) {
        SyncScheduler current = scheduler;
        List<CompletableFuture<SyncOutcome>> runs = new ArrayList<>();
        for (String source : current.sourceNames()) {
            runs.add(current.syncNow(source, full));
        }
        return runs;
    }

    /**
     * Takes a new configuration while running, restarting only what it changes:
     * <ul>
     * <li>the DICOM server's settings (AE title, address, port, allowed calling AE titles,
     * limits, timeouts, character sets, answers per query, calling AE as station): the server
     * is stopped (associations in progress are aborted) and a new one listens with the new
     * settings; if it cannot, it stays stopped and the problem says why;
     * <li>the data sources, the top-level protocol or {@code lantir.sync}: the schedules stop,
     * a run in progress is interrupted and waited for, and new schedules start;
     * <li>the worklist settings (visible statuses, person-name case, rows without a station,
     * UID root): changed in place;
     * <li>{@code db_path}: the open database cannot be switched under a running server, so it
     * takes effect at the next start.
     * </ul>
     * A service that was not running is rebuilt but not started. {@link #config()} returns
     * {@code next} from the start of the call, whatever could not start, so that whoever
     * reacts to the restart's {@link LantirEvent.ServerState} events reads the new settings.
     */
    public ApplyResult apply(LantirConfig next) {
        Objects.requireNonNull(next, "next");
        synchronized (lifecycle) {
            LantirConfig previous = config;
            List<String> messages = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            config = next;

            boolean worklistUpdated = applyWorklistSettings(next, messages);
            Change server = Listener.of(previous).equals(Listener.of(next)) ? Change.UNCHANGED
                    : replaceServer(next, messages, problems);
            Change sync = sourcesUnchanged(previous, next) ? Change.UNCHANGED
                    : replaceScheduler(next, messages, problems);
            List<String> atNextStart = new ArrayList<>();
            // CORS (the top-level api) matters only to an API that runs now.
            if (!previous.lantir().api().equals(next.lantir().api())
                    || (!attached.isEmpty() && !previous.api().equals(next.api()))) {
                atNextStart.add("lantir.api");
                messages.add("The REST API settings take effect at the next start.");
            }
            if (!databaseFile(next, databaseFile).equals(databaseFile)) {
                atNextStart.add("db_path");
                messages.add("The database path takes effect at the next start; until then "
                        + "Lantir keeps using " + databaseFile + ".");
            }
            if (messages.isEmpty() && problems.isEmpty()) {
                messages.add("Nothing needed a restart.");
            }
            ApplyResult result = new ApplyResult(server, sync, worklistUpdated, atNextStart,
                    messages, problems);
            LOG.info("Configuration applied: server {}, sync {}, worklist settings {}{}",
                    server, sync, worklistUpdated ? "updated" : "unchanged",
                    atNextStart.isEmpty() ? "" : "; at the next start: " + atNextStart);
            return result;
        }
    }

    private boolean applyWorklistSettings(LantirConfig next, List<String> messages) {
        WorklistSettings current = worklist.settings();
        WorklistSettings wanted = worklistSettings(current, next);
        if (wanted.equals(current)) {
            return false;
        }
        worklist.updateSettings(wanted);
        messages.add("Worklist settings updated; the next query uses them.");
        return true;
    }

    private Change replaceServer(LantirConfig next, List<String> messages,
            List<String> problems) {
        DicomServer old = dicomServer;
        // A server that failed to start (its port was taken) was meant to run: a corrected
        // setting starts it, or the scanners would wait for someone to press Start.
        boolean wasRunning = old.isRunning() || serverProblem != null;
        stopAndTell(old);
        DicomServer fresh = newDicomServer(next);
        dicomServer = fresh;
        ServerSettings settings = next.lantir().server();
        if (!wasRunning) {
            messages.add("The DICOM server is stopped; its new settings apply when it starts.");
            return Change.UPDATED_STOPPED;
        }
        try {
            fresh.start();
        } catch (IOException e) {
            String problem = ServerProblems.listenProblem(e, settings.bindAddress(),
                    settings.port());
            LOG.error("The DICOM server did not restart: {}", problem);
            serverProblem = problem;
            problems.add("The DICOM server is stopped: " + problem + ". Choose another port "
                    + "or address, or stop the other program, then start the server.");
            return Change.FAILED;
        }
        serverProblem = null;
        publishState(fresh, fresh.port());
        messages.add(String.format("DICOM server restarted: listening on %s port %d as %s.",
                settings.bindAddress(), fresh.port(), settings.aeTitle()));
        return Change.RESTARTED;
    }

    private static boolean sourcesUnchanged(LantirConfig previous, LantirConfig next) {
        return previous.dataSources().equals(next.dataSources())
                && previous.protocol().equals(next.protocol())
                && previous.lantir().sync().equals(next.lantir().sync());
    }

    private Change replaceScheduler(LantirConfig next, List<String> messages,
            List<String> problems) {
        SyncScheduler old = scheduler;
        old.close();
        if (!awaitSyncThreads(old)) {
            problems.add("The sync did not restart: a data-source run did not stop within "
                    + SYNC_STOP_TIMEOUT.toSeconds() + " s. Start the sync again later.");
            scheduler = newScheduler(next);
            syncStarted = false;
            return Change.FAILED;
        }
        SyncScheduler fresh = newScheduler(next);
        scheduler = fresh;
        if (!syncStarted) {
            messages.add("The sync is stopped; its new settings apply when it starts.");
            return Change.UPDATED_STOPPED;
        }
        problems.addAll(startSources(fresh, next));
        List<String> names = fresh.sourceNames();
        messages.add(names.isEmpty() ? "Sync restarted; no data source is enabled."
                : "Sync restarted with " + String.join(", ", names) + ".");
        return Change.RESTARTED;
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

    /** The worklist database file this instance runs on. */
    public Path databaseFile() {
        return databaseFile;
    }

    /**
     * Hands a service that runs on this instance (the REST API, which lives in a layer above)
     * to it, so that {@link #close()} stops it before the database closes.
     */
    public void attach(AutoCloseable service) {
        attached.add(Objects.requireNonNull(service, "service"));
    }

    /**
     * Stops the schedules and the server, waits for runs in progress to end (a sync's
     * transaction must not meet a closed database), then closes the database.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            closeAttached();
            SyncScheduler sync = scheduler;
            sync.close();
            stopAndTell(dicomServer);
            if (!awaitSyncThreads(sync)) {
                LOG.warn("A data-source run did not stop within {} s; closing the database "
                        + "anyway (its transaction is rolled back)",
                        SYNC_STOP_TIMEOUT.toSeconds());
            }
            events.close();
            database.close();
            if (lock != null) {
                lock.close();
            }
        }
        LOG.info("Lantir stopped");
    }

    private void closeAttached() {
        for (AutoCloseable service : attached) {
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("A service did not stop cleanly: {}", e.toString());
            }
        }
        attached.clear();
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

    private static boolean awaitSyncThreads(SyncScheduler sync) {
        try {
            return sync.awaitTermination(SYNC_STOP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Tells the event feed the server is listening, or has stopped, at {@code port}. */
    private void publishState(DicomServer server, int port) {
        var settings = server.settings();
        events.publish(new LantirEvent.ServerState(clock.instant(), server.isRunning(),
                settings.bindAddress(), port, settings.aeTitle()));
    }

    /**
     * The settings the DICOM server is built from; a change in any restarts it. The worklist
     * settings kept in {@code lantir.server} change in place and are not among them.
     */
    private record Listener(String aeTitle, String bindAddress, int port, int maxAssociations,
            int idleTimeoutSeconds, int maxPduLength, Map<String, String> charsets,
            int maxAnswers, Set<String> callingAeAsStation, List<String> allowedAet) {

        static Listener of(LantirConfig config) {
            ServerSettings s = config.lantir().server();
            return new Listener(s.aeTitle(), s.bindAddress(), s.port(), s.maxAssociations(),
                    s.idleTimeoutSeconds(), s.maxPduLength(), s.callingAeDefaultCharsets(),
                    s.maxAnswers(), s.callingAeAsStation(), config.allowedAet());
        }
    }
}
