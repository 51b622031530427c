package org.lantir.dicom.net.pdu;

/**
 * A-ABORT PDU (PS3.8 §9.3.8, Table 9-26): source and reason/diagnostic.
 *
 * <pre>
 * offset  size  field
 *   0      1    PDU-type 07H
 *   1      1    reserved
 *   2      4    PDU-length = 4
 *   6      2    reserved
 *   8      1    Source
 *   9      1    Reason/Diag. (significant only for the service-provider source)
 * </pre>
 */
public record AAbort(int source, int reason) implements PDU {

    /** Source 0: DICOM UL service-user (initiated abort). */
    public static final int SOURCE_SERVICE_USER = 0;
    /** Source 2: DICOM UL service-provider (initiated abort). */
    public static final int SOURCE_SERVICE_PROVIDER = 2;

    /** Reason 0: reason-not-specified. */
    public static final int REASON_NOT_SPECIFIED = 0;
    /** Reason 1: unrecognized-PDU. */
    public static final int UNRECOGNIZED_PDU = 1;
    /** Reason 2: unexpected-PDU. */
    public static final int UNEXPECTED_PDU = 2;
    /** Reason 4: unrecognized-PDU parameter. */
    public static final int UNRECOGNIZED_PDU_PARAMETER = 4;
    /** Reason 5: unexpected-PDU parameter. */
    public static final int UNEXPECTED_PDU_PARAMETER = 5;
    /** Reason 6: invalid-PDU-parameter value. */
    public static final int INVALID_PDU_PARAMETER_VALUE = 6;

    /** An abort the local service user asks for (PS3.8 §7.3.1: reason not significant). */
    public static AAbort byServiceUser() {
        return new AAbort(SOURCE_SERVICE_USER, REASON_NOT_SPECIFIED);
    }

    /** An abort by the service provider with the given reason. */
    public static AAbort byServiceProvider(int reason) {
        return new AAbort(SOURCE_SERVICE_PROVIDER, reason);
    }

    public boolean isServiceProvider() {
        return source == SOURCE_SERVICE_PROVIDER;
    }

    @Override
    public int type() {
        return A_ABORT;
    }

    /** Source and reason in the standard's words. */
    @Override
    public String toString() {
        String src = source == SOURCE_SERVICE_USER ? "service-user"
                : source == SOURCE_SERVICE_PROVIDER ? "service-provider" : "reserved";
        return "source " + source + " (" + src + "), reason " + reason + " ("
                + reasonName(reason) + ")";
    }

    private static String reasonName(int reason) {
        switch (reason) {
            case REASON_NOT_SPECIFIED: return "reason-not-specified";
            case UNRECOGNIZED_PDU: return "unrecognized-PDU";
            case UNEXPECTED_PDU: return "unexpected-PDU";
            case UNRECOGNIZED_PDU_PARAMETER: return "unrecognized-PDU parameter";
            case UNEXPECTED_PDU_PARAMETER: return "unexpected-PDU parameter";
            case INVALID_PDU_PARAMETER_VALUE: return "invalid-PDU-parameter value";
            default: return "reserved";
        }
    }
}
