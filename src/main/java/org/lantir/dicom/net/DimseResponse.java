package org.lantir.dicom.net;

import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;

/**
 * A final DIMSE response as an SCU receives it (PS3.7 §9.3, §10.3).
 *
 * @param status Status (0000,0900)
 * @param command the whole response command set
 * @param dataset the response data set, or null
 */
public record DimseResponse(int status, Dataset command, Dataset dataset) {

    public boolean isSuccess() {
        return status == Status.SUCCESS;
    }

    /** Error Comment (0000,0902), or null. */
    public String errorComment() {
        return command.getString(Tag.ErrorComment);
    }

    /** Affected SOP Instance UID (0000,1000), e.g. the UID an N-CREATE SCP assigned. */
    public String affectedSopInstanceUid() {
        return command.getString(Tag.AffectedSOPInstanceUID);
    }

    @Override
    public String toString() {
        return "DimseResponse[status " + Status.toHex(status) + "]";
    }
}
