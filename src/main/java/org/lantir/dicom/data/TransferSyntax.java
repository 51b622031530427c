package org.lantir.dicom.data;

/**
 * The transfer syntaxes Lantir reads and writes for DIMSE data sets (PS3.5 §10.1 and Annex A.1,
 * A.2). Compressed syntaxes never apply to worklist and MPPS messages.
 */
public enum TransferSyntax {
    IMPLICIT_VR_LITTLE_ENDIAN(UID.IMPLICIT_VR_LITTLE_ENDIAN, false),
    EXPLICIT_VR_LITTLE_ENDIAN(UID.EXPLICIT_VR_LITTLE_ENDIAN, true);

    private final String uid;
    private final boolean explicitVr;

    TransferSyntax(String uid, boolean explicitVr) {
        this.uid = uid;
        this.explicitVr = explicitVr;
    }

    public String uid() {
        return uid;
    }

    public boolean isExplicitVr() {
        return explicitVr;
    }

    /** The syntax with this UID, or null when Lantir does not support it. */
    public static TransferSyntax fromUid(String uid) {
        for (TransferSyntax ts : values()) {
            if (ts.uid.equals(uid)) {
                return ts;
            }
        }
        return null;
    }
}
