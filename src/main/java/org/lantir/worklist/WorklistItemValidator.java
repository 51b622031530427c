package org.lantir.worklist;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lantir.dicom.data.PersonName;
import org.lantir.dicom.data.VR;

/**
 * Checks a worklist row as a person types it (the console's row editor, later the REST API)
 * before anything is stored, and builds the row when every value is right. Each problem names
 * its field; messages never repeat the value, which may be patient data.
 *
 * <p>The rules are those of the attribute's Value Representation (PS3.5 §6.2, Table 6.2-1):
 * lengths in characters, the character repertoire (no backslash, which separates values, and
 * no control character; CS upper case letters, digits, space and underscore; AE the default
 * repertoire only), plus what a row needs to be published (PS3.4 Table K.6-1): patient name
 * and ID, modality, scheduled date and time. The Scheduled Station AE Title may stay empty:
 * the site's {@link UnassignedStation} policy decides who sees such a row.
 *
 * <p>Typed forms: dates {@code YYYY-MM-DD} or {@code YYYYMMDD}; times {@code HH:MM} or
 * {@code HH:MM:SS}; names in DICOM form ({@code DOE^JANE}) or as {@code DOE, Jane}, a name
 * without either delimiter being a family name (a phantom's "QA PHANTOM"); weight in
 * kilograms with a decimal point. Spaces around a value are not significant, and an empty
 * value is no value. Modality and sex are taken in either case and stored in upper case, the
 * only case CS has.
 */
public final class WorklistItemValidator {

    /** The fields of a row that a person enters, with the attribute each one fills. */
    public enum Field {
        PATIENT_NAME("Patient name", "Patient's Name (0010,0010)", true),
        PATIENT_ID("Patient ID", "Patient ID (0010,0020)", true),
        PATIENT_BIRTH_DATE("Birth date", "Patient's Birth Date (0010,0030)", false),
        PATIENT_SEX("Sex", "Patient's Sex (0010,0040)", false),
        PATIENT_WEIGHT("Weight (kg)", "Patient's Weight (0010,1030)", false),
        ACCESSION_NUMBER("Accession number", "Accession Number (0008,0050)", false),
        REFERRING_PHYSICIAN("Referring physician", "Referring Physician's Name (0008,0090)",
                false),
        REQUESTED_PROCEDURE("Requested procedure",
                "Requested Procedure Description (0032,1060)", false),
        MODALITY("Modality", "Modality (0008,0060)", true),
        STATION_AE_TITLE("Station AE title", "Scheduled Station AE Title (0040,0001)", false),
        STATION_NAME("Station name", "Scheduled Station Name (0040,0010)", false),
        SCHEDULED_DATE("Scheduled date", "Scheduled Procedure Step Start Date (0040,0002)",
                true),
        SCHEDULED_TIME("Scheduled time", "Scheduled Procedure Step Start Time (0040,0003)",
                true),
        STEP_DESCRIPTION("Step description",
                "Scheduled Procedure Step Description (0040,0007)", false),
        PERFORMING_PHYSICIAN("Performing physician",
                "Scheduled Performing Physician's Name (0040,0006)", false),
        PATIENT_COMMENTS("Patient comments", "Patient Comments (0010,4000)", false),
        STEP_COMMENTS("Step comments",
                "Comments on the Scheduled Procedure Step (0040,0400)", false);

        private final String label;
        private final String attribute;
        private final boolean required;

        Field(String label, String attribute, boolean required) {
            this.label = label;
            this.attribute = attribute;
            this.required = required;
        }

        /** How a form names the field. */
        public String label() {
            return label;
        }

        /** The DICOM attribute the field fills, by name and tag. */
        public String attribute() {
            return attribute;
        }

        /** Whether a row cannot be stored without it. */
        public boolean required() {
            return required;
        }
    }

    /** One thing wrong with one field. */
    public record Problem(Field field, String message) {
        @Override
        public String toString() {
            return field.label() + ": " + message;
        }
    }

    /** The row when every value is right (else null), and the problems in field order. */
    public record Result(WorklistItem item, List<Problem> problems) {

        public Result {
            problems = List.copyOf(problems);
        }

        public boolean isValid() {
            return problems.isEmpty();
        }

        /** The first problem of a field, if any. */
        public Optional<Problem> problem(Field field) {
            return problems.stream().filter(p -> p.field() == field).findFirst();
        }
    }

    /** PS3.5 Table 6.2-1: the longest value of each VR used here, in characters. */
    private static final int SH_MAX = VR.SH.maxLength();
    private static final int LO_MAX = VR.LO.maxLength();
    private static final int CS_MAX = VR.CS.maxLength();
    private static final int AE_MAX = VR.AE.maxLength();

    private static final Pattern CS = Pattern.compile("[A-Z0-9 _]*");
    private static final Pattern AE = Pattern.compile("[\\x20-\\x5B\\x5D-\\x7E]*");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern BASIC_DATE = Pattern.compile("\\d{8}");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,4}(\\.\\d{1,3})?");
    private static final BigDecimal MAX_WEIGHT_KG = new BigDecimal("1000");
    private static final List<String> SEXES = List.of("M", "F", "O");

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private WorklistItemValidator() {
    }

    /**
     * Checks typed values and, when all are right, builds the row on {@code base}: the
     * stored row being edited, whose other values (identifiers, codes, status, source) are
     * kept, or null for a new row. A field missing from {@code input} counts as empty.
     */
    public static Result check(Map<Field, String> input, WorklistItem base) {
        Checker c = new Checker(input);
        WorklistItem.Builder b = base == null ? WorklistItem.builder() : base.toBuilder();

        b.patientName(c.personName(Field.PATIENT_NAME));
        b.patientId(c.text(Field.PATIENT_ID, LO_MAX, "LO"));
        b.patientBirthDate(c.date(Field.PATIENT_BIRTH_DATE));
        b.patientSex(c.sex());
        b.patientWeightKg(c.weight());
        b.accessionNumber(c.text(Field.ACCESSION_NUMBER, SH_MAX, "SH"));
        b.referringPhysicianName(c.personName(Field.REFERRING_PHYSICIAN));
        b.requestedProcedureDescription(c.text(Field.REQUESTED_PROCEDURE, LO_MAX, "LO"));
        b.modality(c.modality());
        b.scheduledStationAeTitle(c.aeTitle(Field.STATION_AE_TITLE));
        b.scheduledStationName(c.text(Field.STATION_NAME, SH_MAX, "SH"));
        b.scheduledStartDate(c.date(Field.SCHEDULED_DATE));
        b.scheduledStartTime(c.time(Field.SCHEDULED_TIME));
        b.spsDescription(c.text(Field.STEP_DESCRIPTION, LO_MAX, "LO"));
        b.performingPhysicianName(c.personName(Field.PERFORMING_PHYSICIAN));
        b.patientComments(c.longText(Field.PATIENT_COMMENTS));
        b.spsComments(c.longText(Field.STEP_COMMENTS));
        WorklistItem item = b.build();

        c.birthNotAfterScheduling(item);
        List<Problem> problems = c.problems();
        return new Result(problems.isEmpty() ? item : null, problems);
    }

    /** A stored row in the typed forms {@link #check} takes, e.g. to fill an editor. */
    public static Map<Field, String> values(WorklistItem item) {
        Map<Field, String> v = new EnumMap<>(Field.class);
        v.put(Field.PATIENT_NAME, text(item.patientName()));
        v.put(Field.PATIENT_ID, text(item.patientId()));
        v.put(Field.PATIENT_BIRTH_DATE, date(item.patientBirthDate()));
        v.put(Field.PATIENT_SEX, text(item.patientSex()));
        v.put(Field.PATIENT_WEIGHT, item.patientWeightKg() == null ? ""
                : item.patientWeightKg().stripTrailingZeros().toPlainString());
        v.put(Field.ACCESSION_NUMBER, text(item.accessionNumber()));
        v.put(Field.REFERRING_PHYSICIAN, text(item.referringPhysicianName()));
        v.put(Field.REQUESTED_PROCEDURE, text(item.requestedProcedureDescription()));
        v.put(Field.MODALITY, text(item.modality()));
        v.put(Field.STATION_AE_TITLE, text(item.scheduledStationAeTitle()));
        v.put(Field.STATION_NAME, text(item.scheduledStationName()));
        v.put(Field.SCHEDULED_DATE, date(item.scheduledStartDate()));
        v.put(Field.SCHEDULED_TIME, time(item.scheduledStartTime()));
        v.put(Field.STEP_DESCRIPTION, text(item.spsDescription()));
        v.put(Field.PERFORMING_PHYSICIAN, text(item.performingPhysicianName()));
        v.put(Field.PATIENT_COMMENTS, text(item.patientComments()));
        v.put(Field.STEP_COMMENTS, text(item.spsComments()));
        return v;
    }

    /** {@code HH:MM}, or {@code HH:MM:SS} when the seconds are not zero. */
    public static String time(LocalTime time) {
        if (time == null) {
            return "";
        }
        String hhmm = String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
        return time.getSecond() == 0 ? hhmm
                : hhmm + String.format(Locale.ROOT, ":%02d", time.getSecond());
    }

    private static String date(LocalDate date) {
        return date == null ? "" : ISO.format(date);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** Reads one form's values, collecting problems in field order. */
    private static final class Checker {

        private final Map<Field, String> input;
        private final Map<Field, Problem> problems = new EnumMap<>(Field.class);

        Checker(Map<Field, String> input) {
            this.input = input;
        }

        List<Problem> problems() {
            return new ArrayList<>(problems.values());
        }

        /** The stripped value, or null (and a problem when required) when it is empty. */
        private String value(Field field) {
            String raw = input.get(field);
            String value = raw == null ? "" : raw.strip();
            if (value.isEmpty()) {
                if (field.required()) {
                    problem(field, "required");
                }
                return null;
            }
            return value;
        }

        private void problem(Field field, String message) {
            problems.putIfAbsent(field, new Problem(field, message));
        }

        /** SH and LO (PS3.5 Table 6.2-1): no backslash, no control character. */
        String text(Field field, int max, String vr) {
            String value = value(field);
            if (value == null) {
                return null;
            }
            if (!singleValueText(field, value)) {
                return null;
            }
            int length = length(value);
            if (length > max) {
                problem(field, tooLong(length, max, vr));
                return null;
            }
            return value;
        }

        private boolean singleValueText(Field field, String value) {
            if (value.indexOf('\\') >= 0) {
                problem(field, "a backslash (\\) is not allowed: it separates DICOM values");
                return false;
            }
            if (value.codePoints().anyMatch(Character::isISOControl)) {
                problem(field, "control characters (such as tab or line breaks) are not "
                        + "allowed");
                return false;
            }
            return true;
        }

        /**
         * PN (PS3.5 §6.2.1): DICOM form or {@code FAMILY, Given}; at most five components
         * and 64 characters per component group.
         */
        String personName(Field field) {
            String value = value(field);
            if (value == null || !singleValueText(field, value)) {
                return null;
            }
            boolean dicomForm = value.indexOf('^') >= 0 || value.indexOf('=') >= 0;
            PersonName name = dicomForm ? dicomName(field, value) : readableName(field, value);
            if (name == null) {
                return null;
            }
            try {
                name.checkLength();
            } catch (IllegalArgumentException tooLong) {
                problem(field, "at most " + PersonName.MAX_GROUP_LENGTH + " characters per "
                        + "component group (PN, PS3.5 Table 6.2-1)");
                return null;
            }
            if (name.isEmpty()) {
                problem(field, field.required() ? "required"
                        : "no name between the delimiters");
                return null;
            }
            return name.format();
        }

        /** {@code FAMILY^GIVEN^MIDDLE^PREFIX^SUFFIX}, up to three groups joined by '='. */
        private PersonName dicomName(Field field, String value) {
            String[] groups = value.split("=", -1);
            if (groups.length > PersonName.Group.values().length) {
                problem(field, "at most three component groups separated by '=' "
                        + "(PS3.5 §6.2.1.2)");
                return null;
            }
            for (String group : groups) {
                if (group.split("\\^", -1).length > PersonName.Component.values().length) {
                    problem(field, "at most five components separated by '^': family, given, "
                            + "middle, prefix, suffix (PS3.5 §6.2.1.1)");
                    return null;
                }
            }
            return PersonName.parse(value);
        }

        /** {@code FAMILY, Given Middle}, or a family name alone. */
        private PersonName readableName(Field field, String value) {
            int comma = value.indexOf(',');
            if (comma < 0) {
                return PersonName.of(value, null);
            }
            if (value.indexOf(',', comma + 1) >= 0) {
                problem(field, "write one comma, after the family name (DOE, Jane), "
                        + "or the DICOM form DOE^JANE");
                return null;
            }
            return PersonName.of(value.substring(0, comma).strip(),
                    value.substring(comma + 1).strip());
        }

        /** CS (PS3.5 Table 6.2-1), an acquisition modality ({@link Modalities}). */
        String modality() {
            String value = upper(value(Field.MODALITY));
            if (value == null || !codeString(Field.MODALITY, value)) {
                return null;
            }
            if (!Modalities.isKnown(value)) {
                problem(Field.MODALITY, "not a DICOM acquisition modality code; e.g. MR, "
                        + "EEG, CT, US (PS3.3 C.7.3.1.1.1)");
                return null;
            }
            return value;
        }

        /** Patient's Sex: M, F or O (PS3.3 C.7.1.1). */
        String sex() {
            String value = upper(value(Field.PATIENT_SEX));
            if (value != null && !SEXES.contains(value)) {
                problem(Field.PATIENT_SEX, "M, F or O (PS3.3 C.7.1.1), or empty");
                return null;
            }
            return value;
        }

        private boolean codeString(Field field, String value) {
            if (length(value) > CS_MAX) {
                problem(field, tooLong(length(value), CS_MAX, "CS"));
                return false;
            }
            if (!CS.matcher(value).matches()) {
                problem(field, "only letters A-Z, digits, space and underscore (CS, "
                        + "PS3.5 Table 6.2-1)");
                return false;
            }
            return true;
        }

        /** AE (PS3.5 Table 6.2-1): the default repertoire, no backslash, at most 16. */
        String aeTitle(Field field) {
            String value = value(field);
            if (value == null) {
                return null;
            }
            if (!AE.matcher(value).matches()) {
                problem(field, "only ASCII letters, digits, spaces and punctuation other than "
                        + "backslash (AE, PS3.5 Table 6.2-1)");
                return null;
            }
            if (value.length() > AE_MAX) {
                problem(field, tooLong(value.length(), AE_MAX, "AE"));
                return null;
            }
            return value;
        }

        /** {@code YYYY-MM-DD} or {@code YYYYMMDD}, a real calendar date. */
        LocalDate date(Field field) {
            String value = value(field);
            if (value == null) {
                return null;
            }
            DateTimeFormatter form = ISO_DATE.matcher(value).matches() ? ISO
                    : BASIC_DATE.matcher(value).matches() ? BASIC : null;
            if (form == null) {
                problem(field, "write the date as YYYY-MM-DD or YYYYMMDD");
                return null;
            }
            try {
                return LocalDate.parse(value, form);
            } catch (DateTimeException e) {
                problem(field, "no such date");
                return null;
            }
        }

        /** {@code HH:MM} or {@code HH:MM:SS}, 24-hour clock. */
        LocalTime time(Field field) {
            String value = value(field);
            if (value == null) {
                return null;
            }
            Matcher m = TIME.matcher(value);
            if (!m.matches()) {
                problem(field, "write the time as HH:MM or HH:MM:SS (24-hour clock)");
                return null;
            }
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(2));
            int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            if (hour > 23 || minute > 59 || second > 59) {
                problem(field, "no such time of day");
                return null;
            }
            return LocalTime.of(hour, minute, second);
        }

        /** Patient's Weight (DS) in kilograms: above 0, at most 1000, 3 decimals. */
        BigDecimal weight() {
            String value = value(Field.PATIENT_WEIGHT);
            if (value == null) {
                return null;
            }
            if (!DECIMAL.matcher(value).matches()) {
                problem(Field.PATIENT_WEIGHT, "a number of kilograms, e.g. 72.5");
                return null;
            }
            BigDecimal kg = new BigDecimal(value);
            if (kg.signum() <= 0 || kg.compareTo(MAX_WEIGHT_KG) > 0) {
                problem(Field.PATIENT_WEIGHT, "above 0 and at most 1000 kg");
                return null;
            }
            return kg;
        }

        /** LT (PS3.5 Table 6.2-1): at most 10240 characters; tabs and line breaks allowed. */
        String longText(Field field) {
            String raw = input.get(field);
            // Leading spaces of LT are significant; trailing ones are padding.
            String value = raw == null ? "" : raw.stripTrailing();
            if (value.isBlank()) {
                return null;
            }
            if (value.codePoints().anyMatch(cp -> Character.isISOControl(cp)
                    && cp != '\t' && cp != '\n' && cp != '\f' && cp != '\r')) {
                problem(field, "control characters other than tab and line breaks are not "
                        + "allowed (LT, PS3.5 Table 6.2-1)");
                return null;
            }
            if (!LongText.fits(value)) {
                problem(field, tooLong(LongText.length(value), LongText.MAX_CHARACTERS, "LT"));
                return null;
            }
            return value;
        }

        /** A birth date after the step is a typing mistake in one of the two. */
        void birthNotAfterScheduling(WorklistItem item) {
            LocalDate born = item.patientBirthDate();
            LocalDate scheduled = item.scheduledStartDate();
            if (born != null && scheduled != null && born.isAfter(scheduled)
                    && !problems.containsKey(Field.PATIENT_BIRTH_DATE)) {
                problem(Field.PATIENT_BIRTH_DATE, "after the scheduled date");
            }
        }

        private static String upper(String value) {
            return value == null ? null : value.toUpperCase(Locale.ROOT);
        }

        private static int length(String value) {
            return value.codePointCount(0, value.length());
        }

        private static String tooLong(int length, int max, String vr) {
            return "at most " + max + " characters (" + vr + ", PS3.5 Table 6.2-1); "
                    + length + " typed";
        }
    }
}
