package org.lantir.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;
import org.lantir.config.LantirConfig;
import org.lantir.events.EventFeed;
import org.lantir.store.Database;
import org.lantir.store.DatabaseBusyException;
import org.lantir.store.SqliteEventLog;
import org.lantir.store.SqliteMppsRepository;
import org.lantir.store.SqliteWorklistRepository;
import org.lantir.store.StoreException;
import org.lantir.sync.SourceException;
import org.lantir.sync.SyncRunRecord;
import org.lantir.sync.SyncWindow;
import org.lantir.sync.folder.FolderContents;
import org.lantir.sync.folder.FolderImport;
import org.lantir.worklist.SyncCounts;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistService;
import org.lantir.worklist.WorklistSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a CSV or DICOM worklist file, or a folder of them, into the worklist database once
 * ({@code lantir import}): the rows go through the worklist service's sync port, as a folder
 * source's would, under one source name, so a second import of the same files updates rather
 * than duplicates, and the run is written to the event log as a sync run of that source.
 *
 * <p>A Lantir serving the same database may keep running: the database is SQLite in WAL
 * mode, and the import writes in batches of {@link Batching#rows} rows, one transaction each,
 * with a pause between them, so the server's MPPS steps and sync runs wait at most one batch
 * (well within the store's busy timeout) and its next C-FIND sees the rows. Unlike a sync run,
 * an import is therefore not one transaction: stopped half-way, it leaves the batches it
 * committed, and running it again is safe, since rows are keyed by (source, source key): the
 * committed ones come out unchanged and the rest are added. The run's event log entry is
 * written last. Nothing here starts a server, a schedule, or mints identifiers for rows other
 * than the imported ones.
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

    /**
     * How an import splits its writes.
     *
     * @param rows rows per transaction
     * @param pause the pause after each commit, so that a writer waiting in SQLite's busy
     *        handler (which retries every 100 ms at most) takes its turn
     * @param afterBatch told the number (from 1) of each batch once it is committed
     */
    record Batching(int rows, Duration pause, IntConsumer afterBatch) {

        /** About half a second of writing per batch on a laptop. */
        static final Batching DEFAULT = new Batching(2_000, Duration.ofMillis(120), n -> {
        });
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
        return run(config, database, target, source, removeMissing, options, Batching.DEFAULT);
    }

    static Result run(LantirConfig config, Path database, Path target, String source,
            boolean removeMissing, FolderImport.Options options, Batching batching)
            throws SourceException {
        Objects.requireNonNull(source, "source");
        Instant started = Instant.now();
        FolderContents contents = FolderImport.read(target, options);
        if (contents.files() == 0) {
            return new Result(source, contents, SyncCounts.NONE);
        }
        try {
            return apply(config, database, source, removeMissing, contents, started,
                    batching);
        } catch (DatabaseBusyException e) {
            throw new StoreException("the worklist database " + database + " stayed busy: "
                    + "another program (a Lantir serving it?) held its write lock too long; "
                    + "the batches already committed stay, run the import again to finish",
                    e);
        }
    }

    private static Result apply(LantirConfig config, Path database, String source,
            boolean removeMissing, FolderContents contents, Instant started,
            Batching batching) {
        try (Database db = Database.open(database); EventFeed feed = new EventFeed()) {
            SqliteWorklistRepository rows = new SqliteWorklistRepository(db);
            SqliteEventLog eventLog = new SqliteEventLog(db);
            WorklistService service = new WorklistService(rows, new SqliteMppsRepository(db),
                    eventLog, feed, Lantir.worklistSettings(WorklistSettings.defaults(),
                            config), Clock.systemDefaultZone());
            SyncCounts counts = new Batches(batching).write(source, contents, service);
            if (removeMissing) {
                counts = counts.plus(new SyncCounts(0, 0, 0,
                        removeMissing(rows, source, contents, batching)));
            }
            SyncRunRecord record = SyncRunRecord.succeeded(source, started, Instant.now(),
                    SyncWindow.full(started), counts, contents.skippedKeys().size());
            eventLog.append(record.toEvent());
            LOG.info("Import {}: {}", source, record.message());
            return new Result(source, contents, counts);
        }
    }

    /**
     * Removes the source's SCHEDULED rows that neither the files' rows nor their skipped rows
     * have (a skipped row keeps its stored version, as in a folder source's run).
     */
    private static int removeMissing(SqliteWorklistRepository rows, String source,
            FolderContents contents, Batching batching) {
        Set<String> keep = new HashSet<>(contents.skippedKeys());
        contents.rows().forEach(row -> keep.add(row.sourceKey()));
        List<String> missing = new ArrayList<>();
        for (String key : rows.findBySource(source).keySet()) {
            if (!keep.contains(key)) {
                missing.add(key);
            }
        }
        int removed = 0;
        for (int from = 0; from < missing.size(); from += batching.rows()) {
            removed += rows.removeScheduled(source, missing.subList(from,
                    Math.min(missing.size(), from + batching.rows())));
        }
        return removed;
    }

    /** Writes the rows a batch at a time, one transaction each, and adds up the counts. */
    private record Batches(Batching batching) {

        SyncCounts write(String source, FolderContents contents, WorklistService service) {
            List<WorklistItem> all = contents.rows();
            SyncCounts counts = SyncCounts.NONE;
            int batch = 0;
            for (int from = 0; from < all.size(); from += batching.rows()) {
                List<WorklistItem> rows = all.subList(from, Math.min(all.size(),
                        from + batching.rows()));
                counts = counts.plus(service.applySync(source, rows, false));
                batch++;
                batching.afterBatch().accept(batch);
                if (from + batching.rows() < all.size()) {
                    pause();
                }
            }
            return counts;
        }

        private void pause() {
            try {
                Thread.sleep(batching.pause().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("The import was interrupted; the batches already "
                        + "committed stay, run it again to finish", e);
            }
        }
    }
}
