package org.lantir.sync.folder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.data.VR;
import org.lantir.worklist.LongText;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItem.CodedEntry;
import org.lantir.worklist.WorklistItemValidator;
import org.lantir.worklist.WorklistItemValidator.Field;

/**
 * CSV files of a folder source: the header row names each column after a worklist field
 * ({@link CsvColumn}); every other record is one Scheduled Procedure Step. Values are checked
 * as the console checks typed ones ({@link WorklistItemValidator}: VR lengths and
 * repertoires, real dates and times, known modalities), plus the columns it has no field for
 * (Study Instance UID, the IDs, Requested Procedure Comments).
 *
 * <p>A record with a bad value is skipped with a reason naming file, line, column and what is
 * wrong ({@code bookings.csv:12:3: scheduled_start_date: no such date}), never the value; the
 * others load. A header without a required column, or text that is not in the configured
 * encoding, skips the whole file with one reason.
 *
 * <p>Source keys: the {@code source_key} column when given (unique across the folder, so a
 * row may move between files), else the file's name and a digest of Patient ID, date and
 * time ({@code bookings.csv:1f0c...}): stable when lines move, and free of patient data, as
 * keys appear in logs. Without a {@code source_key}, a line whose date, time or Patient ID
 * changes is a new row (the old one leaves), as the row identity asks.
 */
final class CsvFiles implements FileFormat {

    static final String DEFAULT_GLOB = "*.csv";
    /** A year of bookings is a few megabytes. */
    static final long MAX_FILE_BYTES = 64L << 20;
    private static final int MAX_SOURCE_KEY = 200;
    private static final BigDecimal KG_PER_LB = new BigDecimal("0.45359237");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,5}(\\.\\d{1,4})?");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern BASIC_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    /** HH:MM, HH:MM:SS, and the DICOM TM forms HHMM and HHMMSS. */
    private static final Pattern TIME =
            Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?|(\\d{2})(\\d{2})(\\d{2})?");
    private static final List<CsvColumn> REQUIRED = List.of(CsvColumn.PATIENT_ID,
            CsvColumn.PATIENT_NAME, CsvColumn.SCHEDULED_START_DATE,
            CsvColumn.SCHEDULED_START_TIME);

    private final CsvSettings settings;

    CsvFiles(CsvSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String defaultGlob() {
        return DEFAULT_GLOB;
    }

    @Override
    public long maxFileBytes() {
        return MAX_FILE_BYTES;
    }

    @Override
    public FileRows read(String fileName, byte[] content) {
        String text;
        try {
            text = decode(content, settings.charset());
        } catch (CharacterCodingException e) {
            return FileRows.unreadable(fileName, fileName + ": not " + settings.charset().name()
                    + " text" + where(e) + "; set the source's config.encoding (e.g. "
                    + "\"windows-1252\") or save the file as UTF-8");
        }
        List<CsvParser.Record> records = CsvParser.parse(text, settings.delimiter());
        if (records.isEmpty()) {
            return new FileRows(List.of(), List.of(), List.of(fileName + ": empty"));
        }
        Header header = Header.read(fileName, records.get(0), settings);
        if (header.problem != null) {
            return FileRows.unreadable(fileName, header.problem);
        }
        if (records.size() == 1) {
            return new FileRows(List.of(), List.of(), header.notes);
        }
        List<FileRows.Row> rows = new ArrayList<>();
        List<FileRows.Skip> skips = new ArrayList<>();
        for (CsvParser.Record record : records.subList(1, records.size())) {
            new Line(fileName, header, record).read(rows, skips);
        }
        return new FileRows(rows, skips, header.notes);
    }

    private static String decode(byte[] content, Charset charset)
            throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content)).toString();
    }

    private static String where(CharacterCodingException e) {
        return e instanceof MalformedInputException m ? " (a byte sequence of length "
                + m.getInputLength() + " it cannot read)" : "";
    }

    /** The header row: which column is where. */
    private static final class Header {
        final Map<CsvColumn, Integer> columns = new EnumMap<>(CsvColumn.class);
        final List<String> names = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        String problem;

        static Header read(String fileName, CsvParser.Record record, CsvSettings settings) {
            Header header = new Header();
            String at = fileName + ":" + record.line();
            if (!record.isValid()) {
                header.problem = at + ":" + record.errorColumn() + ": header row: "
                        + record.error();
                return header;
            }
            for (int i = 0; i < record.fields().size(); i++) {
                header.add(at + ":" + (i + 1), record.fields().get(i));
                if (header.problem != null) {
                    return header;
                }
            }
            header.checkRequired(at, settings);
            return header;
        }

        private void add(String at, String cell) {
            names.add(cell.strip());
            if (cell.isBlank()) {
                return;
            }
            CsvColumn column = CsvColumn.byName(cell).orElse(null);
            if (column == null) {
                notes.add(at + ": column '" + cell.strip() + "' is not a worklist field; "
                        + "ignored");
            } else if (columns.putIfAbsent(column, names.size() - 1) != null) {
                problem = at + ": header row: " + column.key + " is named twice";
            }
        }

        private void checkRequired(String at, CsvSettings settings) {
            List<String> missing = new ArrayList<>();
            for (CsvColumn column : REQUIRED) {
                if (!columns.containsKey(column)) {
                    missing.add(column.key);
                }
            }
            if (!columns.containsKey(CsvColumn.MODALITY) && settings.modality() == null) {
                missing.add(CsvColumn.MODALITY.key + " (or the source's config.modality)");
            }
            if (!missing.isEmpty()) {
                problem = at + ": header row: no " + String.join(", ", missing)
                        + " column; the header names " + String.join(", ", names)
                        + " (the first row of a file names its columns)";
            }
        }
    }

    /** One record being read into a row. */
    private final class Line {
        private final String fileName;
        private final Header header;
        private final CsvParser.Record record;
        private final String at;
        private final Map<Field, String> input = new EnumMap<>(Field.class);
        /** Where each validator field's value came from, for the messages. */
        private final Map<Field, String> fedBy = new EnumMap<>(Field.class);
        private final List<String> problems = new ArrayList<>();

        Line(String fileName, Header header, CsvParser.Record record) {
            this.fileName = fileName;
            this.header = header;
            this.record = record;
            this.at = fileName + ":" + record.line();
        }

        void read(List<FileRows.Row> rows, List<FileRows.Skip> skips) {
            if (!record.isValid()) {
                skips.add(new FileRows.Skip(null, at, at + ":" + record.errorColumn() + ": "
                        + record.error()));
                return;
            }
            checkWidth();
            fillInput();
            WorklistItemValidator.Result checked = WorklistItemValidator.check(input, null);
            for (WorklistItemValidator.Problem p : checked.problems()) {
                problems.add(whereOf(p.field()) + ": " + p.message());
            }
            WorklistItem.Builder row = checked.isValid() ? checked.item().toBuilder() : null;
            String key = key();
            WorklistItem item = row == null ? null : complete(row, key);
            if (!problems.isEmpty() || item == null) {
                skips.add(new FileRows.Skip(key, at, String.join("; ", problems)));
                return;
            }
            rows.add(new FileRows.Row(at, item));
        }

        /** A record wider than the header is an error only when the extra fields hold text. */
        private void checkWidth() {
            List<String> fields = record.fields();
            for (int i = header.names.size(); i < fields.size(); i++) {
                if (!fields.get(i).isBlank()) {
                    problems.add(at + ":" + (i + 1) + ": more fields than the header's "
                            + header.names.size() + " columns");
                    return;
                }
            }
        }

        private void fillInput() {
            for (CsvColumn column : CsvColumn.values()) {
                if (column.field == null || column == CsvColumn.PATIENT_WEIGHT_LB) {
                    continue;
                }
                String value = value(column);
                if (value != null && !input.containsKey(column.field)) {
                    feed(column.field, value, columnAt(column));
                }
            }
            pounds();
            fallBack(Field.MODALITY, settings.modality(), "config.modality");
            fallBack(Field.STATION_AE_TITLE, settings.stationAeTitle(),
                    "config.station_ae_title");
            fallBack(Field.STATION_NAME, settings.stationName(), "config.station_name");
            String requested = input.get(Field.REQUESTED_PROCEDURE);
            if (requested == null && value(CsvColumn.PROTOCOL_NAME) != null) {
                feed(Field.REQUESTED_PROCEDURE, value(CsvColumn.PROTOCOL_NAME),
                        columnAt(CsvColumn.PROTOCOL_NAME));
            }
            if (!input.containsKey(Field.STEP_DESCRIPTION) && requested != null) {
                feed(Field.STEP_DESCRIPTION, requested, fedBy.get(Field.REQUESTED_PROCEDURE));
            }
            String time = input.get(Field.SCHEDULED_TIME);
            if (time != null) {
                input.put(Field.SCHEDULED_TIME, normalTime(time));
            }
        }

        private void feed(Field field, String value, String source) {
            input.put(field, value);
            fedBy.put(field, source);
        }

        private void fallBack(Field field, String value, String source) {
            if (!input.containsKey(field) && value != null) {
                feed(field, value, at + ": " + source);
            }
        }

        /** Pounds become kilograms, unless a kilogram column gave the weight. */
        private void pounds() {
            String lb = value(CsvColumn.PATIENT_WEIGHT_LB);
            if (lb == null || input.containsKey(Field.PATIENT_WEIGHT)) {
                return;
            }
            if (!NUMBER.matcher(lb).matches()) {
                problems.add(columnAt(CsvColumn.PATIENT_WEIGHT_LB) + ": a number of pounds, "
                        + "e.g. 92.5");
                return;
            }
            BigDecimal kg = new BigDecimal(lb).multiply(KG_PER_LB)
                    .setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
            feed(Field.PATIENT_WEIGHT, kg.toPlainString(),
                    columnAt(CsvColumn.PATIENT_WEIGHT_LB));
        }

        /** The row the validator built, with what it has no field for. */
        private WorklistItem complete(WorklistItem.Builder row, String key) {
            String uid = value(CsvColumn.STUDY_INSTANCE_UID);
            if (uid != null && !UID.isValid(uid)) {
                problems.add(columnAt(CsvColumn.STUDY_INSTANCE_UID) + ": not a UID (digits "
                        + "and dots, at most 64 characters, PS3.5 §9.1)");
            }
            String comments = record(CsvColumn.REQUESTED_PROCEDURE_COMMENTS);
            if (comments != null && !LongText.fits(comments.stripTrailing())) {
                problems.add(columnAt(CsvColumn.REQUESTED_PROCEDURE_COMMENTS) + ": at most "
                        + LongText.MAX_CHARACTERS + " characters (LT, PS3.5 Table 6.2-1); "
                        + LongText.length(comments.stripTrailing()) + " given");
            }
            String protocol = value(CsvColumn.PROTOCOL_NAME);
            String rpId = shortString(CsvColumn.REQUESTED_PROCEDURE_ID);
            String spsId = shortString(CsvColumn.SPS_ID);
            if (key == null) {
                problems.add(columnAt(CsvColumn.SOURCE_KEY) + ": at most " + MAX_SOURCE_KEY
                        + " characters, without control characters");
            }
            if (!problems.isEmpty()) {
                return null;
            }
            return row.studyInstanceUid(uid)
                    .requestedProcedureComments(comments == null || comments.isBlank() ? null
                            : comments.stripTrailing())
                    .requestedProcedureId(rpId)
                    .spsId(spsId)
                    .protocolCode(protocol == null ? null
                            : new CodedEntry(protocol, settings.protocolScheme(), protocol))
                    .status(ProcedureStepStatus.SCHEDULED)
                    .sourceKey(key)
                    .build();
        }

        /** An ID column: SH, at most 16 characters of one value. */
        private String shortString(CsvColumn column) {
            String value = value(column);
            if (value != null && (value.length() > VR.SH.maxLength()
                    || value.indexOf('\\') >= 0
                    || value.codePoints().anyMatch(Character::isISOControl))) {
                problems.add(columnAt(column) + ": at most " + VR.SH.maxLength()
                        + " characters without backslash or control characters (SH, PS3.5 "
                        + "Table 6.2-1)");
                return null;
            }
            return value;
        }

        /**
         * The row's source key: its {@code source_key}, else file name and a digest of
         * Patient ID, date and time; null when those cannot be read (or the given key is
         * unusable), so that the skip keeps nothing.
         */
        private String key() {
            String own = value(CsvColumn.SOURCE_KEY);
            if (own != null) {
                boolean usable = own.length() <= MAX_SOURCE_KEY
                        && own.codePoints().noneMatch(Character::isISOControl);
                return usable ? own : null;
            }
            String patientId = value(CsvColumn.PATIENT_ID);
            LocalDate date = date(value(CsvColumn.SCHEDULED_START_DATE));
            LocalTime time = time(value(CsvColumn.SCHEDULED_START_TIME));
            if (patientId == null || date == null || time == null) {
                return null;
            }
            return fileName + ":" + digest(patientId + '\0' + date + '\0' + time);
        }

        /** The stripped value of a column, null when empty or absent. */
        private String value(CsvColumn column) {
            String raw = record(column);
            return raw == null || raw.isBlank() ? null : raw.strip();
        }

        /** The field as written, or null when the header has no such column. */
        private String record(CsvColumn column) {
            Integer index = header.columns.get(column);
            List<String> fields = record.fields();
            return index == null || index >= fields.size() ? null : fields.get(index);
        }

        /** The column (or setting) a field's value came from, or its first column. */
        private String whereOf(Field field) {
            String fed = fedBy.get(field);
            if (fed != null) {
                return fed;
            }
            for (CsvColumn column : CsvColumn.values()) {
                if (column.field == field && header.columns.containsKey(column)) {
                    return columnAt(column);
                }
            }
            return at + ": " + field.label();
        }

        private String columnAt(CsvColumn column) {
            Integer index = header.columns.get(column);
            return index == null ? at + ": " + column.key
                    : at + ":" + (index + 1) + ": " + column.key;
        }
    }

    /** {@code HHMM} and {@code HHMMSS} (DICOM TM) as {@code HH:MM:SS}; others as written. */
    static String normalTime(String text) {
        Matcher m = TIME.matcher(text.strip());
        if (m.matches() && m.group(4) != null) {
            return m.group(4) + ":" + m.group(5) + ":" + (m.group(6) == null ? "00"
                    : m.group(6));
        }
        return text;
    }

    /** {@code YYYY-MM-DD} or {@code YYYYMMDD}; null when it is neither or no such date. */
    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ISO_DATE.matcher(text);
        if (!m.matches()) {
            m = BASIC_DATE.matcher(text);
            if (!m.matches()) {
                return null;
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** A time in one of the forms the column takes; null when it is none. */
    static LocalTime time(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = TIME.matcher(normalTime(text));
        if (!m.matches() || m.group(1) == null) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return LocalTime.of(hour, minute, second);
    }

    /** The first 16 hex digits of the SHA-256 of {@code text}. */
    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
