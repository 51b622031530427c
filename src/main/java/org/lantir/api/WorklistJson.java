package org.lantir.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItem.CodedEntry;
import org.lantir.worklist.WorklistItemValidator;
import org.lantir.worklist.WorklistItemValidator.Field;

/**
 * A worklist row as the REST API shows and takes it: the Python tool's field names and
 * meanings ({@code patient_weight_lb} in pounds, {@code study_description} for the Requested
 * Procedure Description, {@code procedure_description} for the step's), plus Lantir's own
 * read-only fields. Values a person types go through {@link WorklistItemValidator}, exactly as
 * in the desktop's row editor.
 */
final class WorklistJson {

    /** Exact, by the international definition of the pound. */
    static final BigDecimal KG_PER_POUND = new BigDecimal("0.45359237");

    /** The validator's field behind each JSON field a client may write. */
    static final Map<String, Field> TYPED_FIELDS = typedFields();
    static final String WEIGHT_LB = "patient_weight_lb";
    static final String STATUS = "performed_procedure_step_status";
    static final String PROTOCOL_NAME = "protocol_name";
    static final String STUDY_INSTANCE_UID = "study_instance_uid";
    /** Shown, never taken: a client that sends back what it read is not refused for them. */
    static final Set<String> READ_ONLY = Set.of("id", "data_source", "scheduled_end_date",
            "scheduled_end_time", "requested_procedure_id", "scheduled_procedure_step_id",
            "created_at", "updated_at");

    /** Code Value is SH (16), Code Meaning LO (64) (PS3.5 Table 6.2-1; PS3.3 8.1, 8.3). */
    private static final int CODE_VALUE_MAX = 16;
    private static final int LO_MAX = 64;
    /** Where the protocol codes Lantir makes from a name are defined: here (PS3.16 8). */
    static final String PROTOCOL_SCHEME = "99LANTIR";
    /** UI (PS3.5 §9.1): components of digits without leading zeros, at most 64 characters. */
    private static final Pattern UID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");
    /** The DICOM TM forms the Python tool stored ({@code HHMM}, {@code HHMMSS}). */
    private static final Pattern DICOM_TIME = Pattern.compile("(\\d{2})(\\d{2})(\\d{2})?");
    /** A weight the validator takes: at most 1000 kg is about 2204.6 lb. */
    private static final Pattern POUNDS = Pattern.compile("\\d{1,4}(\\.\\d{1,3})?");
    private static final BigDecimal MAX_POUNDS = new BigDecimal("2204.6");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private WorklistJson() {
    }

    private static Map<String, Field> typedFields() {
        Map<String, Field> fields = new LinkedHashMap<>();
        fields.put("patient_name", Field.PATIENT_NAME);
        fields.put("patient_id", Field.PATIENT_ID);
        fields.put("patient_birth_date", Field.PATIENT_BIRTH_DATE);
        fields.put("patient_sex", Field.PATIENT_SEX);
        fields.put("accession_number", Field.ACCESSION_NUMBER);
        fields.put("referring_physician_name", Field.REFERRING_PHYSICIAN);
        fields.put("modality", Field.MODALITY);
        fields.put("study_description", Field.REQUESTED_PROCEDURE);
        fields.put("scheduled_station_aetitle", Field.STATION_AE_TITLE);
        fields.put("scheduled_start_date", Field.SCHEDULED_DATE);
        fields.put("scheduled_start_time", Field.SCHEDULED_TIME);
        fields.put("performing_physician", Field.PERFORMING_PHYSICIAN);
        fields.put("procedure_description", Field.STEP_DESCRIPTION);
        fields.put("station_name", Field.STATION_NAME);
        fields.put("patient_comments", Field.PATIENT_COMMENTS);
        fields.put("step_comments", Field.STEP_COMMENTS);
        return Map.copyOf(fields);
    }

    /** The JSON field of a validator field. */
    static String jsonName(Field field) {
        if (field == Field.PATIENT_WEIGHT) {
            return WEIGHT_LB;
        }
        return TYPED_FIELDS.entrySet().stream().filter(e -> e.getValue() == field)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    // ---- out ----

    static ObjectNode toJson(WorklistItem item) {
        ObjectNode o = F.objectNode();
        o.put("id", item.id());
        o.put(STUDY_INSTANCE_UID, item.studyInstanceUid());
        o.put("patient_name", item.patientName());
        o.put("patient_id", item.patientId());
        o.put("patient_birth_date", date(item.patientBirthDate()));
        o.put("patient_sex", item.patientSex());
        o.put(WEIGHT_LB, pounds(item.patientWeightKg()));
        o.put("accession_number", item.accessionNumber());
        o.put("referring_physician_name", item.referringPhysicianName());
        o.put("modality", item.modality());
        o.put("study_description", item.requestedProcedureDescription());
        o.put("scheduled_station_aetitle", item.scheduledStationAeTitle());
        o.put("scheduled_start_date", date(item.scheduledStartDate()));
        o.put("scheduled_start_time", time(item.scheduledStartTime()));
        o.put("performing_physician", item.performingPhysicianName());
        o.put("procedure_description", item.spsDescription());
        o.put(PROTOCOL_NAME, protocolName(item.protocolCode()));
        o.put("station_name", item.scheduledStationName());
        o.put(STATUS, item.status().name());
        // Lantir's additions; never a renamed field of the Python tool's.
        o.put("scheduled_end_date", date(item.scheduledEndDate()));
        o.put("scheduled_end_time", time(item.scheduledEndTime()));
        o.put("requested_procedure_id", item.requestedProcedureId());
        o.put("scheduled_procedure_step_id", item.spsId());
        o.put("patient_comments", item.patientComments());
        o.put("step_comments", item.spsComments());
        o.put("data_source", item.dataSource());
        o.put("created_at", item.createdAt() == null ? null : item.createdAt().toString());
        o.put("updated_at", item.updatedAt() == null ? null : item.updatedAt().toString());
        return o;
    }

    /** Pounds as the Python tool's text: two decimals at most, no trailing zeros. */
    static String pounds(BigDecimal kg) {
        if (kg == null) {
            return null;
        }
        return kg.divide(KG_PER_POUND, 2, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    private static String date(LocalDate date) {
        return date == null ? null : DateTimeFormatter.ISO_LOCAL_DATE.format(date);
    }

    private static String time(LocalTime time) {
        return time == null ? null : WorklistItemValidator.time(time);
    }

    private static String protocolName(CodedEntry code) {
        if (code == null) {
            return null;
        }
        return code.meaning() != null ? code.meaning() : code.value();
    }

    // ---- in ----

    /**
     * The fields of a request body, checked for names and JSON types: every name is one the
     * API writes or shows, and every value a string, a number or null.
     */
    static Map<String, Optional<String>> fields(ObjectNode body) {
        Map<String, Optional<String>> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            String name = entry.getKey();
            if (READ_ONLY.contains(name)) {
                continue;
            }
            if (!TYPED_FIELDS.containsKey(name) && !List.of(WEIGHT_LB, STATUS, PROTOCOL_NAME,
                    STUDY_INSTANCE_UID).contains(name)) {
                throw ApiProblem.badField(name, "unknown field");
            }
            fields.put(name, Optional.ofNullable(text(name, entry.getValue())));
        }
        return fields;
    }

    private static String text(String name, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        throw ApiProblem.badField(name, "expected a string or null");
    }

    /**
     * The validator's input for {@code fields} laid over {@code start} (the stored row's
     * values, or empty for a new row). A field given as null clears the value.
     */
    static Map<Field, String> typedInput(Map<Field, String> start,
            Map<String, Optional<String>> fields) {
        Map<Field, String> input = new EnumMap<>(Field.class);
        input.putAll(start);
        fields.forEach((name, value) -> {
            Field field = TYPED_FIELDS.get(name);
            if (field == Field.SCHEDULED_TIME) {
                input.put(field, value.map(WorklistJson::colonTime).orElse(""));
            } else if (field != null) {
                input.put(field, value.orElse(""));
            }
        });
        if (fields.containsKey(WEIGHT_LB)) {
            input.put(Field.PATIENT_WEIGHT, fields.get(WEIGHT_LB).map(WorklistJson::kilograms)
                    .orElse(""));
        }
        return input;
    }

    /** {@code HHMM} or {@code HHMMSS} (DICOM TM, as the Python tool stored) as HH:MM[:SS]. */
    private static String colonTime(String value) {
        Matcher m = DICOM_TIME.matcher(value.strip());
        if (!m.matches()) {
            return value;
        }
        return m.group(1) + ":" + m.group(2) + (m.group(3) == null ? "" : ":" + m.group(3));
    }

    /** Pounds to the kilograms the validator checks, to the gram. */
    private static String kilograms(String pounds) {
        String value = pounds.strip();
        if (value.isEmpty()) {
            return "";
        }
        if (!POUNDS.matcher(value).matches()) {
            throw ApiProblem.badField(WEIGHT_LB, "a number of pounds, e.g. 160.5");
        }
        BigDecimal lb = new BigDecimal(value);
        if (lb.signum() <= 0 || lb.compareTo(MAX_POUNDS) > 0) {
            throw ApiProblem.badField(WEIGHT_LB, "above 0 and at most " + MAX_POUNDS + " lb");
        }
        return lb.multiply(KG_PER_POUND).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    /** A status from the allowed list (the stored words; case and "IN PROGRESS" forgiven). */
    static ProcedureStepStatus status(String value) {
        return ProcedureStepStatus.fromStoredWord(value).orElseThrow(() -> ApiProblem.badField(
                STATUS, "one of SCHEDULED, IN_PROGRESS, COMPLETED, DISCONTINUED"));
    }

    /** Protocol Name as a Scheduled Protocol Code Sequence entry, or null when empty. */
    static CodedEntry protocolCode(String name) {
        String value = name == null ? "" : name.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.indexOf('\\') >= 0 || value.codePoints().anyMatch(Character::isISOControl)) {
            throw ApiProblem.badField(PROTOCOL_NAME, "no backslash and no control characters "
                    + "(LO, PS3.5 Table 6.2-1)");
        }
        int length = value.codePointCount(0, value.length());
        if (length > LO_MAX) {
            throw ApiProblem.badField(PROTOCOL_NAME, "at most " + LO_MAX + " characters (Code "
                    + "Meaning, LO, PS3.5 Table 6.2-1); " + length + " given");
        }
        String code = length <= CODE_VALUE_MAX ? value : value.substring(0, 11) + "_"
                + String.format(Locale.ROOT, "%04X", value.hashCode() & 0xFFFF);
        return new CodedEntry(code, PROTOCOL_SCHEME, value);
    }

    /** A Study Instance UID a client gives for a new row, or null to have one minted. */
    static String studyInstanceUid(String uid) {
        String value = uid == null ? "" : uid.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > LO_MAX || !UID.matcher(value).matches()) {
            throw ApiProblem.badField(STUDY_INSTANCE_UID, "a UID: digits and dots, no leading "
                    + "zeros, at most 64 characters (UI, PS3.5 §9.1)");
        }
        return value;
    }
}
