package org.lantir.sync;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.lantir.worklist.EventLog;
import org.lantir.worklist.EventRecord;

/** An {@link EventLog} in memory that keeps the newest entries only, for tests. */
public final class MemoryEventLog implements EventLog {

    private final int keep;
    private final Deque<EventRecord> events = new ArrayDeque<>();
    private long appended;
    private long replaced;

    public MemoryEventLog(int keep) {
        this.keep = keep;
    }

    @Override
    public synchronized EventRecord append(EventRecord event) {
        EventRecord stored = new EventRecord(++appended, event.time(), event.kind(),
                event.source(), event.subject(), event.worklistItemId(), event.message());
        events.addFirst(stored);
        while (events.size() > keep) {
            events.removeLast();
        }
        return stored;
    }

    /** Keeps the entry's place; a log that orders by time would move it (Lantir's does). */
    @Override
    public synchronized EventRecord replace(EventRecord event) {
        List<EventRecord> all = new ArrayList<>(events);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(event.id())) {
                all.set(i, event);
                events.clear();
                events.addAll(all);
                replaced++;
                return event;
            }
        }
        throw new IllegalArgumentException("No event " + event.id() + " in the event log");
    }

    @Override
    public synchronized int removeOlderThan(String kindPrefix, Instant before) {
        int size = events.size();
        events.removeIf(e -> e.kind().startsWith(kindPrefix) && e.time().isBefore(before));
        return size - events.size();
    }

    @Override
    public synchronized List<EventRecord> recent(int limit) {
        return new ArrayList<>(events).subList(0, Math.min(limit, events.size()));
    }

    public synchronized long appended() {
        return appended;
    }

    /** Entries rewritten in place (runs that said nothing new). */
    public synchronized long replaced() {
        return replaced;
    }

    public synchronized int retained() {
        return events.size();
    }
}
