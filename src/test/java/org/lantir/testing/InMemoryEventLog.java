package org.lantir.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lantir.worklist.EventLog;
import org.lantir.worklist.EventRecord;

/** The event log in memory. */
public final class InMemoryEventLog implements EventLog {

    private final List<EventRecord> records = new ArrayList<>();
    private long lastId;

    @Override
    public synchronized EventRecord append(EventRecord event) {
        EventRecord stored = new EventRecord(++lastId, event.time(), event.kind(),
                event.source(), event.subject(), event.worklistItemId(), event.message());
        records.add(stored);
        return stored;
    }

    @Override
    public synchronized EventRecord replace(EventRecord event) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).id().equals(event.id())) {
                records.set(i, event);
                return event;
            }
        }
        throw new IllegalArgumentException("No event " + event.id() + " in the event log");
    }

    @Override
    public synchronized int removeOlderThan(String kindPrefix, Instant before) {
        int size = records.size();
        records.removeIf(e -> e.kind().startsWith(kindPrefix) && e.time().isBefore(before));
        return size - records.size();
    }

    @Override
    public synchronized List<EventRecord> recent(int limit) {
        List<EventRecord> newestFirst = new ArrayList<>(records);
        java.util.Collections.reverse(newestFirst);
        return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
    }
}
