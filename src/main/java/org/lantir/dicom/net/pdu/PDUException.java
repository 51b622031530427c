package org.lantir.dicom.net.pdu;

/**
 * A received PDU that cannot be accepted: unrecognized, truncated, too long, or with a bad
 * parameter. It carries the A-ABORT (service-provider source and reason, PS3.8 Table 9-26)
 * the state machine sends for it (event Evt19, PS3.8 Table 9-10).
 */
public class PDUException extends Exception {

    private final int reason;

    public PDUException(int reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** The A-ABORT reason/diagnostic (PS3.8 Table 9-26). */
    public int reason() {
        return reason;
    }

    /** The A-ABORT PDU to send: service-provider source with this reason. */
    public AAbort abort() {
        return AAbort.byServiceProvider(reason);
    }
}
