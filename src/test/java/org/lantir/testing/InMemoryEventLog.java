package org.lantir.testing;

import java.util.ArrayList;
import java.util.List;
import org.lantir.worklist.EventLog;
import org.lantir.worklist.EventRecord;

/** The event log in memory. */
public final class InMemoryEventLog implements EventLog {

    private final List<EventRecord> records = new ArrayList<>();

    @Override
    public synchronized EventRecord append(EventRecord event) {
        records.add(event);
        return event;
    }

    @Override
    public synchronized List<EventRecord> recent(int limit) {
        List<EventRecord> newestFirst = new ArrayList<>(records);
        java.util.Collections.reverse(newestFirst);
        return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
    }
}
