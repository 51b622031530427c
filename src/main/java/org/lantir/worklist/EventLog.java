package org.lantir.worklist;

import java.util.List;

/** The persistent event log. */
public interface EventLog {

    EventRecord append(EventRecord event);

    /** Newest first. */
    List<EventRecord> recent(int limit);

    /**
     * The newest {@code limit} events whose kind starts with {@code kindPrefix} (e.g.
     * {@code "MPPS_"}), newest first; the prefix is matched exactly, case and all.
     *
     * <p>This default reads the whole log through {@link #recent}; fine for a log in memory,
     * a store overrides it with a query.
     */
    default List<EventRecord> recentByKindPrefix(String kindPrefix, int limit) {
        return recent(Integer.MAX_VALUE).stream()
                .filter(e -> e.kind() != null && e.kind().startsWith(kindPrefix))
                .limit(limit)
                .toList();
    }
}
