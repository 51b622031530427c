package org.lantir.scu;

import java.time.LocalDate;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DateTimes;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.VR;

/**
 * The matching keys of a simulated scanner's worklist query; everything else it asks for is
 * a return key.
 *
 * @param modality Modality key, or null for any
 * @param scheduledDate Scheduled Procedure Step Start Date key as typed: a date or a range,
 *        {@code YYYYMMDD} or {@code YYYY-MM-DD}; null for any
 */
public record WorklistKeys(String modality, String scheduledDate) {

    /** The scanner's usual question: one day's steps, of one modality or of all. */
    public static WorklistKeys on(LocalDate date, String modality) {
        return new WorklistKeys(modality, DateTimes.formatDA(date));
    }

    /** A typical MR console's identifier (PS3.4 Table K.6-1 return keys). */
    Dataset identifier() {
        Dataset id = new Dataset();
        id.setEmpty(Tag.AccessionNumber, VR.SH);
        id.setEmpty(Tag.PatientName, VR.PN);
        id.setEmpty(Tag.PatientID, VR.LO);
        id.setEmpty(Tag.PatientBirthDate, VR.DA);
        id.setEmpty(Tag.PatientSex, VR.CS);
        id.setEmpty(Tag.StudyInstanceUID, VR.UI);
        id.setEmpty(Tag.RequestedProcedureDescription, VR.LO);
        id.setEmpty(Tag.RequestedProcedureID, VR.SH);
        Dataset sps = id.addItem(Tag.ScheduledProcedureStepSequence);
        sps.setString(Tag.Modality, VR.CS, modality == null ? "" : modality);
        sps.setEmpty(Tag.ScheduledStationAETitle, VR.AE);
        sps.setString(Tag.ScheduledProcedureStepStartDate, VR.DA, dateKey());
        sps.setEmpty(Tag.ScheduledProcedureStepStartTime, VR.TM);
        sps.setEmpty(Tag.ScheduledProcedureStepDescription, VR.LO);
        sps.setEmpty(Tag.ScheduledProcedureStepID, VR.SH);
        sps.setEmpty(Tag.ScheduledProcedureStepStatus, VR.CS);
        return id;
    }

    /**
     * The date key as DA wants it (PS3.5 Table 6.2-1): {@code 2025-03-10} and
     * {@code 2025-03-10-2025-03-11} become {@code 20250310} and {@code 20250310-20250311}.
     */
    String dateKey() {
        if (scheduledDate == null) {
            return "";
        }
        return scheduledDate.trim().replaceAll("(\\d{4})-(\\d{2})-(\\d{2})", "$1$2$3");
    }
}
