package org.lantir.scu;

import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;

/**
 * One worklist item as the server answered it, each value as the text it sent ({@code ""}
 * when empty or absent): dates {@code YYYYMMDD}, times {@code HHMMSS}, names in DICOM form.
 */
public record WorklistAnswer(String scheduledDate, String scheduledTime, String patientName,
        String patientId, String modality, String scheduledStationAeTitle, String spsStatus,
        String studyInstanceUid, String accessionNumber, String requestedProcedureDescription,
        String spsDescription) {

    /** Reads a C-FIND response identifier. */
    public static WorklistAnswer of(Dataset match) {
        Dataset sps = match.getItem(Tag.ScheduledProcedureStepSequence);
        Dataset step = sps == null ? new Dataset() : sps;
        return new WorklistAnswer(
                text(step, Tag.ScheduledProcedureStepStartDate),
                text(step, Tag.ScheduledProcedureStepStartTime),
                text(match, Tag.PatientName),
                text(match, Tag.PatientID),
                text(step, Tag.Modality),
                text(step, Tag.ScheduledStationAETitle),
                text(step, Tag.ScheduledProcedureStepStatus),
                text(match, Tag.StudyInstanceUID),
                text(match, Tag.AccessionNumber),
                text(match, Tag.RequestedProcedureDescription),
                text(step, Tag.ScheduledProcedureStepDescription));
    }

    private static String text(Dataset ds, int tag) {
        String text = ds.getText(tag);
        return text == null ? "" : text;
    }
}
