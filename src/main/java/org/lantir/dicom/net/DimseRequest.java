package org.lantir.dicom.net;

import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.TransferSyntax;

/**
 * One DIMSE request as a service sees it (PS3.7 §9.1, §10.1): the decoded command set, the
 * data set decoded in the presentation context's transfer syntax (null when the command has
 * none), and the association it arrived on.
 */
public interface DimseRequest {

    AssociationInfo association();

    int presentationContextId();

    TransferSyntax transferSyntax();

    /** Command Field (0000,0100), e.g. {@link Dimse#C_FIND_RQ}. */
    int commandField();

    /** Message ID (0000,0110). */
    int messageId();

    /** Affected (or, for N-SET, Requested) SOP Class UID. */
    String sopClassUid();

    /** Affected (N-CREATE) or Requested (N-SET) SOP Instance UID; null when absent. */
    String sopInstanceUid();

    Dataset command();

    Dataset dataset();

    /** Whether a C-CANCEL-RQ for this message has arrived (PS3.7 §9.3.2.3). */
    boolean isCancelled();
}
