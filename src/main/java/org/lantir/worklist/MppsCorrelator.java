package org.lantir.worklist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DateTimes;
import org.lantir.dicom.data.DicomFormatException;
import org.lantir.dicom.data.Tag;

/**
 * Finds the worklist row an MPPS N-CREATE reports on. In order, and taking a rule's answer
 * only when exactly one row fits it:
 * <ol>
 * <li>each item of the Scheduled Step Attributes Sequence (0040,0270): SPS ID with Requested
 * Procedure ID, then its Study Instance UID, then its Accession Number;</li>
 * <li>a top-level Study Instance UID (the Python tool's own test client puts it there);</li>
 * <li>Patient ID with the PPS Start Date as scheduled date, among rows still SCHEDULED or
 * IN_PROGRESS.</li>
 * </ol>
 * A row whose Patient ID differs from the MPPS's is never taken, whatever the rule: an MPPS
 * that fits nothing stays unmatched rather than land on another participant (C27).
 */
final class MppsCorrelator {

    static final String BY_SCHEDULED_STEP = "scheduled-step";
    static final String BY_STUDY_UID = "study-uid";
    static final String BY_PATIENT_DATE = "patient-date";

    private final WorklistRepository worklist;

    MppsCorrelator(WorklistRepository worklist) {
        this.worklist = worklist;
    }

    /** The row and the rule that found it. */
    record Correlation(WorklistItem item, String matchedBy) {
    }

    Optional<Correlation> correlate(Dataset attrs) {
        String patientId = attrs.getString(Tag.PatientID);
        List<Dataset> steps = attrs.getSequence(Tag.ScheduledStepAttributesSequence);
        for (Dataset step : steps == null ? List.<Dataset>of() : steps) {
            Optional<WorklistItem> row = byScheduledStep(step, patientId);
            if (row.isPresent()) {
                return Optional.of(new Correlation(row.get(), BY_SCHEDULED_STEP));
            }
        }
        String studyUid = attrs.getString(Tag.StudyInstanceUID);
        if (studyUid != null) {
            Optional<WorklistItem> row = single(worklist.findByStudyInstanceUid(studyUid),
                    patientId);
            if (row.isPresent()) {
                return Optional.of(new Correlation(row.get(), BY_STUDY_UID));
            }
        }
        return byPatientAndDate(attrs, patientId)
                .map(row -> new Correlation(row, BY_PATIENT_DATE));
    }

    private Optional<WorklistItem> byScheduledStep(Dataset step, String patientId) {
        String spsId = step.getString(Tag.ScheduledProcedureStepID);
        if (spsId != null) {
            Optional<WorklistItem> row = single(worklist.findBySpsId(spsId,
                    step.getString(Tag.RequestedProcedureID)), patientId);
            if (row.isPresent()) {
                return row;
            }
        }
        String studyUid = step.getString(Tag.StudyInstanceUID);
        if (studyUid != null) {
            Optional<WorklistItem> row = single(worklist.findByStudyInstanceUid(studyUid),
                    patientId);
            if (row.isPresent()) {
                return row;
            }
        }
        String accession = step.getString(Tag.AccessionNumber);
        return accession == null ? Optional.empty()
                : single(worklist.findByAccessionNumber(accession), patientId);
    }

    private Optional<WorklistItem> byPatientAndDate(Dataset attrs, String patientId) {
        LocalDate day;
        try {
            String date = attrs.getString(Tag.PerformedProcedureStepStartDate);
            day = date == null ? null : DateTimes.parseDA(date);
        } catch (DicomFormatException notADate) {
            day = null;
        }
        if (patientId == null || day == null) {
            return Optional.empty();
        }
        WorklistFilter filter = new WorklistFilter(day, day, null, null, patientId,
                EnumSet.of(ProcedureStepStatus.SCHEDULED, ProcedureStepStatus.IN_PROGRESS), 0);
        return single(worklist.find(filter), patientId);
    }

    /** The one candidate that belongs to the same patient, or empty when none or several. */
    private static Optional<WorklistItem> single(List<WorklistItem> candidates,
            String patientId) {
        List<WorklistItem> fitting = new ArrayList<>();
        for (WorklistItem row : candidates) {
            if (samePatient(row, patientId)) {
                fitting.add(row);
            }
        }
        return fitting.size() == 1 ? Optional.of(fitting.get(0)) : Optional.empty();
    }

    private static boolean samePatient(WorklistItem row, String patientId) {
        return patientId == null || row.patientId() == null
                || row.patientId().strip().equals(patientId.strip());
    }
}
