package org.lantir.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lantir.worklist.EventLog;
import org.lantir.worklist.EventRecord;

/**
 * The recent runs of the data sources, read from the persistent event log, for the desktop
 * console and the command line. Runs that changed nothing are not there: the runner logs an
 * incremental run only when it added, updated, removed or skipped rows, or failed.
 */
public final class SyncHistory {

    private final EventLog eventLog;

    public SyncHistory(EventLog eventLog) {
        this.eventLog = Objects.requireNonNull(eventLog, "eventLog");
    }

    /**
     * Newest first, at most {@code limit} runs of {@code source}, or of every source when it
     * is null. Log lines that are not runs Lantir wrote are passed over.
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
}
