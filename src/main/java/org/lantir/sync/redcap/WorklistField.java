package org.lantir.sync.redcap;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The worklist field names a REDCap {@code field_mapping} may target (the Python tool's
 * names), each with the REDCap field read when no mapping names one (the fixture project's
 * and the Python tool's conventions).
 *
 * <p>The three comments (LT, PS3.4 Table K.6-1) are Lantir's own targets and have no
 * convention: the Python tool stored no comments and never read a notes field such as the
 * fixture's {@code mri_notes}, so a source sends comments only when its mapping says which
 * field feeds them.
 */
enum WorklistField {
    STUDY_ID("study_id", "study_id"),
    FAMILY_ID("family_id", "family_id"),
    SESSION_ID("session_id", "mri_instance"),
    SCHEDULED_START_DATE("scheduled_start_date", "mri_date"),
    SCHEDULED_START_TIME("scheduled_start_time", "mri_time"),
    PATIENT_BIRTH_DATE("patient_birth_date", "youth_dob_y"),
    PATIENT_SEX("patient_sex", "demo_sex"),
    PATIENT_WEIGHT_LB("patient_weight_lb", "mri_wt_lbs"),
    PATIENT_WEIGHT_KG("patient_weight_kg", null),
    REFERRING_PHYSICIAN_NAME("referring_physician_name", "referring_physician"),
    PERFORMING_PHYSICIAN("performing_physician", null),
    STATION_NAME("station_name", null),
    SCHEDULED_STATION_AETITLE("scheduled_station_aetitle", null),
    ACCESSION_NUMBER("accession_number", null),
    STUDY_INSTANCE_UID("study_instance_uid", null),
    STUDY_DESCRIPTION("study_description", null),
    PROCEDURE_DESCRIPTION("procedure_description", null),
    PROTOCOL_NAME("protocol_name", null),
    MODALITY("modality", null),
    PATIENT_ID("patient_id", null),
    PATIENT_NAME("patient_name", null),
    /** Patient Comments (0010,4000). */
    PATIENT_COMMENTS("patient_comments", null),
    /** Requested Procedure Comments (0040,1400). */
    REQUESTED_PROCEDURE_COMMENTS("requested_procedure_comments", null),
    /** Comments on the Scheduled Procedure Step (0040,0400). */
    SPS_COMMENTS("sps_comments", null);

    /**
     * Targets the Python tool's legacy files use under the REDCap field's own name (its
     * legacy module read those fields whatever the mapping said).
     */
    private static final Map<String, WorklistField> ALIASES = Map.of(
            "youth_dob_y", PATIENT_BIRTH_DATE,
            "demo_sex", PATIENT_SEX,
            "mri_instance", SESSION_ID,
            "mri_date", SCHEDULED_START_DATE,
            "mri_time", SCHEDULED_START_TIME,
            "scheduled_date", SCHEDULED_START_DATE,
            "scheduled_time", SCHEDULED_START_TIME,
            "referring_physician", REFERRING_PHYSICIAN_NAME);

    /** A target the sync never writes: the status belongs to MPPS once a row exists. */
    static final String STATUS_TARGET = "performed_procedure_step_status";

    final String key;
    final String defaultField;

    WorklistField(String key, String defaultField) {
        this.key = key;
        this.defaultField = defaultField;
    }

    static Optional<WorklistField> byName(String name) {
        String normal = name.trim().toLowerCase(Locale.ROOT);
        for (WorklistField field : values()) {
            if (field.key.equals(normal)) {
                return Optional.of(field);
            }
        }
        return Optional.ofNullable(ALIASES.get(normal));
    }
}
