package org.lantir.worklist;

import java.util.List;
import org.lantir.dicom.data.Tag;

/**
 * The rows of PS3.4 Table F.7.2-1 (Modality Performed Procedure Step SOP Class N-CREATE, N-SET
 * and final state attributes) that Lantir enforces, and the status terms of PS3.3 C.4.14.
 */
final class MppsAttributes {

    static final String IN_PROGRESS = "IN PROGRESS";
    static final String COMPLETED = "COMPLETED";
    static final String DISCONTINUED = "DISCONTINUED";

    /** N-CREATE Type 1: present with a value. */
    static final List<Integer> CREATE_TYPE_1 = List.of(
            Tag.Modality,
            Tag.PerformedStationAETitle,
            Tag.PerformedProcedureStepStartDate,
            Tag.PerformedProcedureStepStartTime,
            Tag.PerformedProcedureStepStatus,
            Tag.PerformedProcedureStepID,
            Tag.ScheduledStepAttributesSequence);

    /** N-CREATE Type 1 inside each Scheduled Step Attributes Sequence item. */
    static final List<Integer> CREATE_STEP_TYPE_1 = List.of(Tag.StudyInstanceUID);

    /** N-CREATE Type 2: present, possibly empty. Lantir warns when one is absent. */
    static final List<Integer> CREATE_TYPE_2 = List.of(
            Tag.ReferencedPatientSequence,
            Tag.ProcedureCodeSequence,
            Tag.PatientName,
            Tag.PatientID,
            Tag.PatientBirthDate,
            Tag.PatientSex,
            Tag.StudyID,
            Tag.PerformedStationName,
            Tag.PerformedLocation,
            Tag.PerformedProcedureStepEndDate,
            Tag.PerformedProcedureStepEndTime,
            Tag.PerformedProcedureStepDescription,
            Tag.PerformedProcedureTypeDescription,
            Tag.PerformedProtocolCodeSequence,
            Tag.PerformedSeriesSequence);

    /** Type of Patient ID (0010,0022). */
    static final int TYPE_OF_PATIENT_ID = 0x00100022;
    /** Service Episode Description (0038,0062). */
    static final int SERVICE_EPISODE_DESCRIPTION = 0x00380062;
    /** Issuer of Service Episode ID Sequence (0038,0064). */
    static final int ISSUER_OF_SERVICE_EPISODE_ID_SEQUENCE = 0x00380064;

    /** "Not allowed" in N-SET: what the N-CREATE fixed for good (C27). */
    static final List<Integer> NOT_ALLOWED_IN_SET = List.of(
            Tag.Modality,
            Tag.ReferencedPatientSequence,
            Tag.PatientName,
            Tag.PatientID,
            Tag.IssuerOfPatientID,
            TYPE_OF_PATIENT_ID,
            Tag.IssuerOfPatientIDQualifiersSequence,
            Tag.PatientBirthDate,
            Tag.PatientSex,
            Tag.OtherPatientIDsSequence,
            Tag.StudyID,
            Tag.AdmissionID,
            Tag.IssuerOfAdmissionIDSequence,
            Tag.ServiceEpisodeID,
            SERVICE_EPISODE_DESCRIPTION,
            ISSUER_OF_SERVICE_EPISODE_ID_SEQUENCE,
            Tag.PerformedStationAETitle,
            Tag.PerformedStationName,
            Tag.PerformedLocation,
            Tag.PerformedProcedureStepStartDate,
            Tag.PerformedProcedureStepStartTime,
            Tag.PerformedProcedureStepID,
            Tag.ScheduledStepAttributesSequence);

    /** Final state Type 1 (F.7.2.2.2): needed before COMPLETED or DISCONTINUED. */
    static final List<Integer> FINAL_STATE_TYPE_1 = List.of(
            Tag.PerformedProcedureStepEndDate,
            Tag.PerformedProcedureStepEndTime);

    private MppsAttributes() {
    }

    static boolean isFinal(String status) {
        return COMPLETED.equals(status) || DISCONTINUED.equals(status);
    }

    /** The worklist status a Performed Procedure Step status moves its row to. */
    static ProcedureStepStatus worklistStatusOf(String ppsStatus) {
        switch (ppsStatus) {
            case COMPLETED: return ProcedureStepStatus.COMPLETED;
            case DISCONTINUED: return ProcedureStepStatus.DISCONTINUED;
            default: return ProcedureStepStatus.IN_PROGRESS;
        }
    }
}
