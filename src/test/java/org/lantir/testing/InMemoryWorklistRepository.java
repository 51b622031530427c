package org.lantir.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.SyncCounts;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistRepository;

/**
 * A worklist store in memory with the contract of {@link WorklistRepository}: filters are
 * exact (case-sensitive equality, inclusive date bounds, a null bound or field does not
 * narrow), rows come in scheduled date, time, id order, applySync never touches rows MPPS
 * owns. Records the filters it was given.
 */
public final class InMemoryWorklistRepository implements WorklistRepository {

    private static final Comparator<WorklistItem> ORDER = Comparator
            .comparing(WorklistItem::scheduledStartDate,
                    Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(WorklistItem::scheduledStartTime,
                    Comparator.nullsLast(Comparator.<LocalTime>naturalOrder()))
            .thenComparing(WorklistItem::id);

    private final Map<Long, WorklistItem> rows = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final List<WorklistFilter> filtersSeen = new ArrayList<>();

    public synchronized List<WorklistFilter> filtersSeen() {
        return List.copyOf(filtersSeen);
    }

    public synchronized List<WorklistItem> all() {
        return rows.values().stream().sorted(ORDER).collect(Collectors.toList());
    }

    @Override
    public synchronized WorklistItem insert(WorklistItem item) {
        long id = ids.incrementAndGet();
        WorklistItem stored = item.toBuilder().id(id).createdAt(Instant.EPOCH)
                .updatedAt(Instant.EPOCH).build();
        rows.put(id, stored);
        return stored;
    }

    @Override
    public synchronized WorklistItem update(WorklistItem item) {
        if (item.id() == null || !rows.containsKey(item.id())) {
            throw new IllegalArgumentException("no row " + item.id());
        }
        rows.put(item.id(), item);
        return item;
    }

    /** Sets a stored row's status, as an MPPS transaction does. */
    public synchronized void setStatus(long id, ProcedureStepStatus status) {
        rows.put(id, rows.get(id).toBuilder().status(status).build());
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
        filtersSeen.add(filter);
        List<WorklistItem> found = all().stream().filter(r -> passes(r, filter))
                .collect(Collectors.toList());
        return filter.limit() > 0 && found.size() > filter.limit()
                ? found.subList(0, filter.limit()) : found;
    }

    @Override
    public void scan(WorklistFilter filter, Predicate<WorklistItem> visitor) {
        for (WorklistItem row : find(filter)) {
            if (!visitor.test(row)) {
                return;
            }
        }
    }

    private static boolean passes(WorklistItem r, WorklistFilter f) {
        LocalDate date = r.scheduledStartDate();
        if (f.dateFrom() != null && (date == null || date.isBefore(f.dateFrom()))) {
            return false;
        }
        if (f.dateTo() != null && (date == null || date.isAfter(f.dateTo()))) {
            return false;
        }
        return same(f.stationAeTitle(), r.scheduledStationAeTitle())
                && same(f.modality(), r.modality()) && same(f.patientId(), r.patientId())
                && (f.statuses() == null || f.statuses().contains(r.status()));
    }

    private static boolean same(String wanted, String stored) {
        return wanted == null || wanted.equals(stored);
    }

    @Override
    public synchronized List<WorklistItem> findByStudyInstanceUid(String uid) {
        return all().stream().filter(r -> uid.equals(r.studyInstanceUid()))
                .collect(Collectors.toList());
    }

    @Override
    public synchronized List<WorklistItem> findBySpsId(String spsId, String rpId) {
        return all().stream().filter(r -> spsId.equals(r.spsId())
                && (rpId == null || rpId.equals(r.requestedProcedureId())))
                .collect(Collectors.toList());
    }

    @Override
    public synchronized List<WorklistItem> findByAccessionNumber(String accession) {
        return all().stream().filter(r -> accession.equals(r.accessionNumber()))
                .collect(Collectors.toList());
    }

    @Override
    public synchronized SyncCounts applySync(String source, List<WorklistItem> incoming,
            boolean complete) {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        Set<String> keys = new HashSet<>();
        // Read once: a large sync stays linear (the incoming keys are distinct).
        Map<String, WorklistItem> stored = new HashMap<>();
        for (WorklistItem row : rows.values()) {
            if (source.equals(row.dataSource()) && row.sourceKey() != null) {
                stored.put(row.sourceKey(), row);
            }
        }
        for (WorklistItem row : incoming) {
            keys.add(row.sourceKey());
            WorklistItem existing = stored.get(row.sourceKey());
            if (existing == null) {
                insert(row.toBuilder().dataSource(source).status(ProcedureStepStatus.SCHEDULED)
                        .build());
                added++;
            } else if (existing.status() != ProcedureStepStatus.SCHEDULED
                    || existing.toBuilder().sameContent(row.toBuilder())) {
                unchanged++;
            } else {
                rows.put(existing.id(), row.toBuilder().id(existing.id())
                        .status(existing.status()).createdAt(existing.createdAt()).build());
                updated++;
            }
        }
        int removed = complete ? removeMissing(source, keys) : 0;
        return new SyncCounts(added, updated, unchanged, removed);
    }

    private WorklistItem bySourceKey(String source, String key) {
        for (WorklistItem row : rows.values()) {
            if (source.equals(row.dataSource()) && Objects.equals(key, row.sourceKey())) {
                return row;
            }
        }
        return null;
    }

    private int removeMissing(String source, Set<String> keys) {
        List<Long> gone = rows.values().stream().filter(r -> source.equals(r.dataSource())
                && r.status() == ProcedureStepStatus.SCHEDULED && !keys.contains(r.sourceKey()))
                .map(WorklistItem::id).collect(Collectors.toList());
        gone.forEach(rows::remove);
        return gone.size();
    }

    @Override
    public synchronized int removeScheduled(String source, List<String> sourceKeys) {
        int removed = 0;
        for (String key : sourceKeys) {
            WorklistItem row = bySourceKey(source, key);
            if (row != null && row.status() == ProcedureStepStatus.SCHEDULED) {
                rows.remove(row.id());
                removed++;
            }
        }
        return removed;
    }
}
