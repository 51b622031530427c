package org.lantir.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lantir.worklist.EventLog;
import org.lantir.worklist.EventRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs of the data sources in the persistent event log: the runner writes each finished
 * run here ({@link #record}); the desktop console and {@code lantir query-db --sync-history}
 * read the recent ones ({@link #recent}).
 *
 * <p>Every run is recorded, and the log still does not grow without bound (see
 * docs/decisions/sync-history.md):
 * <ul>
 * <li>a run that says nothing new after the source's last entry
 * ({@link SyncRunRecord#repeatedBy}: an incremental run that changed nothing and skipped the
 * same rows for the same reasons as the run before it, or a failure with the reason of the
 * failure before it) rewrites that entry
 * in place, which then counts the runs it stands for and says since when; a source that syncs
 * every minute and finds nothing new keeps one entry, not 1,440 a day;
 * <li>sync entries older than {@link #RETENTION} are removed as runs are recorded; the
 * worklist rows and each source's sync state are kept in their own tables and never expire.
 * </ul>
 */
public final class SyncHistory {

    /** How long sync entries stay in the event log. */
    public static final Duration RETENTION = Duration.ofDays(30);

    private static final Logger LOG = LoggerFactory.getLogger(SyncHistory.class);

    private final EventLog eventLog;

    public SyncHistory(EventLog eventLog) {
        this.eventLog = Objects.requireNonNull(eventLog, "eventLog");
    }

    /**
     * Newest first, at most {@code limit} entries of {@code source}, or of every source when
     * it is null; an entry may stand for several runs ({@link SyncRunRecord#runs()}). Log
     * lines that are not runs Lantir wrote are passed over.
     */
    public List<SyncRunRecord> recent(String source, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<SyncRunRecord> runs = new ArrayList<>();
        for (EventRecord event : eventLog.recentOfKind(SyncRunRecord.KIND_PREFIX, source,
                limit)) {
            SyncRunRecord.fromEvent(event).ifPresent(runs::add);
        }
        return runs;
    }

    /** The newest recorded run of {@code source}, if any. */
    public Optional<SyncRunRecord> last(String source) {
        return recent(Objects.requireNonNull(source, "source"), 1).stream().findFirst();
    }

    /**
     * Records a finished run: folded into the source's newest entry when it says nothing new
     * after it, else as an entry of its own; then removes sync entries past
     * {@link #RETENTION}, counted back from the run's end. Called inside the run's
     * transaction, it joins it, so that the entry and the run's writes are kept together.
     *
     * @return the entry as stored
     */
    public EventRecord record(SyncRunRecord run) {
        EventRecord stored = foldOrAppend(run);
        int removed = eventLog.removeOlderThan(SyncRunRecord.KIND_PREFIX,
                run.ended().minus(RETENTION));
        if (removed > 0) {
            LOG.debug("Removed {} sync entries older than {} days from the event log", removed,
                    RETENTION.toDays());
        }
        return stored;
    }

    private EventRecord foldOrAppend(SyncRunRecord run) {
        List<EventRecord> newest = eventLog.recentOfKind(SyncRunRecord.KIND_PREFIX,
                run.source(), 1);
        if (!newest.isEmpty()) {
            EventRecord entry = newest.get(0);
            Optional<SyncRunRecord> last = SyncRunRecord.fromEvent(entry);
            if (last.isPresent() && last.get().repeatedBy(run)) {
                EventRecord folded = last.get().followedBy(run).toEvent();
                return eventLog.replace(new EventRecord(entry.id(), folded.time(),
                        folded.kind(), folded.source(), folded.subject(),
                        folded.worklistItemId(), folded.message()));
            }
        }
        return eventLog.append(run.toEvent());
    }
}
