package org.lantir.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import org.lantir.config.LantirConfig;
import org.lantir.events.EventFeed;
import org.lantir.store.Database;
import org.lantir.store.SqliteEventLog;
import org.lantir.store.SqliteMppsRepository;
import org.lantir.store.SqliteWorklistRepository;
import org.lantir.store.StoreException;
import org.lantir.sync.RepositorySyncSink;
import org.lantir.sync.SourceException;
import org.lantir.sync.SyncRunRecord;
import org.lantir.sync.SyncWindow;
import org.lantir.sync.folder.FolderContents;
import org.lantir.sync.folder.FolderImport;
import org.lantir.worklist.SyncCounts;
import org.lantir.worklist.WorklistService;
import org.lantir.worklist.WorklistSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteException;

/**
 * Loads a CSV or DICOM worklist file, or a folder of them, into the worklist database once
 * ({@code lantir import}): the rows go through the worklist service's sync port, as a folder
 * source's would, under one source name, so a second import of the same files updates rather
 * than duplicates, and the run is written to the event log as a sync run of that source.
 *
 * <p>A Lantir serving the same database may keep running: the database is SQLite in WAL
 * mode, the import's writes are one transaction that waits for the server's (up to the
 * store's busy timeout), and the server's next C-FIND sees the rows. Nothing here starts a
 * server, a schedule, or mints identifiers for rows other than the imported ones.
 */
public final class WorklistImport {

    private static final Logger LOG = LoggerFactory.getLogger(WorklistImport.class);

    private WorklistImport() {
    }

    /**
     * What an import did.
     *
     * @param source the source name the rows are kept under
     * @param contents what the files gave (rows, skipped rows with reasons, notes)
     * @param counts what the rows did to the worklist
     */
    public record Result(String source, FolderContents contents, SyncCounts counts) {
    }

    /** {@code import:<name of the file or folder>}. */
    public static String sourceName(Path target) {
        Path name = target.toAbsolutePath().normalize().getFileName();
        return "import:" + (name == null ? target.toAbsolutePath() : name);
    }

    /**
     * Reads {@code target} and applies its rows to the database.
     *
     * @param removeMissing whether the source's SCHEDULED rows that the files no longer hold
     *        leave (the files are its whole set), as a folder source's do
     * @throws SourceException when the files cannot be read; the database is not touched
     * @throws org.lantir.store.StoreException when the database cannot be opened or written
     */
    public static Result run(LantirConfig config, Path database, Path target, String source,
            boolean removeMissing, FolderImport.Options options) throws SourceException {
        Objects.requireNonNull(source, "source");
        Instant started = Instant.now();
        FolderContents contents = FolderImport.read(target, options);
        if (contents.files() == 0) {
            return new Result(source, contents, SyncCounts.NONE);
        }
        try {
            return apply(config, database, source, removeMissing, contents, started);
        } catch (StoreException e) {
            if (isBusy(e)) {
                throw new StoreException("the worklist database " + database + " stayed busy: "
                        + "another program (a Lantir serving it?) held its write lock too "
                        + "long; nothing was imported, try again", e);
            }
            throw e;
        }
    }

    private static Result apply(LantirConfig config, Path database, String source,
            boolean removeMissing, FolderContents contents, Instant started) {
        try (Database db = Database.open(database); EventFeed feed = new EventFeed()) {
            SqliteWorklistRepository rows = new SqliteWorklistRepository(db);
            SqliteEventLog eventLog = new SqliteEventLog(db);
            WorklistService service = new WorklistService(rows, new SqliteMppsRepository(db),
                    eventLog, feed, Lantir.worklistSettings(WorklistSettings.defaults(),
                            config), Clock.systemDefaultZone());
            SyncCounts counts = new RepositorySyncSink(rows, service::applySync).apply(source,
                    contents.rows(), removeMissing, new HashSet<>(contents.skippedKeys()));
            SyncRunRecord record = SyncRunRecord.succeeded(source, started, Instant.now(),
                    SyncWindow.full(started), counts, contents.skippedKeys().size());
            eventLog.append(record.toEvent());
            LOG.info("Import {}: {}", source, record.message());
            return new Result(source, contents, counts);
        }
    }

    /** SQLite's "database is busy" or "locked", after its busy timeout. */
    private static boolean isBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                String code = sqlite.getResultCode().name();
                return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED");
            }
        }
        return false;
    }
}
