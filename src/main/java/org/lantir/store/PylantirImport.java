package org.lantir.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.lantir.worklist.WorklistItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over a worklist database written by the Python tool (pylantir): a SQLite file with its
 * table {@code worklist_items}. {@link Database#open} first writes a backup copy beside the
 * file ({@code <name>.pylantir-backup-<yyyyMMdd-HHmmss>}), then creates Lantir's schema, then
 * converts every row in one transaction ({@link PylantirRowConverter}) and drops the old table
 * in the same transaction. If the import fails, nothing of it is kept and the old table is
 * still there for the next attempt.
 */
final class PylantirImport {

    static final String LEGACY_TABLE = "worklist_items";

    private static final Logger LOG = LoggerFactory.getLogger(PylantirImport.class);

    private static final DateTimeFormatter BACKUP_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path file;
    private final Clock clock;

    PylantirImport(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    Boolean isPylantirDatabase(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            select.setString(1, LEGACY_TABLE);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Writes the backup with {@code VACUUM INTO}: a consistent copy even when the tool left a
     * write-ahead log beside the file.
     */
    Path writeBackup(Connection connection) throws SQLException {
        Path backup = freeBackupPath();
        try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, backup.toString());
            vacuum.executeUpdate();
        }
        // A copy of the patient data, as private as the database itself.
        OwnerOnlyFiles.narrow(backup, "worklist backup", false);

        LOG.info("Found a Python-tool worklist in {}; wrote a backup copy to {}", file, backup);
        return backup;
    }

    /** Converts every row of the old table into Lantir's, then drops it; the row count. */
    Integer importRows(Connection connection) throws SQLException {
        Instant now = clock.instant();
        int count = 0;
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery(
                        "SELECT * FROM " + LEGACY_TABLE + " ORDER BY id")) {
            while (rows.next()) {
                WorklistItem item = PylantirRowConverter.convert(columns(rows));
                WorklistItemRows.insert(connection, item, now);
                count++;
            }
        }

        try (Statement drop = connection.createStatement()) {
            drop.execute("DROP TABLE " + LEGACY_TABLE);
        }
        LOG.info("Imported {} worklist rows written by the Python tool into {}", count, file);
        return count;
    }

    private static Map<String, String> columns(ResultSet row) throws SQLException {
        ResultSetMetaData meta = row.getMetaData();
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.put(meta.getColumnName(i).toLowerCase(Locale.ROOT),
                    row.getString(i));
        }
        return columns;
    }

    private Path freeBackupPath() {
        String stamp = BACKUP_STAMP.format(clock.instant().atZone(ZoneId.systemDefault()));
        String base = file.getFileName() + ".pylantir-backup-" + stamp;
        Path backup = file.resolveSibling(base);
        for (int n = 2; Files.exists(backup); n++) {
            backup = file.resolveSibling(base + "-" + n);
        }
        return backup;
    }
}
