package org.lantir.users;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.lantir.store.Database;
import org.lantir.store.OwnerOnlyFiles;
import org.lantir.store.SqlScript;
import org.lantir.store.SqlWork;
import org.lantir.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The users database file, with the conventions of the worklist store
 * ({@link org.lantir.store.Database}): WAL mode, one writer whose transactions take the write
 * lock at BEGIN, and the schema version in SQLite's {@code user_version}, raised by the
 * migrations {@code migrations/V00N__*.sql} beside this class.
 *
 * <p>The traffic is small (a login, a token check), so one connection serves reads and writes,
 * one thread at a time. Other processes (a {@code lantir create-user} beside a running server)
 * share the file through SQLite's own locking.
 */
final class UsersDatabase implements AutoCloseable {

    /** In order: entry N-1 takes the schema from version N-1 to N. Append, never edit. */
    static final List<String> MIGRATIONS = List.of(
            "V001__users_table.sql",
            "V002__token_version.sql");

    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(UsersDatabase.class);

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed;

    private UsersDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    static UsersDatabase open(Path file) {
        Path absolute = file.toAbsolutePath();
        createParentDirectories(absolute);
        // Password hashes: owner-only, also a file made before this rule (with a warning).
        OwnerOnlyFiles.prepareDatabase(absolute, "users database");

        UsersDatabase database;
        try {
            database = new UsersDatabase(absolute, connect(absolute));
        } catch (SQLException e) {
            throw new StoreException("Cannot open users database " + absolute + ": "
                    + e.getMessage(), e);
        }

        try {
            database.prepare();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    Path file() {
        return file;
    }

    int schemaVersion() {
        return read(UsersDatabase::userVersion);
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back if not. */
    <T> T inTransaction(SqlWork<T> work) {
        lock.lock();
        try {
            checkOpen();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Writing to users database " + file + " failed: "
                    + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} outside a transaction (one statement reads a consistent snapshot). */
    <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            checkOpen();
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Reading users database " + file + " failed: "
                    + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing users database {} failed", file, e);
        } finally {
            lock.unlock();
        }
    }

    private void prepare() {
        // Before anything is written: users_db_path naming the worklist database (or any
        // other) must not have its schema version taken over by these migrations.
        String foreign = read(UsersDatabase::foreignTable);
        if (foreign != null) {
            throw new StoreException("The users database " + file + " is not one: it holds "
                    + "table '" + foreign + "'; give users_db_path a file of its own");
        }
        read(c -> {
            Database.enableWal(c, "SQLite refused WAL mode for the users database (journal "
                    + "mode is {})");
            return null;
        });
        int current = read(UsersDatabase::userVersion);
        if (current > MIGRATIONS.size()) {
            throw new StoreException("Users database " + file + " has schema version " + current
                    + ", newer than this Lantir knows (" + MIGRATIONS.size()
                    + "); use a newer Lantir");
        }
        for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
            migrate(version, MIGRATIONS.get(version - 1));
        }
        LOG.info("Opened users database {} (schema version {})", file, MIGRATIONS.size());
    }

    private void migrate(int version, String resource) {
        List<String> statements = SqlScript.statements(readResource(resource));
        inTransaction(c -> {
            try (Statement statement = c.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
                // PRAGMA takes no bound parameters; the version is our own integer.
                statement.execute("PRAGMA user_version = " + version);
            }
            return null;
        });
        LOG.info("Applied users schema migration {} to {}", resource, file);
    }

    private static String readResource(String resource) {
        try (InputStream in = UsersDatabase.class.getResourceAsStream("migrations/" + resource)) {
            if (in == null) {
                throw new StoreException("Users schema migration " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read users schema migration " + resource, e);
        }
    }

    /** A table that belongs to no users database, or null. */
    private static String foreignTable(Connection c) throws SQLException {
        try (Statement statement = c.createStatement();
                ResultSet row = statement.executeQuery("SELECT name FROM sqlite_master WHERE "
                        + "type = 'table' AND name NOT IN ('users', 'lantir_user_ids') "
                        + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static int userVersion(Connection c) throws SQLException {
        try (Statement statement = c.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA user_version")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.error("Rollback on users database {} failed", file, e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("Users database " + file + " is closed");
        }
    }

    private static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // IMMEDIATE takes the write lock at BEGIN: a read-check-write (the last admin, the
        // first admin) cannot race another process.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
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
            throw new StoreException("Cannot create folder " + parent + " for the users "
                    + "database: " + e.getMessage(), e);
        }
    }
}
