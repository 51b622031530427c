package org.lantir.scu;

import org.lantir.dicom.data.DateTimes;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItem.CodedEntry;

/**
 * What a modality copies from the worklist item it starts into its MPPS N-CREATE: the
 * patient, and the Scheduled Step Attributes Sequence (0040,0270) that tells the MPPS SCP
 * which scheduled step was performed (PS3.4 F.7.2, Table F.7.2-1). Null values go out as
 * empty Type 2 attributes.
 *
 * @param patientBirthDate as DA text, {@code YYYYMMDD}
 * @param modality the Modality of the performed step
 */
public record MppsStep(String studyInstanceUid, String accessionNumber,
        String requestedProcedureId, String requestedProcedureDescription, String spsId,
        String spsDescription, CodedEntry requestedProcedureCode, CodedEntry protocolCode,
        String patientName, String patientId, String patientBirthDate, String patientSex,
        String modality) {

    /** The modality a step is reported with when nothing else says. */
    public static final String DEFAULT_MODALITY = "MR";

    /**
     * Only a Study Instance UID, as the command line's {@code test-mpps} sends it: the SCP
     * then finds the row by that UID alone.
     */
    public static MppsStep forStudy(String studyInstanceUid, String modality) {
        return new MppsStep(studyInstanceUid, null, null, null, null, null, null, null, null,
                null, null, null, modality);
    }

    /** Everything a conformant modality copies from the worklist item {@code row}. */
    public static MppsStep of(WorklistItem row) {
        String modality = row.modality() == null || row.modality().isBlank()
                ? DEFAULT_MODALITY : row.modality();
        return new MppsStep(row.studyInstanceUid(), row.accessionNumber(),
                row.requestedProcedureId(), row.requestedProcedureDescription(), row.spsId(),
                row.spsDescription(), row.requestedProcedureCode(), row.protocolCode(),
                row.patientName(), row.patientId(),
                row.patientBirthDate() == null ? null : DateTimes.formatDA(row.patientBirthDate()),
                row.patientSex(), modality);
    }
}
