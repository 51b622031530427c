package org.lantir.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prepared statements of one connection, kept once compiled. SQLite compiles a statement
 * in {@code prepare}; the worklist SELECT with its 32 columns took 30 to 80 us to compile,
 * a fifth of the server's time for a C-FIND by Patient ID, and it is the same few statements
 * every time. A statement is taken out while in use, so a nested query with the same SQL on
 * the same connection gets a statement of its own; at most {@value #MAX_STATEMENTS} are kept,
 * the least recently used closed first.
 */
final class StatementCache implements AutoCloseable {

    static final int MAX_STATEMENTS = 32;

    private static final Logger LOG = LoggerFactory.getLogger(StatementCache.class);

    private final Connection connection;
    private final LinkedHashMap<String, PreparedStatement> idle =
            new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    StatementCache(Connection connection) {
        this.connection = connection;
    }

    /** A statement for {@code sql}, to be handed back with {@link #release}. */
    PreparedStatement take(String sql) throws SQLException {
        synchronized (this) {
            PreparedStatement kept = idle.remove(sql);
            if (kept != null) {
                return kept;
            }
        }
        return connection.prepareStatement(sql);
    }

    /**
     * Takes back a statement from {@link #take}, its result set closed: kept for the next
     * use with its parameters cleared, or closed when the cache is full or closed.
     */
    void release(String sql, PreparedStatement statement) {
        try {
            statement.clearParameters();
        } catch (SQLException e) {
            closeQuietly(statement);
            return;
        }

        PreparedStatement replaced;
        PreparedStatement evicted = null;
        synchronized (this) {
            if (closed) {
                replaced = statement;
            } else {
                replaced = idle.put(sql, statement);
                if (idle.size() > MAX_STATEMENTS) {
                    Iterator<Map.Entry<String, PreparedStatement>> eldest =
                            idle.entrySet().iterator();
                    evicted = eldest.next().getValue();
                    eldest.remove();
                }
            }
        }
        closeQuietly(replaced);
        closeQuietly(evicted);
    }

    /** Closes the kept statements; statements released afterwards are closed at once. */
    @Override
    public void close() {
        Map<String, PreparedStatement> toClose;
        synchronized (this) {
            closed = true;
            toClose = new LinkedHashMap<>(idle);
            idle.clear();
        }
        toClose.values().forEach(StatementCache::closeQuietly);
    }

    /** How many statements are kept now (tests). */
    synchronized int size() {
        return idle.size();
    }

    private static void closeQuietly(PreparedStatement statement) {
        if (statement == null) {
            return;
        }
        try {
            statement.close();
        } catch (SQLException e) {
            LOG.debug("Closing a cached statement failed: {}", e.toString());
        }
    }
}
