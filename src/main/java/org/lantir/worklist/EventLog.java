package org.lantir.worklist;

import java.time.Instant;
import java.util.List;

/** The persistent event log. */
public interface EventLog {

    EventRecord append(EventRecord event);

    /**
     * Rewrites the stored event with {@code event.id()}: its time, kind, source, subject, row
     * and message become {@code event}'s. For an entry that stands for a series of events,
     * such as sync runs that changed nothing.
     *
     * <p>An optional operation, as is {@link #removeOlderThan}: a log that only reads (a
     * view for a screen) need not support it.
     *
     * @return the event as stored
     * @throws IllegalArgumentException when the event has no id or no stored event has it
     * @throws UnsupportedOperationException when this log cannot rewrite its events
     */
    default EventRecord replace(EventRecord event) {
        throw new UnsupportedOperationException("this event log cannot rewrite its events");
    }

    /**
     * Removes the events whose kind starts with {@code kindPrefix} and whose time is before
     * {@code before}; events of other kinds stay.
     *
     * @return how many were removed
     * @throws UnsupportedOperationException when this log cannot remove events
     */
    default int removeOlderThan(String kindPrefix, Instant before) {
        throw new UnsupportedOperationException("this event log cannot remove events");
    }

    /**
     * Whether an event of exactly this kind about exactly this subject was logged (and not
     * removed since). This default filters {@link #recent(int)}; a database answers with a
     * query.
     */
    default boolean contains(String kind, String subject) {
        return recent(Integer.MAX_VALUE).stream().anyMatch(event ->
                kind.equals(event.kind()) && subject.equals(event.subject()));
    }

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
