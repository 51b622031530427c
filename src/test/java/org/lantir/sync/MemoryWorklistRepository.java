package org.lantir.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.SyncCounts;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistRepository;

/**
 * A {@link WorklistRepository} in memory with the documented {@code applySync} rules, for
 * sync tests (the SQLite store is tested on its own).
 */
public final class MemoryWorklistRepository implements WorklistRepository {

    private final Map<Long, WorklistItem> rows = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public synchronized WorklistItem insert(WorklistItem item) {
        WorklistItem stored = item.toBuilder().id(nextId++).createdAt(Instant.EPOCH)
                .updatedAt(Instant.EPOCH).build();
        rows.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized WorklistItem update(WorklistItem item) {
        rows.put(item.id(), item);
        return item;
    }

    @Override
    public synchronized boolean delete(long id) {
        return rows.remove(id) != null;
    }

    @Override
    public synchronized Optional<WorklistItem> findById(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized List<WorklistItem> find(WorklistFilter filter) {
        return rows.values().stream()
                .filter(i -> filter.statuses() == null || filter.statuses().contains(i.status()))
                .filter(i -> filter.patientId() == null || filter.patientId().equals(i.patientId()))
                .sorted(Comparator.comparing(WorklistItem::id))
                .collect(Collectors.toList());
    }

    @Override
    public void scan(WorklistFilter filter, Predicate<WorklistItem> visitor) {
        for (WorklistItem item : find(filter)) {
            if (!visitor.test(item)) {
                return;
            }
        }
    }

    @Override
    public synchronized List<WorklistItem> findByStudyInstanceUid(String uid) {
        return rows.values().stream().filter(i -> uid.equals(i.studyInstanceUid()))
                .collect(Collectors.toList());
    }

    @Override
    public synchronized List<WorklistItem> findBySpsId(String spsId, String rpId) {
        return rows.values().stream().filter(i -> spsId.equals(i.spsId()))
                .filter(i -> rpId == null || rpId.equals(i.requestedProcedureId()))
                .collect(Collectors.toList());
    }

    @Override
    public synchronized List<WorklistItem> findByAccessionNumber(String accessionNumber) {
        return rows.values().stream().filter(i -> accessionNumber.equals(i.accessionNumber()))
                .collect(Collectors.toList());
    }

    @Override
    public synchronized SyncCounts applySync(String source, List<WorklistItem> items,
            boolean complete) {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        Set<String> keys = new HashSet<>();
        for (WorklistItem given : items) {
            // As the SQLite store: each row's data source is set to the source.
            WorklistItem item = given.toBuilder().dataSource(source).build();
            keys.add(item.sourceKey());
            WorklistItem stored = bySourceKey(source, item.sourceKey());
            if (stored == null) {
                insert(item.toBuilder().status(ProcedureStepStatus.SCHEDULED).build());
                added++;
            } else if (stored.status() != ProcedureStepStatus.SCHEDULED
                    || stored.toBuilder().sameContent(item.toBuilder())) {
                unchanged++;
            } else {
                rows.put(stored.id(), item.toBuilder().id(stored.id()).status(stored.status())
                        .createdAt(stored.createdAt()).updatedAt(Instant.EPOCH).build());
                updated++;
            }
        }
        int removed = complete ? removeMissing(source, keys) : 0;
        return new SyncCounts(added, updated, unchanged, removed);
    }

    @Override
    public synchronized int removeScheduled(String source, List<String> sourceKeys) {
        int before = rows.size();
        rows.values().removeIf(i -> source.equals(i.dataSource())
                && sourceKeys.contains(i.sourceKey())
                && i.status() == ProcedureStepStatus.SCHEDULED);
        return before - rows.size();
    }

    public synchronized int size() {
        return rows.size();
    }

    public synchronized List<WorklistItem> all() {
        return new ArrayList<>(rows.values());
    }

    public synchronized WorklistItem bySourceKey(String source, String key) {
        return rows.values().stream().filter(i -> Objects.equals(source, i.dataSource())
                && Objects.equals(key, i.sourceKey())).findFirst().orElse(null);
    }

    /** Sets a row's status as an MPPS would. */
    public synchronized void setStatus(String source, String key, ProcedureStepStatus status) {
        WorklistItem item = bySourceKey(source, key);
        rows.put(item.id(), item.toBuilder().status(status).build());
    }

    private int removeMissing(String source, Set<String> keys) {
        int before = rows.size();
        rows.values().removeIf(i -> source.equals(i.dataSource())
                && !keys.contains(i.sourceKey())
                && i.status() == ProcedureStepStatus.SCHEDULED);
        return before - rows.size();
    }
}
