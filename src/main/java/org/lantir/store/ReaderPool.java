package org.lantir.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-only connections handed to one reading thread at a time. The pool never makes a reader
 * wait: when no idle connection is left it opens another, and it keeps at most
 * {@value #MAX_IDLE} idle ones. Waiting for a free connection could deadlock a C-FIND whose
 * visitor reads again while it streams, and SQLite connections are cheap to open.
 */
final class ReaderPool implements AutoCloseable {

    /** Opens one reader connection. */
    interface Opener {
        Connection open() throws SQLException;
    }

    static final int MAX_IDLE = 8;

    private static final Logger LOG = LoggerFactory.getLogger(ReaderPool.class);

    private final Opener opener;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ReaderPool(Opener opener) {
        this.opener = opener;
    }

    Connection borrow() throws SQLException {
        synchronized (this) {
            if (closed) {
                throw new StoreException("The worklist database is closed");
            }
            Connection connection = idle.pollFirst();
            if (connection != null) {
                return connection;
            }
        }

        return opener.open();
    }

    void release(Connection connection) {
        synchronized (this) {
            if (!closed && idle.size() < MAX_IDLE) {
                idle.addFirst(connection);
                return;
            }
        }

        closeQuietly(connection);
    }

    @Override
    public void close() {
        Deque<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }

        toClose.forEach(ReaderPool::closeQuietly);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing a reader connection failed", e);
        }
    }
}
