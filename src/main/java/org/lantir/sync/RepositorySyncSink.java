package org.lantir.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.lantir.worklist.SyncCounts;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistRepository;

/**
 * A {@link SyncSink} that keeps, in a complete sync, the rows its source could not map this
 * time: their stored version is sent along with the fetched rows, so that it counts as
 * present and nothing else changes; all in the one call of the writing sink, so in one
 * transaction. The writing is done by {@code writer}: the worklist service (which also mints
 * missing IDs), or the repository itself.
 */
public final class RepositorySyncSink implements SyncSink {

    private final WorklistRepository repository;
    private final SyncSink writer;

    /** Writes straight to the repository; mints nothing. */
    public RepositorySyncSink(WorklistRepository repository) {
        this(repository, repository::applySync);
    }

    /**
     * @param repository where the stored rows are read from
     * @param writer what applies the rows, e.g. {@code worklistService::applySync}
     */
    public RepositorySyncSink(WorklistRepository repository, SyncSink writer) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public SyncCounts apply(String source, List<WorklistItem> rows, boolean complete) {
        return writer.apply(source, rows, complete);
    }

    @Override
    public SyncCounts apply(String source, List<WorklistItem> rows, boolean complete,
            Set<String> keepKeys) {
        if (!complete || keepKeys.isEmpty()) {
            return writer.apply(source, rows, complete);
        }
        List<WorklistItem> kept = stored(source, rows, keepKeys);
        List<WorklistItem> all = new ArrayList<>(rows);
        all.addAll(kept);

        SyncCounts counts = writer.apply(source, all, true);
        return new SyncCounts(counts.added(), counts.updated(),
                Math.max(0, counts.unchanged() - kept.size()), counts.removed());
    }

    /** One transaction of the repository ({@link WorklistRepository#inTransaction}). */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return repository.inTransaction(work);
    }

    /** The stored rows under {@code keepKeys} that the fetched rows do not replace. */
    private List<WorklistItem> stored(String source, List<WorklistItem> rows,
            Set<String> keepKeys) {
        Set<String> fetched = new HashSet<>();
        rows.forEach(row -> fetched.add(row.sourceKey()));
        List<WorklistItem> kept = new ArrayList<>();
        repository.scan(WorklistFilter.all(), item -> {
            String key = item.sourceKey();
            if (source.equals(item.dataSource()) && keepKeys.contains(key)
                    && !fetched.contains(key)) {
                kept.add(item);
            }
            return true;
        });
        return kept;
    }
}
