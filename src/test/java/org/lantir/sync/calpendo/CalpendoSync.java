package org.lantir.sync.calpendo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.lantir.config.ConfigLoader;
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
import org.lantir.sync.SyncOutcome;
import org.lantir.sync.SyncScheduler;
import org.lantir.worklist.EventRecord;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistService;
import org.lantir.worklist.WorklistSettings;

/**
 * A Calpendo source syncing into a real worklist: SQLite in a test folder, the worklist
 * service (which mints identifiers), the scheduler's runner, sync state and event log, as
 * {@code Lantir} wires them. The clock stands still at {@link #NOW} on the site's wall clock
 * unless a test moves it. Runs happen on demand only.
 *
 * <pre>
 * try (CalpendoSync sync = CalpendoSync.of(dir, calpendo, "")) {
 *     SyncOutcome outcome = sync.run();
 *     List&lt;WorklistItem&gt; rows = sync.rows();
 * }
 * </pre>
 */
final class CalpendoSync implements AutoCloseable {

    static final String SOURCE = "calpendo_3t";
    /** The morning of the fixture's first day of bookings. */
    static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 6, 8, 0);

    /**
     * The Python tool's example source, reaching back over the whole fixture (130 daily
     * intervals: from 2025-10-27) and ahead to 2026-03-10; {@code %s} takes more config keys.
     */
    static final String SOURCE_JSON = """
            {"data_sources": [{
                "name": "calpendo_3t",
                "type": "calpendo",
                "sync_interval": 86400,
                "config": {
                    "base_url": "%s",
                    "resources": ["3T Diagnostic", "EEG Lab"],
                    "lookback_multiplier": 130,
                    "lookahead_days": 3,
                    "timezone": "America/Edmonton",
                    "resource_modality_mapping": {"3T": "MR", "EEG": "EEG", "Mock": "OT"}%s
                },
                "field_mapping": {
                    "patient_id": {"source_field": "title",
                                   "_extract": {"pattern": "^([A-Z0-9]+)_.*", "group": 1}},
                    "patient_name": {"source_field": "title",
                                     "_extract": {"pattern": "^[A-Z0-9]+_(.+)$", "group": 1}},
                    "study_description": {"source_field": "properties.project.formattedName",
                                          "_extract": {"pattern": "^([^(]+)", "group": 1}},
                    "accession_number": "id"%s
                }
            }]}
            """;

    /** The credentials as a site would give them: in the environment. */
    static final Map<String, String> ENV = Map.of(
            CalpendoSource.ENV_USERNAME, CalpendoEmulator.USERNAME,
            CalpendoSource.ENV_PASSWORD, CalpendoEmulator.PASSWORD);

    final MutableClock clock = MutableClock.at(NOW, CalpendoEmulator.ZONE);
    final Database database;
    final SqliteWorklistRepository repository;
    final WorklistService worklist;
    final SqliteEventLog eventLog;
    final SqliteSyncStateStore states;
    private final EventFeed feed = new EventFeed();
    private final SyncScheduler scheduler;

    private CalpendoSync(Path dir, CalpendoSource source) {
        database = Database.open(dir.resolve("worklist.db"));
        repository = new SqliteWorklistRepository(database);
        eventLog = new SqliteEventLog(database);
        states = new SqliteSyncStateStore(database);
        worklist = new WorklistService(repository, new SqliteMppsRepository(database),
                eventLog, feed, WorklistSettings.defaults(), clock);
        scheduler = new SyncScheduler(new RepositorySyncSink(repository, worklist::applySync),
                states, eventLog, feed, clock, SyncSettings.defaults());
        scheduler.add(source, Duration.ofDays(1), OperationInterval.ALL_DAY);
    }

    /**
     * @param moreConfig more {@code config} members, as JSON text starting with a comma
     * @param moreMapping more {@code field_mapping} members, as JSON text starting with a comma
     */
    static CalpendoSync of(Path dir, CalpendoEmulator calpendo, String moreConfig,
            String moreMapping) throws Exception {
        return new CalpendoSync(dir, source(calpendo, moreConfig, moreMapping));
    }

    static CalpendoSync of(Path dir, CalpendoEmulator calpendo) throws Exception {
        return of(dir, calpendo, "", "");
    }

    /** With a source built by the test (another client, another resolver). */
    static CalpendoSync of(Path dir, CalpendoSource source) {
        return new CalpendoSync(dir, source);
    }

    /** The settings of the standard source, for a test that builds its own client. */
    static CalpendoSettings settings(CalpendoEmulator calpendo) throws Exception {
        LantirConfig config = ConfigLoader.parse(SOURCE_JSON.formatted(calpendo.baseUrl(),
                "", ""), null, Path.of("."));
        return CalpendoSettings.from(config.dataSources().get(0));
    }

    static CalpendoSource source(CalpendoEmulator calpendo, String moreConfig,
            String moreMapping) throws Exception {
        return source(calpendo, moreConfig, moreMapping, UnaryOperator.identity());
    }

    /** @param edit changes the file's text, e.g. replaces a value */
    static CalpendoSource source(CalpendoEmulator calpendo, String moreConfig,
            String moreMapping, UnaryOperator<String> edit) throws Exception {
        LantirConfig config = ConfigLoader.parse(edit.apply(SOURCE_JSON.formatted(
                calpendo.baseUrl(), moreConfig, moreMapping)), null, Path.of("."));
        return CalpendoSource.create(config, config.dataSources().get(0), ENV);
    }

    /** One run, as the scheduler makes it; waits for its end. */
    SyncOutcome run() throws Exception {
        return scheduler.syncNow(SOURCE, false).get(60, TimeUnit.SECONDS);
    }

    /** Every stored row, whatever its status. */
    List<WorklistItem> rows() {
        return worklist.list(WorklistFilter.all());
    }

    /** The stored row of a booking, or null. */
    WorklistItem row(long bookingId) {
        return rows().stream().filter(r -> Long.toString(bookingId).equals(r.sourceKey()))
                .findFirst().orElse(null);
    }

    List<EventRecord> events() {
        return eventLog.recent(100);
    }

    @Override
    public void close() {
        scheduler.stop();
        feed.close();
        database.close();
    }
}
