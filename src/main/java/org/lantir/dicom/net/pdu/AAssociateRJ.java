package org.lantir.dicom.net.pdu;

/**
 * A-ASSOCIATE-RJ PDU (PS3.8 §9.3.4, Table 9-21): result, source and reason/diagnostic.
 *
 * <pre>
 * offset  size  field
 *   0      1    PDU-type 03H
 *   1      1    reserved
 *   2      4    PDU-length = 4
 *   6      1    reserved
 *   7      1    Result
 *   8      1    Source
 *   9      1    Reason/Diag.
 * </pre>
 */
public record AAssociateRJ(int result, int source, int reason) implements PDU {

    /** Result 1: rejected-permanent. */
    public static final int REJECTED_PERMANENT = 1;
    /** Result 2: rejected-transient. */
    public static final int REJECTED_TRANSIENT = 2;

    /** Source 1: DICOM UL service-user. */
    public static final int SOURCE_SERVICE_USER = 1;
    /** Source 2: DICOM UL service-provider (ACSE related function). */
    public static final int SOURCE_SERVICE_PROVIDER_ACSE = 2;
    /** Source 3: DICOM UL service-provider (Presentation related function). */
    public static final int SOURCE_SERVICE_PROVIDER_PRESENTATION = 3;

    /** Source 1, reason 1: no-reason-given. */
    public static final int USER_NO_REASON_GIVEN = 1;
    /** Source 1, reason 2: application-context-name-not-supported. */
    public static final int USER_APPLICATION_CONTEXT_NAME_NOT_SUPPORTED = 2;
    /** Source 1, reason 3: calling-AE-title-not-recognized. */
    public static final int USER_CALLING_AE_TITLE_NOT_RECOGNIZED = 3;
    /** Source 1, reason 7: called-AE-title-not-recognized. */
    public static final int USER_CALLED_AE_TITLE_NOT_RECOGNIZED = 7;
    /** Source 2, reason 1: no-reason-given. */
    public static final int ACSE_NO_REASON_GIVEN = 1;
    /** Source 2, reason 2: protocol-version-not-supported. */
    public static final int ACSE_PROTOCOL_VERSION_NOT_SUPPORTED = 2;
    /** Source 3, reason 1: temporary-congestion. */
    public static final int PRESENTATION_TEMPORARY_CONGESTION = 1;
    /** Source 3, reason 2: local-limit-exceeded. */
    public static final int PRESENTATION_LOCAL_LIMIT_EXCEEDED = 2;

    @Override
    public int type() {
        return A_ASSOCIATE_RJ;
    }

    /** Result, source and reason in the standard's words, e.g. for log lines. */
    @Override
    public String toString() {
        return "result " + result + " (" + resultName() + "), source " + source + " ("
                + sourceName() + "), reason " + reason + " (" + reasonName() + ")";
    }

    private String resultName() {
        switch (result) {
            case REJECTED_PERMANENT: return "rejected-permanent";
            case REJECTED_TRANSIENT: return "rejected-transient";
            default: return "reserved";
        }
    }

    private String sourceName() {
        switch (source) {
            case SOURCE_SERVICE_USER: return "service-user";
            case SOURCE_SERVICE_PROVIDER_ACSE: return "service-provider (ACSE)";
            case SOURCE_SERVICE_PROVIDER_PRESENTATION: return "service-provider (presentation)";
            default: return "reserved";
        }
    }

    private String reasonName() {
        if (source == SOURCE_SERVICE_USER) {
            switch (reason) {
                case USER_NO_REASON_GIVEN: return "no-reason-given";
                case USER_APPLICATION_CONTEXT_NAME_NOT_SUPPORTED:
                    return "application-context-name-not-supported";
                case USER_CALLING_AE_TITLE_NOT_RECOGNIZED: return "calling-AE-title-not-recognized";
                case USER_CALLED_AE_TITLE_NOT_RECOGNIZED: return "called-AE-title-not-recognized";
                default: return "reserved";
            }
        }
        if (source == SOURCE_SERVICE_PROVIDER_ACSE) {
            return reason == ACSE_NO_REASON_GIVEN ? "no-reason-given"
                    : reason == ACSE_PROTOCOL_VERSION_NOT_SUPPORTED
                    ? "protocol-version-not-supported" : "reserved";
        }
        return reason == PRESENTATION_TEMPORARY_CONGESTION ? "temporary-congestion"
                : reason == PRESENTATION_LOCAL_LIMIT_EXCEEDED ? "local-limit-exceeded"
                : "reserved";
    }
}
