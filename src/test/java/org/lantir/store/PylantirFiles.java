package org.lantir.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Worklist files as the Python tool writes them, made with its table layouts. */
final class PylantirFiles {

    /** The tool's newest layout of {@code worklist_items}. */
    static final String NEW_LAYOUT = "CREATE TABLE worklist_items ("
            + "id INTEGER PRIMARY KEY, study_instance_uid VARCHAR(100), "
            + "patient_name VARCHAR(100), patient_id VARCHAR(50), "
            + "patient_birth_date VARCHAR(8), patient_sex VARCHAR(1), "
            + "patient_weight_lb VARCHAR(10), accession_number VARCHAR(50), "
            + "referring_physician_name VARCHAR(100), modality VARCHAR(10), "
            + "study_description VARCHAR(100), scheduled_station_aetitle VARCHAR(100), "
            + "scheduled_start_date VARCHAR(8), scheduled_start_time VARCHAR(6), "
            + "performing_physician VARCHAR(100), procedure_description VARCHAR(200), "
            + "protocol_name VARCHAR(100), station_name VARCHAR(100), "
            + "hisris_coding_designator VARCHAR(100), performed_procedure_step_status VARCHAR, "
            + "data_source VARCHAR(255))";

    /** The tool's first layout: weight without unit, {@code status}, no source column. */
    static final String OLD_LAYOUT = "CREATE TABLE worklist_items ("
            + "id INTEGER PRIMARY KEY, study_instance_uid VARCHAR(100), "
            + "patient_name VARCHAR(100), patient_id VARCHAR(50), "
            + "patient_birth_date VARCHAR(8), patient_sex VARCHAR(1), "
            + "patient_weight VARCHAR(10), accession_number VARCHAR(50), "
            + "referring_physician_name VARCHAR(100), modality VARCHAR(10), "
            + "study_description VARCHAR(100), scheduled_station_aetitle VARCHAR(100), "
            + "scheduled_start_date VARCHAR(8), scheduled_start_time VARCHAR(6), "
            + "performing_physician VARCHAR(100), procedure_description VARCHAR(200), "
            + "protocol_name VARCHAR(100), station_name VARCHAR(100), status VARCHAR)";

    /** Followed by value tuples in the order of the columns of {@link #NEW_LAYOUT}. */
    static final String NEW_INSERT = "INSERT INTO worklist_items (id, "
            + "study_instance_uid, patient_name, patient_id, patient_birth_date, patient_sex, "
            + "patient_weight_lb, accession_number, referring_physician_name, modality, "
            + "study_description, scheduled_station_aetitle, scheduled_start_date, "
            + "scheduled_start_time, performing_physician, procedure_description, "
            + "protocol_name, station_name, hisris_coding_designator, "
            + "performed_procedure_step_status, data_source) VALUES ";

    private PylantirFiles() {
    }

    /** Runs the statements on the SQLite file, creating it when missing. */
    static void execute(Path file, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
