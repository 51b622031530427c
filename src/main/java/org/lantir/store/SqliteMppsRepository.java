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
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.lantir.worklist.EventRecord;
import org.lantir.worklist.MppsInstance;
import org.lantir.worklist.MppsRepository;
import org.lantir.worklist.ProcedureStepStatus;

/**
 * MPPS instances in SQLite ({@code mpps_instance}), kept across restarts (PS3.4 F.7). Each
 * create or update is one transaction with the matched worklist row's status change and the
 * event-log line, so a failure of any of the three leaves all of them as they were. Missing
 * {@code createdAt} / {@code updatedAt} times are taken from the {@link Database#clock()}.
 */
public final class SqliteMppsRepository implements MppsRepository {

    private static final String SELECT = "SELECT sop_instance_uid, status, attributes, "
            + "calling_ae, created_at, updated_at, worklist_item_id, matched_by "
            + "FROM mpps_instance";

    private final Database database;
    private final SqliteEventLog eventLog;

    public SqliteMppsRepository(Database database) {
        this.database = database;
        this.eventLog = new SqliteEventLog(database);
    }

    @Override
    public Optional<MppsInstance> find(String sopInstanceUid) {
        return database.read(c -> queryAll(c, SELECT + " WHERE sop_instance_uid = ?",
                sopInstanceUid).stream().findFirst());
    }

    /**
     * {@inheritDoc}
     *
     * @throws DuplicateMppsException when the UID is known; nothing is written
     * @throws StoreException when the matched worklist row no longer exists, or the write
     *         fails; nothing is written
     */
    @Override
    public void create(MppsInstance instance, ProcedureStepStatus itemStatus,
            EventRecord event) {
        Objects.requireNonNull(instance.sopInstanceUid(), "SOP Instance UID");
        Objects.requireNonNull(event, "event");
        MppsInstance stamped = stamped(instance);

        database.inTransaction(c -> {
            if (storedLink(c, instance.sopInstanceUid()).isPresent()) {
                throw new DuplicateMppsException(instance.sopInstanceUid());
            }
            insert(c, stamped);
            setItemStatus(c, stamped.worklistItemId(), itemStatus);
            SqliteEventLog.append(c, eventLog.stamped(event));
            return null;
        });
    }

    /**
     * {@inheritDoc} The worklist row is the one stored with the instance at its creation
     * (none if it was removed since); the instance's own link is not read again.
     *
     * @throws NoSuchElementException when the UID is unknown; nothing is written
     */
    @Override
    public void update(MppsInstance instance, ProcedureStepStatus itemStatus,
            EventRecord event) {
        Objects.requireNonNull(event, "event");
        Instant updatedAt = Objects.requireNonNullElseGet(instance.updatedAt(), this::now);

        database.inTransaction(c -> {
            StoredLink link = storedLink(c, instance.sopInstanceUid())
                    .orElseThrow(() -> new NoSuchElementException("No MPPS instance "
                            + instance.sopInstanceUid()));
            updateRow(c, instance, updatedAt);
            setItemStatus(c, link.worklistItemId(), itemStatus);
            SqliteEventLog.append(c, eventLog.stamped(event));
            return null;
        });
    }

    /** Newest first, by creation time. */
    @Override
    public List<MppsInstance> recent(int limit) {
        return database.read(c -> queryAll(c, SELECT
                + " ORDER BY created_at DESC, rowid DESC LIMIT ?", limit));
    }

    /** Oldest first, by creation time. */
    @Override
    public List<MppsInstance> findByWorklistItem(long worklistItemId) {
        return database.read(c -> queryAll(c, SELECT
                + " WHERE worklist_item_id = ? ORDER BY created_at, rowid", worklistItemId));
    }

    private MppsInstance stamped(MppsInstance instance) {
        Instant createdAt = Objects.requireNonNullElseGet(instance.createdAt(), this::now);
        Instant updatedAt = Objects.requireNonNullElse(instance.updatedAt(), createdAt);
        return new MppsInstance(instance.sopInstanceUid(), instance.status(),
                instance.attributes(), instance.callingAeTitle(), createdAt, updatedAt,
                instance.worklistItemId(), instance.matchedBy());
    }

    /** The worklist row a stored instance is matched to; null when it is unmatched. */
    private record StoredLink(Long worklistItemId) {
    }

    /** Empty when no instance has this UID. */
    private static Optional<StoredLink> storedLink(Connection connection, String uid)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT worklist_item_id FROM mpps_instance WHERE sop_instance_uid = ?")) {
            select.setString(1, uid);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredLink(SqlValues.getLong(row, "worklist_item_id")));
            }
        }
    }

    private static void insert(Connection connection, MppsInstance instance)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mpps_instance "
                + "(sop_instance_uid, status, attributes, calling_ae, created_at, updated_at, "
                + "worklist_item_id, matched_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, instance.sopInstanceUid());
            setText(insert, 2, instance.status());
            insert.setBytes(3, instance.attributes());
            setText(insert, 4, instance.callingAeTitle());
            setText(insert, 5, SqlValues.instant(instance.createdAt()));
            setText(insert, 6, SqlValues.instant(instance.updatedAt()));
            setLong(insert, 7, instance.worklistItemId());
            setText(insert, 8, instance.matchedBy());
            insert.executeUpdate();
        }
    }

    private static void updateRow(Connection connection, MppsInstance instance,
            Instant updatedAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE mpps_instance "
                + "SET status = ?, attributes = ?, updated_at = ? WHERE sop_instance_uid = ?")) {
            setText(update, 1, instance.status());
            update.setBytes(2, instance.attributes());
            setText(update, 3, SqlValues.instant(updatedAt));
            update.setString(4, instance.sopInstanceUid());
            update.executeUpdate();
        }
    }

    private void setItemStatus(Connection connection, Long itemId, ProcedureStepStatus status)
            throws SQLException {
        if (itemId == null || status == null) {
            return;
        }

        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE worklist_item SET status = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, status.name());
            update.setString(2, SqlValues.instant(now()));
            update.setLong(3, itemId);
            if (update.executeUpdate() != 1) {
                throw new StoreException("Worklist row " + itemId
                        + " matched by the MPPS instance no longer exists");
            }
        }
    }

    private static List<MppsInstance> queryAll(Connection connection, String sql,
            Object parameter) throws SQLException {
        List<MppsInstance> instances = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    instances.add(read(row));
                }
            }
        }
        return instances;
    }

    private static MppsInstance read(ResultSet row) throws SQLException {
        return new MppsInstance(row.getString("sop_instance_uid"), row.getString("status"),
                row.getBytes("attributes"), row.getString("calling_ae"),
                SqlValues.instant(row.getString("created_at")),
                SqlValues.instant(row.getString("updated_at")),
                SqlValues.getLong(row, "worklist_item_id"), row.getString("matched_by"));
    }

    private Instant now() {
        return database.clock().instant();
    }
}
