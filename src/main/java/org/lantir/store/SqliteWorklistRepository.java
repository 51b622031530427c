package org.lantir.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.SyncCounts;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistRepository;

/**
 * The worklist rows in SQLite ({@code worklist_item}). Every {@link WorklistFilter} field is
 * narrowed in SQL on an indexed column (see {@link WorklistFilterSql}); {@link #scan} streams
 * from the result set, so a large C-FIND answer is never held whole. The store sets
 * {@code createdAt} and {@code updatedAt} from the {@link Database#clock()}.
 */
public final class SqliteWorklistRepository implements WorklistRepository {

    /** Answered by the unique index worklist_item_source_key on (data_source, source_key). */
    static final String SELECT_BY_SOURCE = WorklistItemRows.SELECT
            + " WHERE data_source = ? AND source_key IS NOT NULL";

    /** Who and when, for {@link #scanParticipants}; narrowed on the scheduled-date index. */
    private static final String SELECT_PARTICIPANTS = "SELECT id, data_source, source_key, "
            + "patient_id, patient_name, patient_birth_date, scheduled_start_date "
            + "FROM worklist_item WHERE scheduled_start_date >= ? AND scheduled_start_date <= ? "
            + "AND data_source IS NOT NULL AND data_source <> ?";

    private final Database database;

    public SqliteWorklistRepository(Database database) {
        this.database = database;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the item already has an id
     */
    @Override
    public WorklistItem insert(WorklistItem item) {
        if (item.id() != null) {
            throw new IllegalArgumentException("Cannot insert " + item + ": it is stored already");
        }
        return database.inTransaction(c -> {
            long id = WorklistItemRows.insert(c, item, now());
            // Read back, so the caller sees exactly what is stored (times cut to microseconds).
            return WorklistItemRows.findById(c, id).orElseThrow();
        });
    }

    /**
     * {@inheritDoc} Keeps the stored {@code createdAt}.
     *
     * @throws NoSuchElementException when no row has the item's id
     */
    @Override
    public WorklistItem update(WorklistItem item) {
        long id = Objects.requireNonNull(item.id(), "update needs the id of a stored row");
        return database.inTransaction(c -> {
            if (!WorklistItemRows.update(c, item, now())) {
                throw new NoSuchElementException("No worklist row with id " + id);
            }
            return WorklistItemRows.findById(c, id).orElseThrow();
        });
    }

    @Override
    public boolean delete(long id) {
        return database.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM worklist_item WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<WorklistItem> findById(long id) {
        return database.read(c -> WorklistItemRows.findById(c, id));
    }

    @Override
    public List<WorklistItem> find(WorklistFilter filter) {
        WorklistFilterSql sql = WorklistFilterSql.of(filter);
        List<WorklistItem> rows = new ArrayList<>();
        database.read(c -> {
            stream(c, sql, rows::add);
            return null;
        });
        return rows;
    }

    /** {@inheritDoc} The C-FIND path: its statement is compiled once per connection. */
    @Override
    public void scan(WorklistFilter filter, Predicate<WorklistItem> visitor) {
        WorklistFilterSql sql = WorklistFilterSql.of(filter);
        database.read(c -> {
            stream(c, sql, visitor);
            return null;
        });
    }

    /** {@inheritDoc} Reads seven columns from the scheduled-date index's range. */
    @Override
    public void scanParticipants(LocalDate dateFrom, LocalDate dateTo, String exceptSource,
            Predicate<WorklistItem> visitor) {
        database.read(c -> {
            StatementCache statements = database.statements(c);
            PreparedStatement select = statements.take(SELECT_PARTICIPANTS);
            try {
                select.setString(1, SqlValues.date(dateFrom));
                select.setString(2, SqlValues.date(dateTo));
                select.setString(3, exceptSource);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next() && visitor.test(participant(rows))) {
                        // each row told
                    }
                }
            } finally {
                statements.release(SELECT_PARTICIPANTS, select);
            }
            return null;
        });
    }

    private static WorklistItem participant(ResultSet row) throws SQLException {
        return WorklistItem.builder().id(row.getLong("id"))
                .dataSource(row.getString("data_source"))
                .sourceKey(row.getString("source_key"))
                .patientId(row.getString("patient_id"))
                .patientName(row.getString("patient_name"))
                .patientBirthDate(SqlValues.date(row.getString("patient_birth_date")))
                .scheduledStartDate(SqlValues.date(row.getString("scheduled_start_date")))
                .build();
    }

    @Override
    public List<WorklistItem> findByStudyInstanceUid(String studyInstanceUid) {
        return findWhere("study_instance_uid = ?", List.of(studyInstanceUid));
    }

    /** With a null {@code requestedProcedureId}, any Requested Procedure ID fits. */
    @Override
    public List<WorklistItem> findBySpsId(String spsId, String requestedProcedureId) {
        if (requestedProcedureId == null) {
            return findWhere("sps_id = ?", List.of(spsId));
        }
        return findWhere("sps_id = ? AND requested_procedure_id = ?",
                List.of(spsId, requestedProcedureId));
    }

    @Override
    public List<WorklistItem> findByAccessionNumber(String accessionNumber) {
        return findWhere("accession_number = ?", List.of(accessionNumber));
    }

    /** {@inheritDoc} Read from the index on (data_source, source_key), not a scan. */
    @Override
    public Map<String, WorklistItem> findBySource(String source) {
        Objects.requireNonNull(source, "source");
        List<WorklistItem> rows = database.read(c -> WorklistItemRows.query(c,
                SELECT_BY_SOURCE, List.of(source)));
        Map<String, WorklistItem> bySourceKey = new HashMap<>();
        for (WorklistItem row : rows) {
            bySourceKey.put(row.sourceKey(), row);
        }
        return bySourceKey;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Rows left alone because MPPS owns them count as unchanged. Each row's data source is
     * set to {@code source}; its incoming id and status are ignored.
     *
     * @throws IllegalArgumentException when a row has no source key (nothing is written)
     */
    @Override
    public SyncCounts applySync(String source, List<WorklistItem> rows, boolean complete) {
        Objects.requireNonNull(source, "source");
        for (WorklistItem row : rows) {
            if (row.sourceKey() == null) {
                throw new IllegalArgumentException("A row from source " + source
                        + " has no source key");
            }
        }
        return database.inTransaction(c -> new SourceSync(c, source, now()).apply(rows,
                complete));
    }

    @Override
    public int removeScheduled(String source, List<String> sourceKeys) {
        return database.inTransaction(c -> {
            int removed = 0;
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM worklist_item "
                    + "WHERE data_source = ? AND source_key = ? AND status = ?")) {
                for (String key : sourceKeys) {
                    delete.setString(1, source);
                    delete.setString(2, key);
                    delete.setString(3, ProcedureStepStatus.SCHEDULED.name());
                    removed += delete.executeUpdate();
                }
            }
            return removed;
        });
    }

    /**
     * {@inheritDoc} One SQLite write transaction ({@link Database#inTransaction}): the calls
     * {@code work} makes join it, and its reads see its own writes.
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return database.inTransaction(c -> work.get());
    }

    /** {@inheritDoc} See {@link Database#afterCommit}. */
    @Override
    public void afterCommit(Runnable action) {
        database.afterCommit(action);
    }

    private List<WorklistItem> findWhere(String condition, List<Object> parameters) {
        String sql = WorklistItemRows.SELECT + " WHERE " + condition + WorklistItemRows.ORDER;
        return database.read(c -> WorklistItemRows.query(c, sql, parameters));
    }

    private void stream(Connection connection, WorklistFilterSql sql,
            Predicate<WorklistItem> visitor) throws SQLException {
        StatementCache statements = database.statements(connection);
        String select = sql.select();
        PreparedStatement statement = statements.take(select);
        try {
            WorklistItemRows.bind(statement, sql.parameters());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (!visitor.test(WorklistItemRows.read(rows))) {
                        return;
                    }
                }
            }
        } finally {
            statements.release(select, statement);
        }
    }

    private Instant now() {
        return database.clock().instant();
    }
}
