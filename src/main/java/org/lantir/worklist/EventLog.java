package org.lantir.worklist;

import java.util.List;

/** The persistent event log. */
public interface EventLog {

    EventRecord append(EventRecord event);

    /** Newest first. */
    List<EventRecord> recent(int limit);

    /**
     * Newest first: the events whose kind starts with {@code kindPrefix} (e.g. {@code SYNC_}),
     * of {@code source} only when it is not null. This default filters {@link #recent(int)},
     * which suits a small log in memory; a database answers with a query.
     */
    default List<EventRecord> recentOfKind(String kindPrefix, String source, int limit) {
        return recent(Integer.MAX_VALUE).stream()
                .filter(event -> event.kind() != null && event.kind().startsWith(kindPrefix))
                .filter(event -> source == null || source.equals(event.source()))
                .limit(limit)
                .toList();
    }
}
