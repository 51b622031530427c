package org.lantir.sync;

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

    @Override
    public synchronized List<EventRecord> recent(int limit) {
        return new ArrayList<>(events).subList(0, Math.min(limit, events.size()));
    }

    public synchronized long appended() {
        return appended;
    }

    public synchronized int retained() {
        return events.size();
    }
}
