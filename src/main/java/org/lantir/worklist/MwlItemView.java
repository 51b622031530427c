package org.lantir.worklist;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DateTimes;
import org.lantir.dicom.data.Element;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.VR;
import org.lantir.worklist.WorklistItem.CodedEntry;

/**
 * A worklist row as the Modality Worklist information model shows it (PS3.4 Table K.6-1): one
 * data set with every attribute of {@link MwlLevel}, zero-length where the row has no value.
 * Values are formatted for the wire here and only here: DA {@code YYYYMMDD}, TM
 * {@code HHMMSS}, DS at most 16 characters in kilograms and metres, the status as its PS3.3
 * defined term ({@code IN_PROGRESS} as {@code STARTED}), LT comments as stored but for
 * trailing spaces. The attributes a worklist file gave beyond the columns are added as kept
 * ({@link ExtraAttributes}).
 */
final class MwlItemView {

    /** PS3.5 Table 6.2-1: CS is upper case letters, digits, space and underscore. */
    private static final Pattern CS = Pattern.compile("[A-Z0-9 _]{1,16}");
    /** PS3.5 Table 6.2-1: AE is up to 16 characters, no backslash, no control character. */
    private static final Pattern AE = Pattern.compile("[\\x20-\\x5B\\x5D-\\x7E]{1,16}");

    private MwlItemView() {
    }

    /**
     * What keeps a row off the worklist: the Type 1 return keys of Table K.6-1 that it lacks
     * (or holds in a form the VR forbids). Empty when the row may be published (C09, C15).
     */
    static List<String> missingType1(WorklistItem item) {
        List<String> missing = new ArrayList<>();
        require(missing, item.patientName(), "Patient's Name");
        require(missing, item.patientId(), "Patient ID");
        require(missing, item.studyInstanceUid(), "Study Instance UID");
        require(missing, item.requestedProcedureId(), "Requested Procedure ID");
        require(missing, item.spsId(), "Scheduled Procedure Step ID");
        if (item.modality() == null || !CS.matcher(item.modality()).matches()) {
            missing.add("Modality");
        }
        if (item.scheduledStationAeTitle() == null
                || !AE.matcher(item.scheduledStationAeTitle()).matches()
                || item.scheduledStationAeTitle().isBlank()) {
            missing.add("Scheduled Station AE Title");
        }
        if (date(item.scheduledStartDate()) == null) {
            missing.add("SPS Start Date");
        }
        if (item.scheduledStartTime() == null) {
            missing.add("SPS Start Time");
        }
        return missing;
    }

    private static void require(List<String> missing, String value, String name) {
        if (value == null || value.isBlank()) {
            missing.add(name);
        }
    }

    static Dataset toDataset(WorklistItem item) {
        Dataset ds = new Dataset();
        text(ds, Tag.AccessionNumber, VR.SH, item.accessionNumber());
        text(ds, Tag.ReferringPhysicianName, VR.PN, item.referringPhysicianName());
        text(ds, Tag.PatientName, VR.PN, item.patientName());
        text(ds, Tag.PatientID, VR.LO, item.patientId());
        text(ds, Tag.IssuerOfPatientID, VR.LO, item.issuerOfPatientId());
        text(ds, Tag.PatientBirthDate, VR.DA, date(item.patientBirthDate()));
        text(ds, Tag.PatientSex, VR.CS, item.patientSex());
        text(ds, Tag.PatientSize, VR.DS, DecimalStrings.format(item.patientSizeM()));
        text(ds, Tag.PatientWeight, VR.DS, DecimalStrings.format(item.patientWeightKg()));
        longText(ds, Tag.PatientComments, item.patientComments());
        text(ds, Tag.StudyInstanceUID, VR.UI, item.studyInstanceUid());
        text(ds, Tag.RequestedProcedureDescription, VR.LO, requestedProcedureDescription(item));
        code(ds, Tag.RequestedProcedureCodeSequence, item.requestedProcedureCode());
        text(ds, Tag.RequestedProcedureID, VR.SH, item.requestedProcedureId());
        longText(ds, Tag.RequestedProcedureComments, item.requestedProcedureComments());
        Dataset step = scheduledStep(item);
        ds.newSequence(Tag.ScheduledProcedureStepSequence).add(step);
        addExtras(ds, step, item);
        return ds;
    }

    /**
     * Adds the row's extra attributes (from a worklist file) that no column holds, at their
     * level. A code sequence the file gave whole (several codes, or more than the triplet of a
     * code) replaces the one built from the columns while its first code is still the
     * column's: after a hand edit of the code, the column wins.
     */
    private static void addExtras(Dataset ds, Dataset step, WorklistItem item) {
        ExtraAttributes extras = item.extraAttributes();
        if (extras == null) {
            return;
        }
        Dataset kept = extras.dataset();
        Dataset keptStep = kept.getItem(Tag.ScheduledProcedureStepSequence);
        kept.remove(Tag.ScheduledProcedureStepSequence);
        addMissing(ds, kept, MwlLevel.TOP, Tag.RequestedProcedureCodeSequence,
                item.requestedProcedureCode());
        if (keptStep != null) {
            addMissing(step, keptStep, MwlLevel.SCHEDULED_STEP,
                    Tag.ScheduledProtocolCodeSequence, item.protocolCode());
        }
    }

    /**
     * A kept attribute also fills an answer attribute its column left empty: a row kept
     * before the column existed (SPS End Date and Time before schema version 5) still
     * answers the file's value.
     */
    private static void addMissing(Dataset level, Dataset kept, MwlLevel model, int codeTag,
            CodedEntry code) {
        for (Element e : kept) {
            boolean noColumn = model.vrOf(e.tag()) == null;
            boolean sameCode = e.tag() == codeTag && code != null
                    && code.equals(CodedEntry.of(kept.getItem(codeTag)));
            Element answered = level.get(e.tag());
            boolean columnEmpty = !(e.value() instanceof List<?>) && answered != null
                    && !(answered.value() instanceof List<?>) && answered.isEmpty();
            if (noColumn || sameCode || columnEmpty) {
                level.put(e);
            }
        }
    }

    private static Dataset scheduledStep(WorklistItem item) {
        Dataset sps = new Dataset();
        text(sps, Tag.Modality, VR.CS, item.modality());
        text(sps, Tag.ScheduledStationAETitle, VR.AE, item.scheduledStationAeTitle());
        text(sps, Tag.ScheduledProcedureStepStartDate, VR.DA, date(item.scheduledStartDate()));
        text(sps, Tag.ScheduledProcedureStepStartTime, VR.TM, time(item.scheduledStartTime()));
        text(sps, Tag.ScheduledProcedureStepEndDate, VR.DA, date(item.scheduledEndDate()));
        text(sps, Tag.ScheduledProcedureStepEndTime, VR.TM, time(item.scheduledEndTime()));
        text(sps, Tag.ScheduledPerformingPhysicianName, VR.PN, item.performingPhysicianName());
        text(sps, Tag.ScheduledProcedureStepDescription, VR.LO, stepDescription(item));
        code(sps, Tag.ScheduledProtocolCodeSequence, item.protocolCode());
        text(sps, Tag.ScheduledProcedureStepID, VR.SH, item.spsId());
        text(sps, Tag.ScheduledStationName, VR.SH, item.scheduledStationName());
        text(sps, Tag.ScheduledProcedureStepStatus, VR.CS, item.status().dicomTerm());
        longText(sps, Tag.CommentsOnTheScheduledProcedureStep, item.spsComments());
        return sps;
    }

    /**
     * Requested Procedure Description is Type 1C (with its code sequence); when the source
     * gave none, the code's meaning or the step's own description says the same thing.
     */
    private static String requestedProcedureDescription(WorklistItem item) {
        return firstText(item.requestedProcedureDescription(),
                meaning(item.requestedProcedureCode()), item.spsDescription(),
                meaning(item.protocolCode()));
    }

    /** SPS Description is Type 1C with the protocol code sequence (PS3.4 Table K.6-1). */
    private static String stepDescription(WorklistItem item) {
        return firstText(item.spsDescription(), meaning(item.protocolCode()),
                item.requestedProcedureDescription());
    }

    private static String meaning(CodedEntry code) {
        return code == null ? null : code.meaning();
    }

    private static String firstText(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * A code item (PS3.3 Table 8.8-1): a value longer than the 16 characters of Code Value
     * (SH) goes into Long Code Value (0008,0119) instead (PS3.3 §8.8, C15).
     */
    private static void code(Dataset ds, int sequenceTag, CodedEntry code) {
        List<Dataset> items = ds.newSequence(sequenceTag);
        if (code == null || code.value() == null || code.value().isBlank()) {
            return;
        }
        Dataset item = new Dataset();
        if (code.value().length() <= VR.SH.maxLength()) {
            item.setString(Tag.CodeValue, VR.SH, code.value());
        } else {
            item.setString(Tag.LongCodeValue, VR.UC, code.value());
        }
        text(item, Tag.CodingSchemeDesignator, VR.SH, code.schemeDesignator());
        text(item, Tag.CodeMeaning, VR.LO, code.meaning());
        items.add(item);
    }

    private static void text(Dataset ds, int tag, VR vr, String value) {
        ds.setString(tag, vr, value == null ? "" : value.strip());
    }

    /**
     * An LT value keeps its leading spaces, which are significant, and loses only trailing
     * ones, which are padding (PS3.5 Table 6.2-1). Its length was checked when it came in
     * ({@link LongText}); it is never cut here.
     */
    private static void longText(Dataset ds, int tag, String value) {
        ds.setString(tag, VR.LT, value == null ? "" : value.stripTrailing());
    }

    /**
     * DA {@code YYYYMMDD}; null for none, and for a year DA cannot write (a typo in the
     * source), so that one bad row is a missing value rather than a failed query.
     */
    private static String date(LocalDate date) {
        if (date == null || date.getYear() < 0 || date.getYear() > 9999) {
            return null;
        }
        return DateTimes.formatDA(date);
    }

    /** TM {@code HHMMSS}, with {@code .FFFFFF} when the time has a fraction. */
    private static String time(LocalTime time) {
        return time == null ? null : DateTimes.formatTM(time);
    }
}
