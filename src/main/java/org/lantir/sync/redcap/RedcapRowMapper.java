package org.lantir.sync.redcap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lantir.worklist.LongText;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns REDCap's flat rows into worklist rows. Rows are grouped per record: the base row
 * (non-repeating forms) and the rows of the repeating scan instrument. Each instance row with
 * a session number, a date and a time becomes one Scheduled Procedure Step, its blanks
 * filled from the base row; its key is {@code <record id>:<repeat instance>}.
 *
 * <p>An instance without session, date or time is not scheduled yet and is passed over. An
 * instance whose date or time cannot be read for sure (e.g. {@code 12/03/2025}) is skipped
 * with a WARN naming the record, never the patient. So is an instance whose mapped comment is
 * longer than an LT holds (10240 characters, PS3.5 Table 6.2-1): Lantir never cuts a comment.
 * IDs the worklist service mints (Requested Procedure ID, SPS ID, accession number, Study
 * Instance UID) are left null unless mapped.
 *
 * <p>TODO(#2): longitudinal projects ({@code redcap_event_name}) and repeating events are
 * grouped per record only, so the first base row of any event fills the blanks.
 */
final class RedcapRowMapper {

    private static final Logger LOG = LoggerFactory.getLogger(RedcapRowMapper.class);
    static final String REPEAT_INSTRUMENT = "redcap_repeat_instrument";
    static final String REPEAT_INSTANCE = "redcap_repeat_instance";
    /** Patient ID is an LO (PS3.5 Table 6.2-1). */
    private static final int MAX_PATIENT_ID = 64;

    private final RedcapSettings settings;

    RedcapRowMapper(RedcapSettings settings) {
        this.settings = settings;
    }

    /**
     * The rows of one export, the keys of instances skipped for bad values, and why each
     * was skipped (words that name the field, never its value).
     */
    record Mapped(List<WorklistItem> rows, List<String> skippedKeys,
            Map<String, String> skipReasons) {
    }

    Mapped map(List<Map<String, String>> rows, String recordIdField,
            Map<WorklistField, String> fields) {
        List<WorklistItem> items = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (RecordRows record : group(rows, recordIdField).values()) {
            for (Map<String, String> instance : record.instances) {
                Row row = new Row(record, instance, fields);
                WorklistItem item = map(row, skipped);
                if (item != null) {
                    items.add(item);
                }
            }
        }
        return new Mapped(items, List.copyOf(skipped.keySet()), skipped);
    }

    private Map<String, RecordRows> group(List<Map<String, String>> rows,
            String recordIdField) {
        Map<String, RecordRows> records = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            String id = blankToNull(row.get(recordIdField));
            if (id == null) {
                continue;
            }
            RecordRows record = records.computeIfAbsent(id, RecordRows::new);
            String instrument = blankToNull(row.get(REPEAT_INSTRUMENT));
            if (instrument == null && record.base.isEmpty()) {
                record.base = row;
            } else if (settings.repeatInstrument().equals(instrument)) {
                record.instances.add(row);
            }
        }
        return records;
    }

    private WorklistItem map(Row row, Map<String, String> skipped) {
        String session = row.value(WorklistField.SESSION_ID);
        String dateText = row.value(WorklistField.SCHEDULED_START_DATE);
        String timeText = row.value(WorklistField.SCHEDULED_START_TIME);
        if (session == null || dateText == null || timeText == null) {
            LOG.debug("REDCap source '{}': record {} instance {} not scheduled yet",
                    settings.sourceName(), row.recordId(), row.instance());
            return null;
        }
        LocalDate date = RedcapValues.date(dateText);
        LocalTime time = RedcapValues.time(timeText);
        String study = RedcapValues.afterLastDash(row.value(WorklistField.STUDY_ID));
        String problem = date == null ? "scheduled date is not YYYY-MM-DD or YYYYMMDD"
                : time == null ? "scheduled time is not HH:MM"
                : study == null || study.isEmpty() ? "it has no study ID" : null;
        if (problem != null) {
            return skip(row, skipped, problem);
        }
        String overLong = overLongComment(row);
        if (overLong != null) {
            return skip(row, skipped, overLong);
        }
        String patientId = patientId(row, study, session);
        if (patientId.isEmpty() || patientId.length() > MAX_PATIENT_ID) {
            return skip(row, skipped, "its Patient ID would be empty or over 64 characters");
        }
        return item(row, patientId, patientName(row, study, session), date, time);
    }

    private WorklistItem skip(Row row, Map<String, String> skipped, String problem) {
        LOG.warn("REDCap source '{}': record {} instance {} skipped: {}",
                settings.sourceName(), row.recordId(), row.instance(), problem);
        skipped.put(row.key(), problem);
        return null;
    }

    private WorklistItem item(Row row, String patientId, String patientName, LocalDate date,
            LocalTime time) {
        String protocol = or(row.value(WorklistField.PROTOCOL_NAME), settings.protocolName());
        String requested = or(row.value(WorklistField.PROCEDURE_DESCRIPTION),
                or(row.value(WorklistField.STUDY_DESCRIPTION), protocol));
        WorklistItem item = WorklistItem.builder()
                .patientId(patientId)
                .patientName(patientName)
                .patientBirthDate(RedcapValues.birthDate(row.value(
                        WorklistField.PATIENT_BIRTH_DATE)))
                .patientSex(RedcapValues.sex(row.value(WorklistField.PATIENT_SEX)))
                .patientWeightKg(weight(row))
                .accessionNumber(accession(row))
                .referringPhysicianName(row.value(WorklistField.REFERRING_PHYSICIAN_NAME))
                .requestedProcedureDescription(requested)
                .studyInstanceUid(RedcapValues.uid(row.value(WorklistField.STUDY_INSTANCE_UID)))
                .modality(or(row.value(WorklistField.MODALITY), settings.modality()))
                .scheduledStationAeTitle(or(row.value(WorklistField.SCHEDULED_STATION_AETITLE),
                        settings.stationAeTitle()))
                .scheduledStationName(or(row.value(WorklistField.STATION_NAME),
                        settings.stationName()))
                .scheduledStartDate(date)
                .scheduledStartTime(time)
                .spsDescription(or(protocol, requested))
                .protocolCode(settings.protocolCode(protocol))
                .performingPhysicianName(row.value(WorklistField.PERFORMING_PHYSICIAN))
                .patientComments(row.value(WorklistField.PATIENT_COMMENTS))
                .requestedProcedureComments(row.value(
                        WorklistField.REQUESTED_PROCEDURE_COMMENTS))
                .spsComments(row.value(WorklistField.SPS_COMMENTS))
                .status(ProcedureStepStatus.SCHEDULED)
                .dataSource(settings.sourceName())
                .sourceKey(row.key())
                .build();
        LOG.debug("REDCap source '{}': record {} instance {} is patient {} on {} {}",
                settings.sourceName(), row.recordId(), row.instance(), patientId, date, time);
        return item;
    }

    /** Why a mapped comment cannot be stored (names the fields, never the text), or null. */
    private static String overLongComment(Row row) {
        for (WorklistField field : new WorklistField[] {WorklistField.PATIENT_COMMENTS,
            WorklistField.REQUESTED_PROCEDURE_COMMENTS, WorklistField.SPS_COMMENTS}) {
            String value = row.value(field);
            if (!LongText.fits(value)) {
                return "its " + field.key + " (REDCap field " + row.fieldOf(field) + ") has "
                        + LongText.length(value) + " characters, over the "
                        + LongText.MAX_CHARACTERS + " an LT value holds (PS3.5 Table 6.2-1)";
            }
        }
        return null;
    }

    private String patientId(Row row, String study, String session) {
        String mapped = row.value(WorklistField.PATIENT_ID);
        if (mapped != null) {
            return mapped;
        }
        return settings.patientIdTemplate().render(name -> variable(row, name, study, session));
    }

    private String patientName(Row row, String study, String session) {
        String mapped = row.value(WorklistField.PATIENT_NAME);
        if (mapped != null) {
            return mapped;
        }
        return settings.patientNameTemplate().render(
                name -> variable(row, name, study, session));
    }

    private String variable(Row row, String name, String study, String session) {
        if (name.startsWith(IdTemplate.FIELD_PREFIX)) {
            return row.raw(name.substring(IdTemplate.FIELD_PREFIX.length()));
        }
        switch (name) {
            case "study":
                return study;
            case "family":
                return RedcapValues.afterLastDash(row.value(WorklistField.FAMILY_ID));
            case "session":
                return session;
            case "site":
                return settings.siteId();
            case "record":
                return row.recordId();
            default:
                return row.instance();
        }
    }

    private static BigDecimal weight(Row row) {
        String kg = row.value(WorklistField.PATIENT_WEIGHT_KG);
        if (kg != null) {
            return RedcapValues.kilograms(kg);
        }
        return RedcapValues.kilogramsFromPounds(row.value(WorklistField.PATIENT_WEIGHT_LB));
    }

    /** Accession Number is an SH (16 characters); a longer value is left for minting. */
    private String accession(Row row) {
        String value = row.value(WorklistField.ACCESSION_NUMBER);
        if (value != null && value.length() > 16) {
            LOG.debug("REDCap source '{}': record {} accession number over 16 characters",
                    settings.sourceName(), row.recordId());
            return null;
        }
        return value;
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The rows of one record. */
    private static final class RecordRows {
        final String id;
        Map<String, String> base = Map.of();
        final List<Map<String, String>> instances = new ArrayList<>();

        RecordRows(String id) {
            this.id = id;
        }
    }

    /** One instance row seen through its record: blanks fall back to the base row. */
    private static final class Row {
        private final RecordRows record;
        private final Map<String, String> instance;
        private final Map<WorklistField, String> fields;

        Row(RecordRows record, Map<String, String> instance,
                Map<WorklistField, String> fields) {
            this.record = record;
            this.instance = instance;
            this.fields = fields;
        }

        String value(WorklistField field) {
            String name = fields.get(field);
            return name == null ? null : raw(name);
        }

        /** The REDCap field that feeds {@code field}, or null. */
        String fieldOf(WorklistField field) {
            return fields.get(field);
        }

        String raw(String name) {
            String own = blankToNull(instance.get(name));
            return own != null ? own : blankToNull(record.base.get(name));
        }

        String recordId() {
            return record.id;
        }

        String instance() {
            String number = blankToNull(instance.get(REPEAT_INSTANCE));
            return number == null ? "1" : number;
        }

        String key() {
            return recordId() + ":" + instance();
        }
    }
}
