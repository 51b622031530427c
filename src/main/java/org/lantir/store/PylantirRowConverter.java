package org.lantir.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lantir.worklist.ImportedRows;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItem.CodedEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one row of the Python tool's {@code worklist_items} table into a {@link WorklistItem}.
 * Its columns changed between versions ({@code patient_weight} became
 * {@code patient_weight_lb}, {@code status} became {@code performed_procedure_step_status},
 * {@code hisris_coding_designator} and {@code data_source} were added), so a missing column is
 * simply no value. A value that cannot be converted becomes null with a WARN naming the row id
 * and column (the value itself only at DEBUG: it may be patient data); nothing is invented.
 * The row keeps the tool's {@code data_source}; its source key is the tool's row id marked as
 * imported ({@link ImportedRows}).
 */
final class PylantirRowConverter {

    private static final Logger LOG = LoggerFactory.getLogger(PylantirRowConverter.class);

    /** Exact, by the international definition of the pound. */
    private static final BigDecimal KG_PER_POUND = new BigDecimal("0.45359237");

    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DICOM_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    /** {@code HH:MM}, {@code HHMM}, {@code HH:MM:SS}, {@code HHMMSS}, with a fraction. */
    private static final Pattern TIME =
            Pattern.compile("(\\d{2}):?(\\d{2})(?::?(\\d{2})(?:\\.(\\d{1,6}))?)?");

    private final String rowId;
    private final Map<String, String> columns;

    /** {@code columns}: column name to text value (null for SQL NULL), for the columns present. */
    private PylantirRowConverter(Map<String, String> columns) {
        this.columns = columns;
        this.rowId = columns.get("id");
    }

    static WorklistItem convert(Map<String, String> columns) {
        return new PylantirRowConverter(columns).convert();
    }

    private WorklistItem convert() {
        return WorklistItem.builder()
                .studyInstanceUid(text("study_instance_uid"))
                .patientName(text("patient_name"))
                .patientId(text("patient_id"))
                .patientBirthDate(date("patient_birth_date"))
                .patientSex(sex())
                .patientWeightKg(weightKg())
                .accessionNumber(text("accession_number"))
                .referringPhysicianName(text("referring_physician_name"))
                .modality(text("modality"))
                // The tool sent it as Study Description; Requested Procedure Description is
                // the worklist attribute for the same words (PS3.4 Table K.6-1).
                .requestedProcedureDescription(text("study_description"))
                .scheduledStationAeTitle(text("scheduled_station_aetitle"))
                .scheduledStartDate(date("scheduled_start_date"))
                .scheduledStartTime(time("scheduled_start_time"))
                .performingPhysicianName(text("performing_physician"))
                .spsDescription(text("procedure_description"))
                .protocolCode(protocolCode())
                .scheduledStationName(text("station_name"))
                .status(status())
                // The tool kept no SPS ID or Requested Procedure ID: they stay empty here, and
                // WorklistService.backfillMissingIds() mints them as it does for synced rows.
                // Marked as imported, so that the first sync of its source adopts the row
                // instead of adding a second one for the same session.
                .dataSource(Optional.ofNullable(text("data_source"))
                        .orElse(ImportedRows.UNNAMED_SOURCE))
                .sourceKey(rowId == null ? null : ImportedRows.sourceKey(rowId))
                .build();
    }

    /** The stripped value; null when the column is absent, NULL or blank. */
    private String text(String column) {
        String value = columns.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private LocalDate date(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }

        for (DateTimeFormatter format : new DateTimeFormatter[] {ISO_DATE, DICOM_DATE}) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException notThisFormat) {
                // try the next one
            }
        }
        return unconvertible(column, "a date", value);
    }

    private LocalTime time(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }

        Matcher parts = TIME.matcher(value);
        if (parts.matches()) {
            try {
                return LocalTime.of(number(parts.group(1)), number(parts.group(2)),
                        number(parts.group(3)), nanos(parts.group(4)));
            } catch (DateTimeException outOfRange) {
                // falls through to the warning
            }
        }
        return unconvertible(column, "a time", value);
    }

    /** Patient's Sex, PS3.3 C.7.1.1: M, F or O. */
    private String sex() {
        String value = text("patient_sex");
        if (value == null) {
            return null;
        }

        switch (value.toUpperCase(Locale.ROOT)) {
            case "M":
            case "MALE":
                return "M";
            case "F":
            case "FEMALE":
                return "F";
            case "O":
            case "OTHER":
                return "O";
            default:
                return unconvertible("patient_sex", "M, F or O", value);
        }
    }

    /**
     * Kilograms (PS3.3 C.7.2.2). {@code patient_weight_lb} holds pounds (interop case C30);
     * the older {@code patient_weight} was sent as Patient's Weight unchanged, so it is taken
     * as kilograms.
     */
    private BigDecimal weightKg() {
        if (columns.containsKey("patient_weight_lb")) {
            BigDecimal pounds = positiveNumber("patient_weight_lb");
            return pounds == null ? null
                    : pounds.multiply(KG_PER_POUND).setScale(2, RoundingMode.HALF_UP);
        }
        return positiveNumber("patient_weight");
    }

    private BigDecimal positiveNumber(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }

        try {
            BigDecimal number = new BigDecimal(value);
            if (number.signum() > 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the warning
        }
        return unconvertible(column, "a positive number", value);
    }

    /** As the tool sent it: Code Value and Code Meaning both the protocol name. */
    private CodedEntry protocolCode() {
        String name = text("protocol_name");
        if (name == null) {
            return null;
        }
        return new CodedEntry(name, text("hisris_coding_designator"), name);
    }

    /**
     * The tool's own status words. A blank status is its column default, SCHEDULED. An
     * unknown word is a row whose state nobody can tell: it is kept out of the visible
     * worklist and out of the sync's reach as DISCONTINUED, with a WARN.
     */
    private ProcedureStepStatus status() {
        String column = columns.containsKey("performed_procedure_step_status")
                ? "performed_procedure_step_status" : "status";
        String value = text(column);
        if (value == null) {
            return ProcedureStepStatus.SCHEDULED;
        }

        Optional<ProcedureStepStatus> status = ProcedureStepStatus.fromStoredWord(value);
        if (status.isEmpty()) {
            LOG.warn("Python-tool worklist row {} column {}: unknown status '{}'; imported as "
                    + "DISCONTINUED", rowId, column, value);
        }
        return status.orElse(ProcedureStepStatus.DISCONTINUED);
    }

    private <T> T unconvertible(String column, String expected, String value) {
        LOG.warn("Python-tool worklist row {} column {}: value is not {}; imported as NULL",
                rowId, column, expected);
        LOG.debug("Python-tool worklist row {} column {} held '{}'", rowId, column, value);
        return null;
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        return Integer.parseInt((fraction + "00000000").substring(0, 9));
    }
}
