package org.lantir.sync.redcap;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.LantirConfig;
import org.lantir.config.OperationInterval;
import org.lantir.config.SyncSettings;
import org.lantir.events.EventFeed;
import org.lantir.store.Database;
import org.lantir.store.SqliteEventLog;
import org.lantir.store.SqliteMppsRepository;
import org.lantir.store.SqliteSyncStateStore;
import org.lantir.store.SqliteWorklistRepository;
import org.lantir.sync.MutableClock;
import org.lantir.sync.RepositorySyncSink;
import org.lantir.sync.SyncHistory;
import org.lantir.sync.SyncOutcome;
import org.lantir.sync.SyncScheduler;
import org.lantir.sync.SyncState;
import org.lantir.sync.SyncStateStore;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistService;
import org.lantir.worklist.WorklistSettings;

/**
 * A REDCap source syncing into a real worklist: SQLite in a test folder, the worklist service
 * (which mints identifiers), the scheduler's runner, sync state and event log, as
 * {@code Lantir} wires them. The clock stands still at {@link #NOW} on the server's wall clock
 * unless a test moves it; runs happen on demand only. Closing it and opening another on the
 * same folder is a restart: rows, sync state and event log are in the file.
 *
 * <pre>
 * try (RedcapSync sync = RedcapSync.of(dir, RedcapSync.source(redcap.apiUrl()))) {
 *     SyncOutcome outcome = sync.run();
 * }
 * </pre>
 */
final class RedcapSync implements AutoCloseable {

    static final String SOURCE = "main_redcap";
    /** An hour before the emulator's "now": every fixture change lies before it. */
    static final LocalDateTime NOW = LocalDateTime.of(2025, 3, 10, 8, 0);
    /** What a REDCap source waits for by default in these tests (answers come at once). */
    static final Duration PATIENT = Duration.ofSeconds(30);

    final MutableClock clock;
    final Database database;
    final SqliteWorklistRepository repository;
    final WorklistService worklist;
    final SqliteEventLog eventLog;
    final SqliteSyncStateStore states;
    final EventFeed feed = new EventFeed();
    private final SyncScheduler scheduler;

    private RedcapSync(Path dir, RedcapSource source, MutableClock clock,
            UnaryOperator<SyncStateStore> stateStore) {
        this.clock = clock;
        database = Database.open(dir.resolve("worklist.db"));
        repository = new SqliteWorklistRepository(database);
        eventLog = new SqliteEventLog(database);
        states = new SqliteSyncStateStore(database);
        worklist = new WorklistService(repository, new SqliteMppsRepository(database),
                eventLog, feed, WorklistSettings.defaults(), clock);
        scheduler = new SyncScheduler(new RepositorySyncSink(repository, worklist::applySync),
                stateStore.apply(states), eventLog, feed, clock, SyncSettings.defaults());
        scheduler.add(source, Duration.ofDays(1), OperationInterval.ALL_DAY);
    }

    static RedcapSync of(Path dir, RedcapSource source) {
        return of(dir, source, MutableClock.at(NOW, RedcapEmulator.SERVER_ZONE));
    }

    /** With the clock of an earlier harness on the same folder, as after a restart. */
    static RedcapSync of(Path dir, RedcapSource source, MutableClock clock) {
        return new RedcapSync(dir, source, clock, UnaryOperator.identity());
    }

    /** @param stateStore wraps the SQLite sync state store, e.g. to make it fail */
    static RedcapSync of(Path dir, RedcapSource source,
            UnaryOperator<SyncStateStore> stateStore) {
        return new RedcapSync(dir, source, MutableClock.at(NOW, RedcapEmulator.SERVER_ZONE),
                stateStore);
    }

    /** The site's source (site 792) at {@code apiUrl} with the fixture's token. */
    static RedcapSource source(URI apiUrl) {
        return source(apiUrl, RedcapEmulator.TOKEN, PATIENT, SystemDefaultDnsResolver.INSTANCE);
    }

    static RedcapSource source(URI apiUrl, String token, Duration readTimeout,
            DnsResolver dns) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("site_id", "792");
        settings.put("protocol", "BRAIN_MRI_3T");
        settings.put("server_timezone", RedcapEmulator.SERVER_ZONE.getId());
        DataSourceConfig config = DataSourceConfig.of(SOURCE, "redcap", settings, Map.of());
        try {
            RedcapSettings redcap = RedcapSettings.from(config,
                    LantirConfig.defaults().protocol());
            return new RedcapSource(redcap, new RedcapClient(new RedcapEndpoint(apiUrl, token,
                    RedcapEmulator.SERVER_ZONE, PATIENT, readTimeout), dns));
        } catch (org.lantir.sync.SourceException e) {
            throw new AssertionError(e);
        }
    }

    /** One run as the timer makes it (a full export first, then changes); waits for it. */
    SyncOutcome run() throws Exception {
        return scheduler.syncNow(SOURCE, false).get(60, TimeUnit.SECONDS);
    }

    /** Every stored row, whatever its status. */
    List<WorklistItem> rows() {
        return worklist.list(WorklistFilter.all());
    }

    WorklistItem row(String sourceKey) {
        return rows().stream().filter(r -> sourceKey.equals(r.sourceKey())).findFirst()
                .orElse(null);
    }

    SyncState state() {
        return states.load(SOURCE).orElseThrow();
    }

    SyncHistory history() {
        return new SyncHistory(eventLog);
    }

    @Override
    public void close() {
        scheduler.stop();
        feed.close();
        database.close();
    }
}
