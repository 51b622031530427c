package org.lantir.store;

import static org.lantir.store.SqlValues.setLong;
import static org.lantir.store.SqlValues.setText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lantir.worklist.EventLog;
import org.lantir.worklist.EventRecord;

/**
 * The persistent event log in SQLite ({@code event_log}). An event without a time is stamped
 * with the {@link Database#clock()}. {@link SqliteMppsRepository} appends through
 * {@link #append(Connection, EventRecord)} inside its own transaction.
 */
public final class SqliteEventLog implements EventLog {

    private final Database database;

    public SqliteEventLog(Database database) {
        this.database = database;
    }

    /** Stores the event and returns it with its id (and time, when it had none). */
    @Override
    public EventRecord append(EventRecord event) {
        return database.inTransaction(c -> append(c, stamped(event)));
    }

    @Override
    public EventRecord replace(EventRecord event) {
        if (event.id() == null) {
            throw new IllegalArgumentException("An event to replace needs its id");
        }
        EventRecord stamped = stamped(event);
        return database.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE event_log SET time = ?, "
                    + "kind = ?, source = ?, subject = ?, worklist_item_id = ?, message = ? "
                    + "WHERE id = ?")) {
                setText(update, 1, SqlValues.instant(stamped.time()));
                setText(update, 2, stamped.kind());
                setText(update, 3, stamped.source());
                setText(update, 4, stamped.subject());
                setLong(update, 5, stamped.worklistItemId());
                setText(update, 6, stamped.message());
                update.setLong(7, stamped.id());
                if (update.executeUpdate() != 1) {
                    throw new IllegalArgumentException("No event " + stamped.id()
                            + " in the event log");
                }
                return stamped;
            }
        });
    }

    /**
     * {@inheritDoc} The time index finds the old events; the kind is compared exactly, as in
     * {@link #recentOfKind}.
     */
    @Override
    public int removeOlderThan(String kindPrefix, Instant before) {
        return database.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM event_log "
                    + "WHERE time < ? AND substr(kind, 1, length(?)) = ?")) {
                delete.setString(1, SqlValues.instant(before));
                delete.setString(2, kindPrefix);
                delete.setString(3, kindPrefix);
                return delete.executeUpdate();
            }
        });
    }

    /**
     * {@inheritDoc} No index covers (kind, subject): this reads the log through, which the
     * worklist asks only for a possible duplicate it has just found (a rare event).
     */
    @Override
    public boolean contains(String kind, String subject) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM event_log "
                    + "WHERE kind = ? AND subject = ? LIMIT 1")) {
                select.setString(1, kind);
                select.setString(2, subject);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** Newest first: by time, then by id. */
    @Override
    public List<EventRecord> recent(int limit) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id, time, kind, source, "
                    + "subject, worklist_item_id, message FROM event_log "
                    + "ORDER BY time DESC, id DESC LIMIT ?")) {
                select.setInt(1, limit);
                return readAll(select);
            }
        });
    }

    /**
     * Newest first: events whose kind starts with {@code kindPrefix}, of {@code source} when
     * not null. Kinds are compared exactly (SQLite's LIKE would ignore case and treat
     * {@code _} as a wildcard).
     */
    @Override
    public List<EventRecord> recentOfKind(String kindPrefix, String source, int limit) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id, time, kind, source, "
                    + "subject, worklist_item_id, message FROM event_log "
                    + "WHERE substr(kind, 1, length(?)) = ? AND (? IS NULL OR source = ?) "
                    + "ORDER BY time DESC, id DESC LIMIT ?")) {
                select.setString(1, kindPrefix);
                select.setString(2, kindPrefix);
                setText(select, 3, source);
                setText(select, 4, source);
                select.setInt(5, limit);
                return readAll(select);
            }
        });
    }

    EventRecord stamped(EventRecord event) {
        if (event.time() != null) {
            return event;
        }
        return new EventRecord(event.id(), database.clock().instant(), event.kind(),
                event.source(), event.subject(), event.worklistItemId(), event.message());
    }

    /** Appends inside the caller's transaction. */
    static EventRecord append(Connection connection, EventRecord event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event_log "
                + "(time, kind, source, subject, worklist_item_id, message) "
                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            setText(insert, 1, SqlValues.instant(event.time()));
            setText(insert, 2, event.kind());
            setText(insert, 3, event.source());
            setText(insert, 4, event.subject());
            setLong(insert, 5, event.worklistItemId());
            setText(insert, 6, event.message());
            insert.executeUpdate();
        }

        return new EventRecord(SqlValues.lastInsertRowId(connection), event.time(),
                event.kind(), event.source(), event.subject(), event.worklistItemId(),
                event.message());
    }

    private static List<EventRecord> readAll(PreparedStatement select) throws SQLException {
        List<EventRecord> events = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                events.add(new EventRecord(row.getLong("id"),
                        SqlValues.instant(row.getString("time")), row.getString("kind"),
                        row.getString("source"), row.getString("subject"),
                        SqlValues.getLong(row, "worklist_item_id"), row.getString("message")));
            }
        }
        return events;
    }
}
