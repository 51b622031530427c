package org.lantir.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

/**
 * One SQLite database file: Lantir's worklist store.
 *
 * <p>Opening it creates the file (and its parent folders) when missing, imports a worklist
 * written by the Python tool (after writing a backup copy beside it, see
 * {@code PylantirImport}), and runs the schema migrations ({@code SchemaMigrator}).
 *
 * <p>Concurrency: the database runs in WAL mode with exactly one writer. Every write goes
 * through {@link #inTransaction} on the single write connection, one thread at a time; reads
 * go through {@link #read} on read-only connections of their own, so a long sync transaction
 * never holds up a C-FIND. A read made by the thread that holds the write transaction uses
 * the write connection, so it sees its own uncommitted changes.
 *
 * <p>Another process on the same file ({@code lantir import}, {@code query-db}) has its own
 * Database: writes of the two meet at SQLite's lock, where a writer waits up to
 * {@link #BUSY_TIMEOUT} and then fails with a {@link DatabaseBusyException}. So that nobody
 * waits long, no transaction Lantir writes is long: an import commits in batches. Opening a
 * database whose schema is current only reads.
 */
public final class Database implements AutoCloseable {

    /**
     * How long a write waits for the lock another process holds before failing (SQLite's
     * busy timeout). Long enough for any one transaction Lantir writes: a sync run, an MPPS
     * step, or one batch of {@code lantir import} ({@code app.WorklistImport}).
     */
    public static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Path file;
    private final Clock clock;
    private final Duration busyTimeout;
    private final Connection writer;
    private final StatementCache writerStatements;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReaderPool readers;
    /** What to run when the transaction under way commits; guarded by {@code writeLock}. */
    private final List<Runnable> afterCommit = new ArrayList<>();
    private volatile boolean closed;

    private Database(Path file, Clock clock, Duration busyTimeout, Connection writer) {
        this.file = file;
        this.clock = clock;
        this.busyTimeout = busyTimeout;
        this.writer = writer;
        this.writerStatements = new StatementCache(writer);
        this.readers = new ReaderPool(() -> connect(file, readerConfig(busyTimeout)));
    }

    /** Opens (creating or migrating as needed) the database at {@code file}. */
    public static Database open(Path file) {
        return open(file, Clock.systemUTC());
    }

    /**
     * Opens the database; {@code clock} gives the times the store writes (row bookkeeping,
     * backup names), so tests can fix them.
     */
    public static Database open(Path file, Clock clock) {
        return open(file, clock, BUSY_TIMEOUT);
    }

    /**
     * Opens the database; a write waits up to {@code busyTimeout} for another process's
     * write to end (tests use short ones).
     */
    public static Database open(Path file, Clock clock, Duration busyTimeout) {
        Path absolute = file.toAbsolutePath();
        createParentDirectories(absolute);
        // Patient data: owner-only, also a file made before this rule (with a warning).
        OwnerOnlyFiles.prepareDatabase(absolute, "worklist database");

        Database database;
        try {
            database = new Database(absolute, clock, busyTimeout,
                    connect(absolute, writerConfig(busyTimeout)));
        } catch (SQLException e) {
            throw new StoreException("Cannot open database " + absolute + ": " + e.getMessage(),
                    e);
        }

        try {
            database.prepare();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    public Path file() {
        return file;
    }

    /** The clock the store uses for the times it writes. */
    public Clock clock() {
        return clock;
    }

    /** The schema version (SQLite's {@code user_version}) of the open database. */
    public int schemaVersion() {
        return read(SchemaMigrator::userVersion);
    }

    /**
     * Runs {@code work} in one write transaction on the write connection: committed when it
     * returns, rolled back when it throws. Writers queue one after another. Called from
     * inside another transaction on the same thread, it joins that transaction.
     *
     * @throws StoreException wrapping an {@link SQLException}, after the rollback
     */
    public <T> T inTransaction(SqlWork<T> work) {
        checkOpen();
        if (writeLock.isHeldByCurrentThread()) {
            return runOn(writer, work);
        }

        T result;
        List<Runnable> committed;
        writeLock.lock();
        try {
            checkOpen();
            result = runTransaction(work);
            committed = List.copyOf(afterCommit);
        } finally {
            afterCommit.clear();
            writeLock.unlock();
        }
        committed.forEach(this::runCommitted);
        return result;
    }

    /**
     * Runs {@code action} once the write transaction this thread is in has committed, after
     * the write lock is released; not at all when it rolls back. Outside a transaction it runs
     * at once. For telling others about a change only when their reads can see it: work that
     * joins an outer transaction ({@link #inTransaction}) has not committed when it returns.
     */
    public void afterCommit(Runnable action) {
        if (writeLock.isHeldByCurrentThread()) {
            afterCommit.add(action);
        } else {
            action.run();
        }
    }

    private void runCommitted(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.error("An action after a commit on {} failed", file, e);
        }
    }

    /**
     * Runs {@code work} on a read-only connection of its own (or on the write connection when
     * this thread is inside {@link #inTransaction}). The connection is only valid inside
     * {@code work}.
     */
    public <T> T read(SqlWork<T> work) {
        checkOpen();
        if (writeLock.isHeldByCurrentThread()) {
            return runOn(writer, work);
        }

        Connection connection = borrowReader();
        try {
            return runOn(connection, work);
        } finally {
            readers.release(connection);
        }
    }

    /**
     * The statement cache of a connection this database handed to {@link #read} or
     * {@link #inTransaction} work; valid while that work runs.
     */
    StatementCache statements(Connection connection) {
        return connection == writer ? writerStatements : readers.statements(connection);
    }

    /** Closes every connection, after the write transaction under way (if any) ends. */
    @Override
    public void close() {
        closed = true;
        readers.close();

        writeLock.lock();
        try {
            writerStatements.close();
            writer.close();
        } catch (SQLException e) {
            LOG.warn("Closing database {} failed", file, e);
        } finally {
            writeLock.unlock();
        }
    }

    private void prepare() {
        PylantirImport pylantir = new PylantirImport(file, clock);
        boolean fromPylantir = runOn(writer, pylantir::isPylantirDatabase);
        if (fromPylantir) {
            runOn(writer, pylantir::writeBackup);
        }

        runOn(writer, Database::enableWal);
        int version = new SchemaMigrator(this).migrate();
        if (fromPylantir) {
            inTransaction(pylantir::importRows);
        }

        LOG.info("Opened worklist database {} (schema version {})", file, version);
    }

    private <T> T runTransaction(SqlWork<T> work) {
        begin();
        try {
            T result = work.run(writer);
            writer.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            if (isBusy(e)) {
                throw busy(e);
            }
            throw new StoreException("Writing to " + file + " failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            rollback();
            throw e;
        } finally {
            restoreAutoCommit();
        }
    }

    /**
     * BEGIN IMMEDIATE: takes the write lock, waiting up to the busy timeout for another
     * process's transaction. When it fails no transaction was opened, so there is nothing to
     * roll back; the connection is put back in auto-commit for the next writer.
     */
    private void begin() {
        try {
            writer.setAutoCommit(false);
        } catch (SQLException e) {
            forgetFailedBegin();
            if (isBusy(e)) {
                throw busy(e);
            }
            throw new StoreException("Cannot start writing to " + file + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * The driver may already count itself inside a transaction after a BEGIN that failed;
     * leaving auto-commit then finds no transaction to commit, which is expected here.
     */
    private void forgetFailedBegin() {
        try {
            writer.setAutoCommit(true);
        } catch (SQLException expected) {
            LOG.debug("After a failed BEGIN on {}: {}", file, expected.getMessage());
        }
    }

    private DatabaseBusyException busy(SQLException e) {
        return new DatabaseBusyException("Writing to " + file + " failed: "
                + DatabaseBusyException.REASON + "; waited " + busyTimeout.toSeconds()
                + " s for it", e);
    }

    /** SQLite's "database is locked" (SQLITE_BUSY) or "table is locked" (SQLITE_LOCKED). */
    static boolean isBusy(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            String code = sqlite.getResultCode().name();
            return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED");
        }
        return false;
    }

    private <T> T runOn(Connection connection, SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Database " + file + ": " + e.getMessage(), e);
        }
    }

    private Connection borrowReader() {
        try {
            return readers.borrow();
        } catch (SQLException e) {
            throw new StoreException("Cannot open a reader on " + file + ": " + e.getMessage(),
                    e);
        }
    }

    private void rollback() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            LOG.error("Rollback on {} failed", file, e);
        }
    }

    private void restoreAutoCommit() {
        try {
            writer.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.error("Cannot end the transaction on {}", file, e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("Database " + file + " is closed");
        }
    }

    private static Void enableWal(Connection connection) throws SQLException {
        // E.g. some network file systems: SQLite then keeps its rollback journal and readers
        // wait for writers.
        enableWal(connection, "SQLite refused WAL mode (journal mode is {}); reads may wait "
                + "for syncs");
        return null;
    }

    /**
     * Switches {@code connection}'s database to WAL mode; if SQLite refuses, logs
     * {@code refusedWarning} (an SLF4J pattern whose one {@code {}} is the journal mode).
     */
    public static void enableWal(Connection connection, String refusedWarning)
            throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA journal_mode = WAL")) {
            String mode = row.next() ? row.getString(1) : "unknown";
            if (!"wal".equalsIgnoreCase(mode)) {
                LOG.warn(refusedWarning, mode);
            }
        }
    }

    private static SQLiteConfig writerConfig(Duration busyTimeout) {
        SQLiteConfig config = commonConfig(busyTimeout);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // IMMEDIATE takes the write lock at BEGIN, so a transaction never fails half-way
        // because another process began writing first.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config;
    }

    private static SQLiteConfig readerConfig(Duration busyTimeout) {
        SQLiteConfig config = commonConfig(busyTimeout);
        config.setReadOnly(true);
        return config;
    }

    private static SQLiteConfig commonConfig(Duration busyTimeout) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) busyTimeout.toMillis());
        config.enforceForeignKeys(true);
        return config;
    }

    private static Connection connect(Path file, SQLiteConfig config) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }

    private static void createParentDirectories(Path file) {
        Path parent = file.getParent();
        if (parent == null) {
            return;
        }

        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("Cannot create folder " + parent + " for the database: "
                    + e.getMessage(), e);
        }
    }
}
