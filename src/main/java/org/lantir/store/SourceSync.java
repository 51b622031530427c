package org.lantir.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.SyncCounts;
import org.lantir.worklist.WorklistItem;

/**
 * One source's rows applied to the worklist inside the caller's write transaction: the body of
 * {@link SqliteWorklistRepository#applySync}. Rows are keyed by (source, source key). A stored
 * row that is no longer SCHEDULED belongs to MPPS and is left exactly as it is (counted as
 * unchanged), so a sync never overwrites a status that MPPS set (issue #2, section 5).
 */
final class SourceSync {

    private static final String SCHEDULED = ProcedureStepStatus.SCHEDULED.name();

    private final Connection connection;
    private final String source;
    private final Instant now;

    private int added;
    private int updated;
    private int unchanged;

    SourceSync(Connection connection, String source, Instant now) {
        this.connection = connection;
        this.source = source;
        this.now = now;
    }

    SyncCounts apply(List<WorklistItem> rows, boolean complete) throws SQLException {
        Set<String> seenKeys = new HashSet<>();
        for (WorklistItem row : rows) {
            seenKeys.add(row.sourceKey());
            applyRow(row.toBuilder().dataSource(source).build());
        }

        int removed = complete ? removeScheduledExcept(seenKeys) : 0;
        return new SyncCounts(added, updated, unchanged, removed);
    }

    private void applyRow(WorklistItem row) throws SQLException {
        Optional<WorklistItem> stored = findByKey(row.sourceKey());
        if (stored.isEmpty()) {
            WorklistItemRows.insert(connection, asScheduled(row), now);
            added++;
            return;
        }

        WorklistItem existing = stored.get();
        boolean ownedByMpps = existing.status() != ProcedureStepStatus.SCHEDULED;
        if (ownedByMpps || row.toBuilder().sameContent(existing.toBuilder())) {
            unchanged++;
            return;
        }

        WorklistItemRows.update(connection, asScheduled(row).toBuilder().id(existing.id())
                .build(), now);
        updated++;
    }

    private Optional<WorklistItem> findByKey(String sourceKey) throws SQLException {
        List<WorklistItem> found = WorklistItemRows.query(connection,
                WorklistItemRows.SELECT + " WHERE data_source = ? AND source_key = ?",
                List.of(source, sourceKey));
        return found.stream().findFirst();
    }

    private int removeScheduledExcept(Set<String> keepKeys) throws SQLException {
        List<Long> missing = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, source_key "
                + "FROM worklist_item WHERE data_source = ? AND status = ?")) {
            select.setString(1, source);
            select.setString(2, SCHEDULED);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (!keepKeys.contains(rows.getString("source_key"))) {
                        missing.add(rows.getLong("id"));
                    }
                }
            }
        }

        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM worklist_item WHERE id = ?")) {
            for (long id : missing) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
        }
        return missing.size();
    }

    private static WorklistItem asScheduled(WorklistItem row) {
        return row.toBuilder().status(ProcedureStepStatus.SCHEDULED).build();
    }
}
