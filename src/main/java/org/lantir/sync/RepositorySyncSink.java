package org.lantir.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.SyncCounts;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistRepository;

/** A {@link SyncSink} straight onto a {@link WorklistRepository}; it mints no IDs. */
public final class RepositorySyncSink implements SyncSink {

    private static final WorklistFilter SCHEDULED = new WorklistFilter(null, null, null, null,
            null, Set.of(ProcedureStepStatus.SCHEDULED), 0);

    private final WorklistRepository repository;

    public RepositorySyncSink(WorklistRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    @Override
    public SyncCounts apply(String source, List<WorklistItem> rows, boolean complete) {
        return repository.applySync(source, rows, complete);
    }

    /**
     * With keys to keep, the rows are applied without removal, then the source's SCHEDULED
     * rows that are neither fetched nor kept are removed: two transactions instead of one,
     * which at worst leaves a vanished row until the next complete sync.
     */
    @Override
    public SyncCounts apply(String source, List<WorklistItem> rows, boolean complete,
            Set<String> keepKeys) {
        if (!complete || keepKeys.isEmpty()) {
            return apply(source, rows, complete);
        }
        SyncCounts counts = repository.applySync(source, rows, false);

        Set<String> present = new HashSet<>(keepKeys);
        rows.forEach(row -> present.add(row.sourceKey()));
        List<String> vanished = new ArrayList<>();
        repository.scan(SCHEDULED, item -> {
            if (source.equals(item.dataSource()) && !present.contains(item.sourceKey())) {
                vanished.add(item.sourceKey());
            }
            return true;
        });

        int removed = vanished.isEmpty() ? 0 : repository.removeScheduled(source, vanished);
        return new SyncCounts(counts.added(), counts.updated(), counts.unchanged(),
                counts.removed() + removed);
    }
}
