package org.lantir.dicom.net;

import java.io.IOException;
import org.lantir.dicom.net.pdu.AAbort;

/**
 * The association ended before the operation finished: an A-ABORT (PS3.8 §9.3.8) or a lost
 * connection.
 */
public class AssociationAbortedException extends IOException {

    private final AAbort abort;

    /**
     * @param abort the A-ABORT received or sent, or null when the connection was lost
     */
    public AssociationAbortedException(String message, AAbort abort) {
        super(message);
        this.abort = abort;
    }

    /** The A-ABORT, or null when the connection closed without one. */
    public AAbort abort() {
        return abort;
    }
}
