package org.lantir.scu;

import org.lantir.dicom.net.DimseResponse;
import org.lantir.dicom.net.Status;

/**
 * The final answer to one DIMSE request.
 *
 * @param status Status (0000,0900)
 * @param errorComment Error Comment (0000,0902), or null
 * @param affectedSopInstanceUid Affected SOP Instance UID (0000,1000), or null
 */
public record DimseReply(int status, String errorComment, String affectedSopInstanceUid) {

    public static DimseReply of(DimseResponse response) {
        return new DimseReply(response.status(), response.errorComment(),
                response.affectedSopInstanceUid());
    }

    public boolean isSuccess() {
        return status == Status.SUCCESS;
    }

    /** Success or a warning: the SCP did what was asked (PS3.7 Annex C). */
    public boolean isPerformed() {
        return isSuccess() || Status.isWarning(status);
    }

    /** E.g. {@code "0x0110 Processing failure: Step is COMPLETED and may no longer ..."}. */
    public String describe() {
        String words = Status.describe(status);
        return errorComment == null || errorComment.isBlank() ? words
                : words + ": " + errorComment.strip();
    }
}
