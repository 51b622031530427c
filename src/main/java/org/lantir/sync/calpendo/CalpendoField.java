package org.lantir.sync.calpendo;

import java.util.Locale;
import java.util.Optional;

/**
 * The worklist fields a Calpendo {@code field_mapping} may fill, by the Python tool's names.
 * Dates, times and the status come from the booking itself; the modality from
 * {@code resource_modality_mapping} unless mapped here.
 */
public enum CalpendoField {
    PATIENT_ID("patient_id"),
    /** Made a DICOM PN: see {@link PatientNames}. */
    PATIENT_NAME("patient_name"),
    /** Requested Procedure Description, and the step's description unless one is mapped. */
    STUDY_DESCRIPTION("study_description"),
    ACCESSION_NUMBER("accession_number"),
    /** Used only when it is a UID of two or more components; else one is minted. */
    STUDY_INSTANCE_UID("study_instance_uid"),
    MODALITY("modality"),
    REFERRING_PHYSICIAN_NAME("referring_physician_name"),
    /** Scheduled Performing Physician's Name; unmapped, the MRI operator fills it. */
    PERFORMING_PHYSICIAN("performing_physician"),
    STATION_NAME("station_name"),
    SCHEDULED_STATION_AETITLE("scheduled_station_aetitle"),
    /** Scheduled Procedure Step Description. */
    PROCEDURE_DESCRIPTION("procedure_description"),
    PROTOCOL_NAME("protocol_name"),
    PATIENT_COMMENTS("patient_comments"),
    REQUESTED_PROCEDURE_COMMENTS("requested_procedure_comments"),
    SPS_COMMENTS("sps_comments");

    /** The name in a {@code field_mapping}. */
    public final String key;

    CalpendoField(String key) {
        this.key = key;
    }

    static Optional<CalpendoField> byKey(String name) {
        String normal = name.trim().toLowerCase(Locale.ROOT);
        for (CalpendoField field : values()) {
            if (field.key.equals(normal)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
