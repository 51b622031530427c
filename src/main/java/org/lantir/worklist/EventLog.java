package org.lantir.worklist;

import java.util.List;

/** The persistent event log. */
public interface EventLog {

    EventRecord append(EventRecord event);

    /** Newest first. */
    List<EventRecord> recent(int limit);
}
