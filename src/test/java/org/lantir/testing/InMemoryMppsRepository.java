package org.lantir.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.lantir.worklist.EventRecord;
import org.lantir.worklist.MppsInstance;
import org.lantir.worklist.MppsRepository;
import org.lantir.worklist.ProcedureStepStatus;

/**
 * MPPS instances in memory, with the invariants the SQLite store must also uphold: a create
 * with a known UID throws {@link DuplicateMppsException} and changes nothing; create and
 * update move the matched worklist row and append the event together; update keeps the
 * instance's creation time, calling AE and match.
 */
public final class InMemoryMppsRepository implements MppsRepository {

    private final Map<String, MppsInstance> instances = new LinkedHashMap<>();
    private final List<EventRecord> events = new ArrayList<>();
    private final InMemoryWorklistRepository worklist;

    public InMemoryMppsRepository(InMemoryWorklistRepository worklist) {
        this.worklist = worklist;
    }

    public synchronized List<EventRecord> events() {
        return List.copyOf(events);
    }

    public synchronized List<MppsInstance> all() {
        return List.copyOf(instances.values());
    }

    @Override
    public synchronized Optional<MppsInstance> find(String uid) {
        return Optional.ofNullable(instances.get(uid));
    }

    @Override
    public synchronized void create(MppsInstance instance, ProcedureStepStatus itemStatus,
            EventRecord event) {
        if (instances.containsKey(instance.sopInstanceUid())) {
            throw new DuplicateMppsException(instance.sopInstanceUid());
        }
        instances.put(instance.sopInstanceUid(), instance);
        moveRow(instance, itemStatus);
        events.add(event);
    }

    @Override
    public synchronized void update(MppsInstance instance, ProcedureStepStatus itemStatus,
            EventRecord event) {
        MppsInstance before = instances.get(instance.sopInstanceUid());
        if (before == null) {
            throw new IllegalStateException("no MPPS " + instance.sopInstanceUid());
        }
        if (!before.createdAt().equals(instance.createdAt())
                || !java.util.Objects.equals(before.worklistItemId(), instance.worklistItemId())) {
            throw new IllegalStateException("update may not change creation or match");
        }
        instances.put(instance.sopInstanceUid(), instance);
        moveRow(instance, itemStatus);
        events.add(event);
    }

    private void moveRow(MppsInstance instance, ProcedureStepStatus itemStatus) {
        if (itemStatus != null && instance.worklistItemId() != null) {
            worklist.setStatus(instance.worklistItemId(), itemStatus);
        }
    }

    @Override
    public synchronized List<MppsInstance> recent(int limit) {
        List<MppsInstance> newestFirst = new ArrayList<>(instances.values());
        java.util.Collections.reverse(newestFirst);
        return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
    }

    @Override
    public synchronized List<MppsInstance> findByWorklistItem(long id) {
        return instances.values().stream().filter(i -> Long.valueOf(id)
                .equals(i.worklistItemId())).collect(Collectors.toList());
    }
}
