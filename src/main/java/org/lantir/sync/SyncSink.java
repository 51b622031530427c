package org.lantir.sync;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.lantir.worklist.SyncCounts;
import org.lantir.worklist.WorklistItem;

/**
 * Where a sync run's rows go: the worklist service (which also mints missing IDs) or, plainly,
 * a {@link org.lantir.worklist.WorklistRepository} through {@link RepositorySyncSink}. Rows
 * are upserted by (source, source key) in one transaction, never touching a row whose status
 * is no longer SCHEDULED.
 */
public interface SyncSink {

    /**
     * Applies one run's rows; when {@code complete}, the source's SCHEDULED rows missing from
     * {@code rows} are removed.
     */
    SyncCounts apply(String source, List<WorklistItem> rows, boolean complete);

    /**
     * As {@link #apply(String, List, boolean)}, but rows stored under {@code keepKeys} (rows
     * the source has but could not map this time) are not removed by a complete sync. This
     * default cannot tell them apart, so it then removes nothing; implementations that can
     * should override it.
     */
    default SyncCounts apply(String source, List<WorklistItem> rows, boolean complete,
            Set<String> keepKeys) {
        return apply(source, rows, complete && keepKeys.isEmpty());
    }

    /**
     * Runs {@code work} as one transaction with the writes of the sink it makes, so that a
     * run's rows, its sync state and its event log entry are kept together or not at all
     * (when the state store and the event log share the sink's database, as in Lantir: their
     * writes join the transaction). This default runs {@code work} as it is, for sinks
     * without transactions.
     */
    default <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
