package org.lantir.dicom.net;

import java.util.Map;

/**
 * DIMSE status codes (PS3.7 Annex C) and the C-FIND codes of PS3.4 Table K.4-1 / C.4-1.
 * The hexadecimal value is in each constant's doc.
 */
public final class Status {

    /** 0000H. */
    public static final int SUCCESS = 0x0000;
    /** FF00H: matches are continuing (C-FIND). */
    public static final int PENDING = 0xFF00;
    /** FF01H: matches are continuing, optional keys not supported (PS3.4 Table K.4-1). */
    public static final int PENDING_WARNING = 0xFF01;
    /** FE00H: matching terminated due to Cancel (PS3.7 C.5.1). */
    public static final int CANCEL = 0xFE00;
    /** A700H: refused, out of resources (PS3.4 Table K.4-1). */
    public static final int OUT_OF_RESOURCES = 0xA700;
    /** A900H: identifier does not match SOP Class (PS3.4 Table K.4-1). */
    public static final int IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    /** C000H: unable to process (PS3.4 Table K.4-1; C000H-CFFFH). */
    public static final int UNABLE_TO_PROCESS = 0xC000;
    /** 0105H: no such attribute (PS3.7 C.4.5). */
    public static final int NO_SUCH_ATTRIBUTE = 0x0105;
    /** 0106H: invalid attribute value (PS3.7 C.4.6). */
    public static final int INVALID_ATTRIBUTE_VALUE = 0x0106;
    /** 0110H: processing failure (PS3.7 C.4.10). */
    public static final int PROCESSING_FAILURE = 0x0110;
    /** 0111H: duplicate SOP instance (PS3.7 C.4.2). */
    public static final int DUPLICATE_SOP_INSTANCE = 0x0111;
    /** 0112H: no such SOP instance (PS3.7 C.4.15). */
    public static final int NO_SUCH_SOP_INSTANCE = 0x0112;
    /** 0117H: invalid object instance (PS3.7 C.4.9). */
    public static final int INVALID_OBJECT_INSTANCE = 0x0117;
    /** 0118H: no such SOP class (PS3.7 C.4.16), for DIMSE-N. */
    public static final int NO_SUCH_SOP_CLASS = 0x0118;
    /** 0119H: class-instance conflict (PS3.7 C.4.1). */
    public static final int CLASS_INSTANCE_CONFLICT = 0x0119;
    /** 0120H: missing attribute (PS3.7 C.4.12). */
    public static final int MISSING_ATTRIBUTE = 0x0120;
    /** 0121H: missing attribute value (PS3.7 C.4.13). */
    public static final int MISSING_ATTRIBUTE_VALUE = 0x0121;
    /** 0122H: refused, SOP class not supported (PS3.7 C.5.3), for DIMSE-C. */
    public static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;
    /** 0124H: refused, not authorized (PS3.7 C.5.4). */
    public static final int NOT_AUTHORIZED = 0x0124;
    /** 0210H: duplicate invocation (PS3.7 C.4.3). */
    public static final int DUPLICATE_INVOCATION = 0x0210;
    /** 0211H: unrecognized operation (PS3.7 C.4.17). */
    public static final int UNRECOGNIZED_OPERATION = 0x0211;
    /** 0212H: mistyped argument (PS3.7 C.4.11). */
    public static final int MISTYPED_ARGUMENT = 0x0212;
    /** 0213H: resource limitation (PS3.7 C.4.14). */
    public static final int RESOURCE_LIMITATION = 0x0213;
    /** 0107H: warning, attribute list error (PS3.7 C.4.4; PS3.4 F.7.2.1 N-CREATE). */
    public static final int ATTRIBUTE_LIST_ERROR = 0x0107;
    /** 0116H: attribute value out of range, a warning or a failure (PS3.7 C.4.7). */
    public static final int ATTRIBUTE_VALUE_OUT_OF_RANGE = 0x0116;

    /** Meanings of single codes, in words. */
    private static final Map<Integer, String> EXACT_MEANINGS = Map.ofEntries(
            Map.entry(SUCCESS, "Success"),
            Map.entry(0x0001, "Warning: requested optional attributes are not "
                    + "supported"),
            Map.entry(PENDING, "Pending: a match follows"),
            Map.entry(PENDING_WARNING, "Pending: a match follows; some optional keys "
                    + "are not supported"),
            Map.entry(CANCEL, "Cancelled: matching ended on request"),
            Map.entry(ATTRIBUTE_LIST_ERROR, "Warning: attribute list error"),
            Map.entry(ATTRIBUTE_VALUE_OUT_OF_RANGE, "Attribute value out of range"),
            Map.entry(NO_SUCH_ATTRIBUTE, "No such attribute"),
            Map.entry(INVALID_ATTRIBUTE_VALUE, "Invalid attribute value"),
            Map.entry(PROCESSING_FAILURE, "Processing failure"),
            Map.entry(DUPLICATE_SOP_INSTANCE, "Duplicate SOP Instance"),
            Map.entry(NO_SUCH_SOP_INSTANCE, "No such SOP Instance"),
            Map.entry(0x0113, "No such event type"),
            Map.entry(0x0114, "No such argument"),
            Map.entry(0x0115, "Invalid argument value"),
            Map.entry(INVALID_OBJECT_INSTANCE, "Invalid SOP Instance"),
            Map.entry(NO_SUCH_SOP_CLASS, "No such SOP Class"),
            Map.entry(CLASS_INSTANCE_CONFLICT, "Class-instance conflict"),
            Map.entry(MISSING_ATTRIBUTE, "Missing attribute"),
            Map.entry(MISSING_ATTRIBUTE_VALUE, "Missing attribute value"),
            Map.entry(SOP_CLASS_NOT_SUPPORTED, "Refused: SOP Class not supported"),
            Map.entry(0x0123, "No such action type"),
            Map.entry(NOT_AUTHORIZED, "Refused: not authorized"),
            Map.entry(DUPLICATE_INVOCATION, "Duplicate invocation"),
            Map.entry(UNRECOGNIZED_OPERATION, "Unrecognized operation"),
            Map.entry(MISTYPED_ARGUMENT, "Mistyped argument"),
            Map.entry(RESOURCE_LIMITATION, "Resource limitation"),
            Map.entry(OUT_OF_RESOURCES, "Out of resources"),
            Map.entry(IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    "Identifier does not match SOP Class"),
            Map.entry(UNABLE_TO_PROCESS, "Unable to process"));

    private Status() {
    }

    public static boolean isPending(int status) {
        return status == PENDING || status == PENDING_WARNING;
    }

    /**
     * Whether the operation was performed with a warning: 0001H, 0107H, 0116H and the
     * B000H-BFFFH range (PS3.7 Annex C; PS3.4 F.7.2.1 lists 0107H and 0116H as N-CREATE
     * warnings). 0116H is also a failure code in the same table; an SCP that sends it has
     * still created the instance only when it answers with the instance's UID, which is the
     * caller's to check.
     */
    public static boolean isWarning(int status) {
        return status == 0x0001 || status == ATTRIBUTE_LIST_ERROR
                || status == ATTRIBUTE_VALUE_OUT_OF_RANGE || (status & 0xF000) == 0xB000;
    }

    /**
     * The status in words for people, e.g. {@code "0x0000 Success"} or {@code "0xA700 Out of
     * resources"}: the meanings of PS3.7 Annex C (C.4, C.5) and of the Modality Worklist and
     * MPPS status tables (PS3.4 Table K.4-1, F.7.2.1, F.7.2.2). Codes a service defines as a
     * range (A7xxH, A9xxH, Cxxx) are named by their range; any other code by its class.
     */
    public static String describe(int status) {
        return String.format("0x%04X %s", status & 0xFFFF, meaning(status & 0xFFFF));
    }

    private static String meaning(int status) {
        String exact = EXACT_MEANINGS.get(status);
        if (exact != null) {
            return exact;
        }
        switch (status & 0xFF00) {
            case 0xA700: return "Out of resources";
            case 0xA900: return "Identifier does not match SOP Class";
            default: break;
        }
        switch (status & 0xF000) {
            case 0xB000: return "Warning";
            case 0xC000: return "Unable to process";
            default: break;
        }
        return "Failure (a status code the standard does not define)";
    }

    /** FE00H: the operation was cancelled (PS3.7 C.5.1); neither success nor failure. */
    public static boolean isCancel(int status) {
        return status == CANCEL;
    }

    /**
     * A failure: the operation was refused or not performed (PS3.7 Annex C; A000H-AFFFH,
     * C000H-CFFFH and the 01xxH / 02xxH codes that are not warnings). Every status that is not
     * success, warning, cancel or pending.
     */
    public static boolean isFailure(int status) {
        return status != SUCCESS && !isWarning(status) && !isCancel(status)
                && !isPending(status);
    }

    /** The status in the {@code 0000H} form used in logs. */
    public static String toHex(int status) {
        // Not String.format: this runs for every DIMSE message's INFO line.
        String hex = Integer.toHexString(status).toUpperCase(java.util.Locale.ROOT);
        return "0".repeat(Math.max(0, 4 - hex.length())) + hex + "H";
    }
}
