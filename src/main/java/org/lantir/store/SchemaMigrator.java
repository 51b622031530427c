package org.lantir.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the newest schema. The version is SQLite's {@code PRAGMA user_version};
 * migration N is the resource {@code migrations/V00N__*.sql} beside this class, applied in
 * its own transaction together with the version bump, so a failed migration leaves the
 * previous version intact.
 *
 * <p>A migration file holds plain SQL: DDL, or DML that brings stored rows to a new form. Its
 * statements end with a {@code ;} at the end of a line, and lines starting with {@code --}
 * are comments.
 */
final class SchemaMigrator {

    /** In order: entry N-1 takes the schema from version N-1 to N. Append, never edit. */
    static final List<String> MIGRATIONS = List.of(
            "V001__initial_schema.sql",
            "V002__mark_imported_rows.sql",
            "V003__worklist_comments.sql",
            "V004__extra_attributes.sql",
            "V005__scheduled_end.sql");

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final Database database;

    SchemaMigrator(Database database) {
        this.database = database;
    }

    static int latestVersion() {
        return MIGRATIONS.size();
    }

    /**
     * Applies the missing migrations; returns the resulting version. The version is read
     * first, outside a write transaction, so that opening a current database (query-db beside
     * a running server or a long import) never waits for the write lock.
     */
    int migrate() {
        int current = database.read(SchemaMigrator::userVersion);
        if (current > latestVersion()) {
            throw new StoreException("Database " + database.file() + " has schema version "
                    + current + ", newer than this Lantir knows (" + latestVersion()
                    + "); use a newer Lantir");
        }

        for (int version = current + 1; version <= latestVersion(); version++) {
            apply(version, MIGRATIONS.get(version - 1));
        }
        return latestVersion();
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA user_version")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    private void apply(int version, String resource) {
        List<String> statements = SqlScript.statements(read(resource));
        boolean applied = database.inTransaction(connection -> {
            if (userVersion(connection) >= version) {
                return false; // another process migrated the file meanwhile
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
                // PRAGMA takes no bound parameters; the version is our own integer.
                statement.execute("PRAGMA user_version = " + version);
            }
            return true;
        });

        if (applied) {
            LOG.info("Applied schema migration {} to {}", resource, database.file());
        }
    }

    private static String read(String resource) {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream("migrations/" + resource)) {
            if (in == null) {
                throw new StoreException("Schema migration " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema migration " + resource, e);
        }
    }
}
