package org.lantir.sync.folder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DateTimes;
import org.lantir.dicom.data.DicomFile;
import org.lantir.dicom.data.DicomFormatException;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.data.VR;
import org.lantir.worklist.ExtraAttributes;
import org.lantir.worklist.LongText;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItem.CodedEntry;
import org.lantir.worklist.WorklistItemValidator;
import org.lantir.worklist.WorklistItemValidator.Field;

/**
 * DICOM worklist files, as dcmtk's {@code wlmscpfs} and Orthanc's worklists plugin serve
 * them: one data set per file ({@link DicomFile}: a DICOM file or a bare data set), holding
 * the patient, request and requested procedure attributes and a Scheduled Procedure Step
 * Sequence (0040,0100). Each item of that sequence becomes one worklist row, keyed
 * {@code <file name>#<item number>}; every attribute the row has no column for is kept
 * ({@link ExtraAttributes#beyondColumns}) and answered back by a C-FIND, so a site moving
 * from those servers keeps what its files say.
 *
 * <p>The values that fill columns are checked as typed ones are
 * ({@link WorklistItemValidator}); an item with a bad or missing required value (no
 * Scheduled Procedure Step Start Date, a modality that is not one) is skipped with a reason
 * naming the file, the item and the attribute; a bad optional value (a weight of 0) is left
 * out with a note, the row kept. A file that is no data set is skipped whole.
 * The file's Scheduled Procedure Step Status is not taken: a new row is SCHEDULED, and MPPS
 * moves it on.
 */
final class WorklistFiles implements FileFormat {

    static final String DEFAULT_GLOB = "*.wl";
    /** A worklist file is a few kilobytes. */
    static final long MAX_FILE_BYTES = 4L << 20;

    private final WorklistFileSettings settings;

    WorklistFiles(WorklistFileSettings settings) {
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
        Dataset top;
        try {
            top = DicomFile.read(content, settings.defaultCharset()).dataset();
        } catch (DicomFormatException e) {
            return FileRows.unreadable(fileName, fileName + ": not a DICOM worklist file: "
                    + e.getMessage());
        } catch (IllegalArgumentException e) {
            // A value the reader cannot decode, e.g. an unknown character set.
            return FileRows.unreadable(fileName, fileName
                    + ": not a readable DICOM worklist file: "
                    + e.getMessage());
        }
        List<Dataset> steps = top.getSequence(Tag.ScheduledProcedureStepSequence);
        if (steps == null || steps.isEmpty()) {
            return FileRows.unreadable(fileName, fileName
                    + ": no Scheduled Procedure Step Sequence "
                    + "(0040,0100) item; nothing to schedule");
        }
        List<FileRows.Row> rows = new ArrayList<>();
        List<FileRows.Skip> skips = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            new Entry(fileName, i + 1, top, steps.get(i)).read(rows, skips, notes);
        }
        return new FileRows(rows, skips, notes);
    }

    /** One Scheduled Procedure Step item of a file, with the file's top level. */
    private final class Entry {
        private final Dataset top;
        private final Dataset step;
        private final String at;
        private final String key;
        private final List<String> problems = new ArrayList<>();

        Entry(String fileName, int number, Dataset top, Dataset step) {
            this.top = top;
            this.step = step;
            this.at = fileName + " item " + number;
            this.key = fileName + "#" + number;
        }

        void read(List<FileRows.Row> rows, List<FileRows.Skip> skips, List<String> notes) {
            Map<Field, String> input = input(notes);
            WorklistItemValidator.Result checked = WorklistItemValidator.check(input, null);
            if (!checked.isValid() && checked.problems().stream()
                    .noneMatch(p -> p.field().required())) {
                // An odd optional value (a weight of 0) costs the value, not the row.
                for (WorklistItemValidator.Problem p : checked.problems()) {
                    notes.add(at + ": " + p.field().attribute() + ": " + p.message()
                            + "; left out");
                    input.remove(p.field());
                }
                checked = WorklistItemValidator.check(input, null);
            }
            for (WorklistItemValidator.Problem p : checked.problems()) {
                problems.add(p.field().attribute() + ": " + p.message());
            }
            WorklistItem item = checked.isValid()
                    ? complete(checked.item().toBuilder(), notes) : null;
            if (item == null) {
                skips.add(new FileRows.Skip(key, at, at + ": " + String.join("; ", problems)));
                return;
            }
            rows.add(new FileRows.Row(at, item));
        }

        /** The values the validator checks, in the forms it reads. */
        private Map<Field, String> input(List<String> notes) {
            Map<Field, String> in = new EnumMap<>(Field.class);
            put(in, Field.PATIENT_NAME, top.getText(Tag.PatientName));
            put(in, Field.PATIENT_ID, top.getText(Tag.PatientID));
            put(in, Field.PATIENT_BIRTH_DATE, top.getText(Tag.PatientBirthDate));
            put(in, Field.PATIENT_SEX, top.getText(Tag.PatientSex));
            put(in, Field.PATIENT_WEIGHT, decimal(top.getText(Tag.PatientWeight)));
            put(in, Field.ACCESSION_NUMBER, top.getText(Tag.AccessionNumber));
            put(in, Field.REFERRING_PHYSICIAN, top.getText(Tag.ReferringPhysicianName));
            put(in, Field.REQUESTED_PROCEDURE, top.getText(Tag.RequestedProcedureDescription));
            put(in, Field.PATIENT_COMMENTS, top.getText(Tag.PatientComments));
            put(in, Field.MODALITY, or(step.getText(Tag.Modality), settings.modality()));
            put(in, Field.STATION_AE_TITLE, or(station(notes), settings.stationAeTitle()));
            put(in, Field.STATION_NAME, step.getText(Tag.ScheduledStationName));
            put(in, Field.SCHEDULED_DATE, step.getText(Tag.ScheduledProcedureStepStartDate));
            put(in, Field.SCHEDULED_TIME, time(step.getText(
                    Tag.ScheduledProcedureStepStartTime)));
            put(in, Field.STEP_DESCRIPTION, step.getText(
                    Tag.ScheduledProcedureStepDescription));
            put(in, Field.PERFORMING_PHYSICIAN, step.getText(
                    Tag.ScheduledPerformingPhysicianName));
            put(in, Field.STEP_COMMENTS, step.getText(
                    Tag.CommentsOnTheScheduledProcedureStep));
            return in;
        }

        /** Scheduled Station AE Title; of several (AE is multi-valued), the first. */
        private String station(List<String> notes) {
            String[] stations = step.getStrings(Tag.ScheduledStationAETitle);
            if (stations.length > 1) {
                notes.add(at + ": " + stations.length + " Scheduled Station AE Titles; the row "
                        + "goes to the first, " + stations[0]);
            }
            return stations.length == 0 ? null : stations[0];
        }

        /** The validated row, with what the validator has no field for, or null. */
        private WorklistItem complete(WorklistItem.Builder row, List<String> notes) {
            String uid = top.getString(Tag.StudyInstanceUID);
            if (uid != null && !UID.isValid(uid)) {
                problems.add("Study Instance UID (0020,000D): not a UID (PS3.5 §9.1)");
            }
            String comments = top.getText(Tag.RequestedProcedureComments);
            if (comments != null && !LongText.fits(comments)) {
                problems.add("Requested Procedure Comments (0040,1400): at most "
                        + LongText.MAX_CHARACTERS + " characters (LT, PS3.5 Table 6.2-1)");
            }
            String issuer = text(top, Tag.IssuerOfPatientID, VR.LO,
                    "Issuer of Patient ID (0010,0021)");
            String rpId = text(top, Tag.RequestedProcedureID, VR.SH,
                    "Requested Procedure ID (0040,1001)");
            String spsId = text(step, Tag.ScheduledProcedureStepID, VR.SH,
                    "Scheduled Procedure Step ID (0040,0009)");
            BigDecimal size = size();
            ExtraAttributes extras = extras();
            if (!problems.isEmpty()) {
                return null;
            }
            return row.studyInstanceUid(uid)
                    .issuerOfPatientId(issuer)
                    .patientSizeM(size)
                    .requestedProcedureId(rpId)
                    .requestedProcedureCode(CodedEntry.of(
                            top.getItem(Tag.RequestedProcedureCodeSequence)))
                    .requestedProcedureComments(blankToNull(comments))
                    .spsId(spsId)
                    .protocolCode(CodedEntry.of(step.getItem(
                            Tag.ScheduledProtocolCodeSequence)))
                    .scheduledEndDate(endDate(notes))
                    .scheduledEndTime(endTime(notes))
                    .extraAttributes(extras)
                    .status(ProcedureStepStatus.SCHEDULED)
                    .sourceKey(key)
                    .build();
        }

        /** SPS End Date (0040,0004); one that is no DA costs the value, not the row. */
        private LocalDate endDate(List<String> notes) {
            String value = step.getText(Tag.ScheduledProcedureStepEndDate);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return DateTimes.parseDA(value.strip());
            } catch (DicomFormatException e) {
                notes.add(at + ": Scheduled Procedure Step End Date (0040,0004): not a DA "
                        + "(YYYYMMDD); left out");
                return null;
            }
        }

        /** SPS End Time (0040,0005) to the second, as the start time is kept. */
        private LocalTime endTime(List<String> notes) {
            String value = step.getText(Tag.ScheduledProcedureStepEndTime);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return DateTimes.parseTM(value.strip()).truncatedTo(ChronoUnit.SECONDS);
            } catch (DicomFormatException e) {
                notes.add(at + ": Scheduled Procedure Step End Time (0040,0005): not a TM "
                        + "(HHMMSS); left out");
                return null;
            }
        }

        /** A single short text value within its VR's length, or null. */
        private String text(Dataset level, int tag, VR vr, String name) {
            String value = level.getText(tag);
            if (value == null || value.isBlank()) {
                return null;
            }
            if (value.length() > vr.maxLength() || value.indexOf('\\') >= 0) {
                problems.add(name + ": one value of at most " + vr.maxLength()
                        + " characters (" + vr + ", PS3.5 Table 6.2-1)");
                return null;
            }
            return value.strip();
        }

        /** Patient's Size (0010,1020) in metres. */
        private BigDecimal size() {
            String value = decimal(top.getText(Tag.PatientSize));
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                BigDecimal metres = new BigDecimal(value);
                if (metres.signum() > 0 && metres.compareTo(BigDecimal.TEN) < 0) {
                    return metres;
                }
            } catch (NumberFormatException e) {
                // Reported below.
            }
            problems.add("Patient's Size (0010,1020): a number of metres above 0");
            return null;
        }

        private ExtraAttributes extras() {
            try {
                return ExtraAttributes.beyondColumns(top, step);
            } catch (IllegalArgumentException e) {
                problems.add("its other attributes cannot be kept: " + e.getMessage());
                return null;
            }
        }
    }

    private static void put(Map<Field, String> input, Field field, String value) {
        if (value != null && !value.isBlank()) {
            input.put(field, value);
        }
    }

    /**
     * A TM value (PS3.5 Table 6.2-1: {@code HH}, {@code HHMM}, {@code HHMMSS}, with an
     * optional fraction, or the old {@code HH:MM:SS}) in the validator's {@code HH:MM:SS};
     * the fraction is dropped, a console schedules by the minute. Anything else is passed
     * on for the validator to refuse.
     */
    static String time(String tm) {
        if (tm == null) {
            return null;
        }
        String t = tm.strip();
        int dot = t.indexOf('.');
        String whole = dot >= 0 ? t.substring(0, dot) : t;
        if (whole.matches("\\d{2}(\\d{2}(\\d{2})?)?")) {
            String hh = whole.substring(0, 2);
            String mm = whole.length() >= 4 ? whole.substring(2, 4) : "00";
            String ss = whole.length() == 6 ? whole.substring(4, 6) : "00";
            return hh + ":" + mm + ":" + ss;
        }
        return dot >= 0 && whole.matches("\\d{1,2}:\\d{2}:\\d{2}") ? whole : t;
    }

    /** A DS value as plain decimal text ({@code 4.15E1} as {@code 41.5}), else as given. */
    static String decimal(String ds) {
        if (ds == null || ds.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(ds.strip()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return ds;
        }
    }

    private static String or(String value, String fallback) {
        return value != null && !value.isBlank() ? value : fallback;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.stripTrailing();
    }
}
