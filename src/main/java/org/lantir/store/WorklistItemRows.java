package org.lantir.store;

import static org.lantir.store.SqlValues.setText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lantir.worklist.ExtraAttributes;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItem.CodedEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps {@link WorklistItem} to and from the {@code worklist_item} table: the column list, the
 * INSERT and UPDATE statements, and reading a row back. The content columns are bound in the
 * order of {@link #CONTENT_COLUMNS}; status, source and bookkeeping columns follow.
 */
final class WorklistItemRows {

    private static final Logger LOG = LoggerFactory.getLogger(WorklistItemRows.class);

    /** Every column that holds worklist content, in binding order. */
    static final List<String> CONTENT_COLUMNS = List.of(
            "patient_name", "patient_id", "issuer_of_patient_id", "patient_birth_date",
            "patient_sex", "patient_weight_kg", "patient_size_m", "accession_number",
            "referring_physician_name", "requested_procedure_id",
            "requested_procedure_description", "study_instance_uid",
            "requested_procedure_code_value", "requested_procedure_code_scheme",
            "requested_procedure_code_meaning", "sps_id", "modality",
            "scheduled_station_ae_title", "scheduled_station_name", "scheduled_start_date",
            "scheduled_start_time", "sps_description", "protocol_code_value",
            "protocol_code_scheme", "protocol_code_meaning", "performing_physician_name",
            "patient_comments", "requested_procedure_comments", "sps_comments",
            "extra_attributes", "scheduled_end_date", "scheduled_end_time");

    static final String SELECT = "SELECT id, " + String.join(", ", CONTENT_COLUMNS)
            + ", status, data_source, source_key, created_at, updated_at FROM worklist_item";

    static final String ORDER = " ORDER BY scheduled_start_date, scheduled_start_time, id";

    private static final String INSERT = "INSERT INTO worklist_item ("
            + String.join(", ", CONTENT_COLUMNS)
            + ", status, data_source, source_key, created_at, updated_at) VALUES ("
            + "?, ".repeat(CONTENT_COLUMNS.size()) + "?, ?, ?, ?, ?)";

    private static final String UPDATE = "UPDATE worklist_item SET "
            + String.join(" = ?, ", CONTENT_COLUMNS)
            + " = ?, status = ?, data_source = ?, source_key = ?, updated_at = ? WHERE id = ?";

    private WorklistItemRows() {
    }

    /**
     * Inserts {@code item} (its id ignored) with both bookkeeping times {@code now}; returns
     * the new row's id.
     */
    static long insert(Connection connection, WorklistItem item, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int next = bindContent(insert, item);
            setText(insert, next++, item.status().name());
            setText(insert, next++, item.dataSource());
            setText(insert, next++, item.sourceKey());
            setText(insert, next++, SqlValues.instant(now));
            setText(insert, next, SqlValues.instant(now));
            insert.executeUpdate();
        }

        return SqlValues.lastInsertRowId(connection);
    }

    /** Replaces every column but id and created_at; false when no row has the item's id. */
    static boolean update(Connection connection, WorklistItem item, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            int next = bindContent(update, item);
            setText(update, next++, item.status().name());
            setText(update, next++, item.dataSource());
            setText(update, next++, item.sourceKey());
            setText(update, next++, SqlValues.instant(now));
            update.setLong(next, item.id());
            return update.executeUpdate() == 1;
        }
    }

    static Optional<WorklistItem> findById(Connection connection, long id)
            throws SQLException {
        List<WorklistItem> rows = query(connection, SELECT + " WHERE id = ?", List.of(id));
        return rows.stream().findFirst();
    }

    /** Runs a SELECT built on {@link #SELECT} and reads every row. */
    static List<WorklistItem> query(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        try (PreparedStatement select = prepare(connection, sql, parameters);
                ResultSet rows = select.executeQuery()) {
            List<WorklistItem> items = new ArrayList<>();
            while (rows.next()) {
                items.add(read(rows));
            }
            return items;
        }
    }

    static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, parameters);
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /** Sets the parameters of a statement, in order. */
    static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    static WorklistItem read(ResultSet row) throws SQLException {
        return WorklistItem.builder()
                .id(row.getLong("id"))
                .patientName(row.getString("patient_name"))
                .patientId(row.getString("patient_id"))
                .issuerOfPatientId(row.getString("issuer_of_patient_id"))
                .patientBirthDate(SqlValues.date(row.getString("patient_birth_date")))
                .patientSex(row.getString("patient_sex"))
                .patientWeightKg(SqlValues.decimal(row.getString("patient_weight_kg")))
                .patientSizeM(SqlValues.decimal(row.getString("patient_size_m")))
                .accessionNumber(row.getString("accession_number"))
                .referringPhysicianName(row.getString("referring_physician_name"))
                .requestedProcedureId(row.getString("requested_procedure_id"))
                .requestedProcedureDescription(row.getString("requested_procedure_description"))
                .studyInstanceUid(row.getString("study_instance_uid"))
                .requestedProcedureCode(code(row, "requested_procedure_code"))
                .spsId(row.getString("sps_id"))
                .modality(row.getString("modality"))
                .scheduledStationAeTitle(row.getString("scheduled_station_ae_title"))
                .scheduledStationName(row.getString("scheduled_station_name"))
                .scheduledStartDate(SqlValues.date(row.getString("scheduled_start_date")))
                .scheduledStartTime(SqlValues.time(row.getString("scheduled_start_time")))
                .spsDescription(row.getString("sps_description"))
                .protocolCode(code(row, "protocol_code"))
                .performingPhysicianName(row.getString("performing_physician_name"))
                .patientComments(row.getString("patient_comments"))
                .requestedProcedureComments(row.getString("requested_procedure_comments"))
                .spsComments(row.getString("sps_comments"))
                .extraAttributes(extraAttributes(row))
                .scheduledEndDate(SqlValues.date(row.getString("scheduled_end_date")))
                .scheduledEndTime(SqlValues.time(row.getString("scheduled_end_time")))
                .status(ProcedureStepStatus.valueOf(row.getString("status")))
                .dataSource(row.getString("data_source"))
                .sourceKey(row.getString("source_key"))
                .createdAt(SqlValues.instant(row.getString("created_at")))
                .updatedAt(SqlValues.instant(row.getString("updated_at")))
                .build();
    }

    private static int bindContent(PreparedStatement statement, WorklistItem item)
            throws SQLException {
        int next = 1;
        setText(statement, next++, item.patientName());
        setText(statement, next++, item.patientId());
        setText(statement, next++, item.issuerOfPatientId());
        setText(statement, next++, SqlValues.date(item.patientBirthDate()));
        setText(statement, next++, item.patientSex());
        setText(statement, next++, SqlValues.decimal(item.patientWeightKg()));
        setText(statement, next++, SqlValues.decimal(item.patientSizeM()));
        setText(statement, next++, item.accessionNumber());
        setText(statement, next++, item.referringPhysicianName());
        setText(statement, next++, item.requestedProcedureId());
        setText(statement, next++, item.requestedProcedureDescription());
        setText(statement, next++, item.studyInstanceUid());
        next = bindCode(statement, next, item.requestedProcedureCode());
        setText(statement, next++, item.spsId());
        setText(statement, next++, item.modality());
        setText(statement, next++, item.scheduledStationAeTitle());
        setText(statement, next++, item.scheduledStationName());
        setText(statement, next++, SqlValues.date(item.scheduledStartDate()));
        setText(statement, next++, SqlValues.time(item.scheduledStartTime()));
        setText(statement, next++, item.spsDescription());
        next = bindCode(statement, next, item.protocolCode());
        setText(statement, next++, item.performingPhysicianName());
        setText(statement, next++, item.patientComments());
        setText(statement, next++, item.requestedProcedureComments());
        setText(statement, next++, item.spsComments());
        ExtraAttributes extras = item.extraAttributes();
        statement.setBytes(next++, extras == null ? null : extras.bytes());
        setText(statement, next++, SqlValues.date(item.scheduledEndDate()));
        setText(statement, next++, SqlValues.time(item.scheduledEndTime()));
        return next;
    }

    private static int bindCode(PreparedStatement statement, int index, CodedEntry code)
            throws SQLException {
        setText(statement, index, code == null ? null : code.value());
        setText(statement, index + 1, code == null ? null : code.schemeDesignator());
        setText(statement, index + 2, code == null ? null : code.meaning());
        return index + 3;
    }

    /**
     * The row's extra attributes; a value that is no longer a readable data set (written by
     * hand, or damaged) is left out with a warning naming the row, so that the row itself
     * is still served.
     */
    private static ExtraAttributes extraAttributes(ResultSet row) throws SQLException {
        byte[] bytes = row.getBytes("extra_attributes");
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return ExtraAttributes.fromBytes(bytes);
        } catch (IllegalArgumentException e) {
            LOG.warn("Worklist row {}: its extra attributes are unreadable and left out: {}",
                    row.getLong("id"), e.getMessage());
            return null;
        }
    }

    /** A code whose three columns are all NULL reads back as no code at all. */
    private static CodedEntry code(ResultSet row, String prefix) throws SQLException {
        String value = row.getString(prefix + "_value");
        String scheme = row.getString(prefix + "_scheme");
        String meaning = row.getString(prefix + "_meaning");
        if (value == null && scheme == null && meaning == null) {
            return null;
        }
        return new CodedEntry(value, scheme, meaning);
    }
}
