package org.lantir.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-only connections handed to one reading thread at a time. The pool never makes a reader
 * wait: when no idle connection is left it opens another, and it keeps at most
 * {@value #MAX_IDLE} idle ones. Waiting for a free connection could deadlock a C-FIND whose
 * visitor reads again while it streams, and SQLite connections are cheap to open. Each
 * connection has its {@link StatementCache}, closed with it.
 */
final class ReaderPool implements AutoCloseable {

    /** Opens one reader connection. */
    interface Opener {
        Connection open() throws SQLException;
    }

    /**
     * The server works on up to {@code max_associations} (64 by default) C-FINDs at once, and
     * on two cores most of those threads hold their connection while they wait for the CPU.
     * With 8 kept, 32 busy associations made 1 to 2 % of queries open a connection (and
     * compile their statements again) and close another. An idle reader costs a file handle
     * and the pages it has cached.
     */
    static final int MAX_IDLE = 32;

    private static final Logger LOG = LoggerFactory.getLogger(ReaderPool.class);

    private final Opener opener;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final Map<Connection, StatementCache> statements = new ConcurrentHashMap<>();
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

    /** The statement cache of a connection this pool handed out. */
    StatementCache statements(Connection connection) {
        return statements.computeIfAbsent(connection, StatementCache::new);
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

        toClose.forEach(this::closeQuietly);
    }

    private void closeQuietly(Connection connection) {
        StatementCache cache = statements.remove(connection);
        if (cache != null) {
            cache.close();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing a reader connection failed", e);
        }
    }
}
