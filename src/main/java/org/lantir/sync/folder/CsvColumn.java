package org.lantir.sync.folder;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lantir.worklist.WorklistItemValidator.Field;

/**
 * The columns a CSV folder's header row may name: the worklist field names of a REDCap or
 * Calpendo {@code field_mapping}, and Lantir's own {@code source_key},
 * {@code requested_procedure_id}, {@code sps_id} and {@code sps_description}. Each column
 * feeds one field of {@link org.lantir.worklist.WorklistItemValidator} where there is one, so
 * that a CSV value obeys the same rules as a value typed into the console. Where two columns
 * feed one field, the first in this order that has a value wins.
 */
enum CsvColumn {
    PATIENT_ID("patient_id", Field.PATIENT_ID),
    PATIENT_NAME("patient_name", Field.PATIENT_NAME),
    PATIENT_BIRTH_DATE("patient_birth_date", Field.PATIENT_BIRTH_DATE),
    PATIENT_SEX("patient_sex", Field.PATIENT_SEX),
    PATIENT_WEIGHT_KG("patient_weight_kg", Field.PATIENT_WEIGHT),
    /** Converted to kilograms (one pound is 0.45359237 kg). */
    PATIENT_WEIGHT_LB("patient_weight_lb", Field.PATIENT_WEIGHT),
    ACCESSION_NUMBER("accession_number", Field.ACCESSION_NUMBER),
    REFERRING_PHYSICIAN_NAME("referring_physician_name", Field.REFERRING_PHYSICIAN),
    PERFORMING_PHYSICIAN("performing_physician", Field.PERFORMING_PHYSICIAN),
    STATION_NAME("station_name", Field.STATION_NAME),
    SCHEDULED_STATION_AETITLE("scheduled_station_aetitle", Field.STATION_AE_TITLE),
    STUDY_INSTANCE_UID("study_instance_uid", null),
    PROCEDURE_DESCRIPTION("procedure_description", Field.REQUESTED_PROCEDURE),
    /** Requested Procedure Description, when no {@code procedure_description} is given. */
    STUDY_DESCRIPTION("study_description", Field.REQUESTED_PROCEDURE),
    SPS_DESCRIPTION("sps_description", Field.STEP_DESCRIPTION),
    /** The Scheduled Protocol Code's meaning, and the step's description when none is given. */
    PROTOCOL_NAME("protocol_name", Field.STEP_DESCRIPTION),
    MODALITY("modality", Field.MODALITY),
    SCHEDULED_START_DATE("scheduled_start_date", Field.SCHEDULED_DATE),
    SCHEDULED_START_TIME("scheduled_start_time", Field.SCHEDULED_TIME),
    PATIENT_COMMENTS("patient_comments", Field.PATIENT_COMMENTS),
    REQUESTED_PROCEDURE_COMMENTS("requested_procedure_comments", null),
    SPS_COMMENTS("sps_comments", Field.STEP_COMMENTS),
    /** The row's own key; without it the key is made from patient, date and time. */
    SOURCE_KEY("source_key", null),
    REQUESTED_PROCEDURE_ID("requested_procedure_id", null),
    SPS_ID("sps_id", null);

    /** Other names the Python tool's files use for the same field. */
    private static final Map<String, CsvColumn> ALIASES = Map.of(
            "scheduled_date", SCHEDULED_START_DATE,
            "scheduled_time", SCHEDULED_START_TIME,
            "referring_physician", REFERRING_PHYSICIAN_NAME);

    final String key;
    final Field field;

    CsvColumn(String key, Field field) {
        this.key = key;
        this.field = field;
    }

    /** The column a header cell names (case and surrounding spaces do not matter). */
    static Optional<CsvColumn> byName(String header) {
        String normal = header.strip().toLowerCase(Locale.ROOT);
        for (CsvColumn column : values()) {
            if (column.key.equals(normal)) {
                return Optional.of(column);
            }
        }
        return Optional.ofNullable(ALIASES.get(normal));
    }
}
