package org.lantir.testing;

import java.time.LocalDate;
import java.time.LocalTime;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;

/** The MPPS messages of the case log (inputs/C2x-*.dump) and the row they report on. */
public final class MppsMessages {

    public static final String STUDY_UID = "2.25.111000000000000000001";

    private MppsMessages() {
    }

    /** The worklist row SPS-SUB001-1 that the C23-C27 messages name. */
    public static WorklistItem sub001() {
        return WorklistItem.builder().patientName("DOE^JANE").patientId("SUB001")
                .patientBirthDate(LocalDate.of(1990, 1, 1)).patientSex("F")
                .accessionNumber("SUB001S1").requestedProcedureId("RP-SUB001-1")
                .requestedProcedureDescription("BRAIN MRI RESEARCH").studyInstanceUid(STUDY_UID)
                .spsId("SPS-SUB001-1").modality("MR").scheduledStationAeTitle("MRI_3T")
                .scheduledStartDate(LocalDate.of(2025, 2, 12))
                .scheduledStartTime(LocalTime.of(9, 0)).spsDescription("BRAIN_MRI_3T")
                .status(ProcedureStepStatus.SCHEDULED).build();
    }

    /** inputs/C24-ncreate-valid.dump (also C23-ncreate-attrs and C25-ncreate). */
    public static Dataset nCreate() {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, "ISO_IR 100");
        ds.setString(Tag.Modality, "MR");
        ds.newSequence(Tag.ProcedureCodeSequence);
        ds.newSequence(Tag.ReferencedPatientSequence);
        ds.setString(Tag.PatientName, "DOE^JANE");
        ds.setString(Tag.PatientID, "SUB001");
        ds.setString(Tag.PatientBirthDate, "19900101");
        ds.setString(Tag.PatientSex, "F");
        ds.setString(Tag.StudyID, "S1");
        ds.setString(Tag.PerformedStationAETitle, "MRI_3T");
        ds.setString(Tag.PerformedStationName, "MR3T_CONSOLE");
        ds.setString(Tag.PerformedLocation, "MRI ROOM 1");
        ds.setString(Tag.PerformedProcedureStepStartDate, "20250212");
        ds.setString(Tag.PerformedProcedureStepStartTime, "091503");
        Identifiers.empty(ds, Tag.PerformedProcedureStepEndDate,
                Tag.PerformedProcedureStepEndTime, Tag.PerformedProcedureTypeDescription);
        ds.setString(Tag.PerformedProcedureStepStatus, "IN PROGRESS");
        ds.setString(Tag.PerformedProcedureStepID, "PPS0001");
        ds.setString(Tag.PerformedProcedureStepDescription, "BRAIN RESEARCH PROTOCOL");
        ds.newSequence(Tag.PerformedProtocolCodeSequence);
        Dataset step = ds.addItem(Tag.ScheduledStepAttributesSequence);
        step.setString(Tag.AccessionNumber, "SUB001S1");
        step.newSequence(Tag.ReferencedStudySequence);
        step.setString(Tag.StudyInstanceUID, STUDY_UID);
        step.setString(Tag.RequestedProcedureDescription, "BRAIN MRI RESEARCH");
        step.setString(Tag.ScheduledProcedureStepDescription, "BRAIN_MRI_3T");
        step.newSequence(Tag.ScheduledProtocolCodeSequence);
        step.setString(Tag.ScheduledProcedureStepID, "SPS-SUB001-1");
        step.setString(Tag.RequestedProcedureID, "RP-SUB001-1");
        ds.newSequence(Tag.PerformedSeriesSequence);
        return ds;
    }

    /** inputs/C25-nset-completed.dump */
    public static Dataset nSetCompleted() {
        Dataset ds = new Dataset();
        ds.setString(Tag.PerformedProcedureStepEndDate, "20250212");
        ds.setString(Tag.PerformedProcedureStepEndTime, "100212");
        ds.setString(Tag.PerformedProcedureStepStatus, "COMPLETED");
        ds.addItem(Tag.PerformedSeriesSequence).putAll(series("T1_MPRAGE",
                "2.25.111000000000000000001001"));
        return ds;
    }

    /** inputs/C25-nset-inprogress-sparse.dump */
    public static Dataset nSetInProgressSparse() {
        Dataset ds = new Dataset();
        ds.setString(Tag.PerformedProcedureStepStatus, "IN PROGRESS");
        ds.addItem(Tag.PerformedSeriesSequence).putAll(series("LOCALIZER",
                "2.25.111000000000000000001000001"));
        return ds;
    }

    /** inputs/C27-nset-change-patient.dump */
    public static Dataset nSetChangePatient() {
        Dataset ds = new Dataset();
        ds.setString(Tag.PatientName, "DOE^JANET");
        ds.setString(Tag.PatientID, "SUB001X");
        ds.setString(Tag.PerformedProcedureStepStartDate, "20250212");
        ds.setString(Tag.PerformedProcedureStepEndDate, "20250212");
        ds.setString(Tag.PerformedProcedureStepEndTime, "100212");
        ds.setString(Tag.PerformedProcedureStepStatus, "COMPLETED");
        return ds;
    }

    private static Dataset series(String description, String seriesUid) {
        Dataset item = new Dataset();
        item.setString(Tag.RetrieveAETitle, "RESEARCH_PACS");
        item.setString(Tag.SeriesDescription, description);
        Identifiers.empty(item, Tag.PerformingPhysicianName);
        item.setString(Tag.OperatorsName, "TECH^ALEX");
        item.newSequence(Tag.ReferencedImageSequence);
        item.setString(Tag.ProtocolName, description);
        item.setString(Tag.SeriesInstanceUID, seriesUid);
        item.newSequence(Tag.ReferencedNonImageCompositeSOPInstanceSequence);
        return item;
    }
}
