package org.lantir.worklist;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Where worklist rows are kept. The SQLite store implements it; tests may fake it. */
public interface WorklistRepository {

    /** Stores a new row and returns it with its id and bookkeeping times. */
    WorklistItem insert(WorklistItem item);

    /** Replaces the row with the item's id; returns the stored row. */
    WorklistItem update(WorklistItem item);

    boolean delete(long id);

    Optional<WorklistItem> findById(long id);

    /** Rows that pass the filter, ordered by scheduled date and time, then id. */
    List<WorklistItem> find(WorklistFilter filter);

    /**
     * Streams the rows that pass the filter, in the order of {@link #find}, to {@code visitor}
     * until it returns false; for C-FIND, so that a large answer is never held whole.
     */
    void scan(WorklistFilter filter, Predicate<WorklistItem> visitor);

    /**
     * Streams, in no set order, the rows scheduled from {@code dateFrom} to {@code dateTo}
     * (inclusive) that have a data source other than {@code exceptSource}, holding only what
     * tells who and when: id, data source, source key, Patient ID, name, birth date and
     * scheduled start date (the other fields may be empty). For the possible-duplicate check,
     * which a sync of many rows runs over every row of their dates: a whole row costs many
     * times more to read.
     */
    default void scanParticipants(LocalDate dateFrom, LocalDate dateTo, String exceptSource,
            Predicate<WorklistItem> visitor) {
        scan(new WorklistFilter(dateFrom, dateTo, null, null, null, null, 0), row -> {
            boolean other = row.dataSource() != null && !row.dataSource().equals(exceptSource);
            return !other || visitor.test(row);
        });
    }

    /** Rows whose Study Instance UID is the given one. */
    List<WorklistItem> findByStudyInstanceUid(String studyInstanceUid);

    /** Rows with the given SPS ID (and Requested Procedure ID when non-null). */
    List<WorklistItem> findBySpsId(String spsId, String requestedProcedureId);

    List<WorklistItem> findByAccessionNumber(String accessionNumber);

    /**
     * The rows of one data source keyed by source key, so that a re-sync can keep the
     * identifiers Lantir minted for them. This default scans every row; a store should answer
     * it from an index on (source, source key).
     */
    default Map<String, WorklistItem> findBySource(String source) {
        Map<String, WorklistItem> rows = new HashMap<>();
        scan(WorklistFilter.all(), item -> {
            if (source.equals(item.dataSource()) && item.sourceKey() != null) {
                rows.put(item.sourceKey(), item);
            }
            return true;
        });
        return rows;
    }

    /**
     * Applies one source's rows in a single transaction, keyed by (source, source key):
     * new keys are inserted as SCHEDULED, changed rows updated, and rows whose status is no
     * longer SCHEDULED are never touched (MPPS owns them). A row the same in content as the
     * stored one ({@link WorklistItem.Builder#sameContent}), or one MPPS owns, counts as
     * unchanged. When {@code complete} is true the rows are the source's whole current set,
     * so its SCHEDULED rows that are missing from it are removed. Called inside
     * {@link #inTransaction}, it joins that transaction.
     */
    SyncCounts applySync(String source, List<WorklistItem> rows, boolean complete);

    /** Removes the source's SCHEDULED rows with these keys (cancelled upstream). */
    int removeScheduled(String source, List<String> sourceKeys);

    /**
     * Runs {@code work}, and every call it makes on this repository, as one transaction: other
     * writers wait until it ends, and when it throws nothing it wrote is kept. For work that
     * reads, decides and writes, such as a sync that adopts imported rows.
     *
     * <p>This default holds the repository's monitor: enough for a store whose methods all
     * synchronize on it (the in-memory ones), but it cannot undo what {@code work} wrote
     * before it threw. A store with real transactions overrides it.
     */
    default <T> T inTransaction(Supplier<T> work) {
        synchronized (this) {
            return work.get();
        }
    }

    /**
     * Runs {@code action} once the transaction this thread is in ({@link #inTransaction}) has
     * committed, and not at all when it rolls back; at once outside a transaction. For telling
     * others about a change only when they can read it. This default runs it at once: enough
     * for a store whose changes are visible as they are made.
     */
    default void afterCommit(Runnable action) {
        action.run();
    }
}
