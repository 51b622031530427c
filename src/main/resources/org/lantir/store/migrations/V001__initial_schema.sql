-- Lantir worklist store, schema version 1.
-- Dates are ISO 'YYYY-MM-DD', times 'HH:MM:SS[.ffffff]', instants ISO-8601 UTC with a fixed
-- nine-digit fraction: all sort and compare as text the way the real values do.
-- Statements are separated by a ';' at the end of a line (see SchemaMigrator).

-- AUTOINCREMENT: ids of removed rows are never reused, so the event log and MPPS history
-- can never point at a different participant than the one they were written for.
CREATE TABLE worklist_item (
    id                               INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_name                     TEXT,
    patient_id                       TEXT,
    issuer_of_patient_id             TEXT,
    patient_birth_date               TEXT,
    patient_sex                      TEXT,
    patient_weight_kg                TEXT,
    patient_size_m                   TEXT,
    accession_number                 TEXT,
    referring_physician_name         TEXT,
    requested_procedure_id           TEXT,
    requested_procedure_description  TEXT,
    study_instance_uid               TEXT,
    requested_procedure_code_value   TEXT,
    requested_procedure_code_scheme  TEXT,
    requested_procedure_code_meaning TEXT,
    sps_id                           TEXT,
    modality                         TEXT,
    scheduled_station_ae_title       TEXT,
    scheduled_station_name           TEXT,
    scheduled_start_date             TEXT,
    scheduled_start_time             TEXT,
    sps_description                  TEXT,
    protocol_code_value              TEXT,
    protocol_code_scheme             TEXT,
    protocol_code_meaning            TEXT,
    performing_physician_name        TEXT,
    status                           TEXT NOT NULL DEFAULT 'SCHEDULED'
        CHECK (status IN ('SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'DISCONTINUED')),
    data_source                      TEXT,
    source_key                       TEXT,
    created_at                       TEXT NOT NULL,
    updated_at                       TEXT NOT NULL
);

CREATE UNIQUE INDEX worklist_item_source_key ON worklist_item (data_source, source_key)
    WHERE data_source IS NOT NULL AND source_key IS NOT NULL;
CREATE INDEX worklist_item_start ON worklist_item (scheduled_start_date, scheduled_start_time);
CREATE INDEX worklist_item_station_ae ON worklist_item (scheduled_station_ae_title);
CREATE INDEX worklist_item_modality ON worklist_item (modality);
CREATE INDEX worklist_item_patient_id ON worklist_item (patient_id);
CREATE INDEX worklist_item_status ON worklist_item (status);
CREATE INDEX worklist_item_study_uid ON worklist_item (study_instance_uid);
CREATE INDEX worklist_item_sps_id ON worklist_item (sps_id);
CREATE INDEX worklist_item_accession ON worklist_item (accession_number);

CREATE TABLE mpps_instance (
    sop_instance_uid TEXT PRIMARY KEY,
    status           TEXT NOT NULL,
    attributes       BLOB,
    calling_ae       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    worklist_item_id INTEGER REFERENCES worklist_item (id) ON DELETE SET NULL,
    matched_by       TEXT
);

CREATE INDEX mpps_instance_item ON mpps_instance (worklist_item_id);
CREATE INDEX mpps_instance_created ON mpps_instance (created_at);

-- No foreign key on worklist_item_id: the log is history and keeps the id of a row that has
-- since been removed (ids are never reused, see above).
CREATE TABLE event_log (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    time             TEXT NOT NULL,
    kind             TEXT NOT NULL,
    source           TEXT,
    subject          TEXT,
    worklist_item_id INTEGER,
    message          TEXT
);

CREATE INDEX event_log_time ON event_log (time);

CREATE TABLE sync_state (
    source          TEXT PRIMARY KEY,
    last_window_end TEXT,
    last_full_sync  TEXT,
    last_run_at     TEXT,
    last_error      TEXT
);
