package org.lantir.worklist;

/**
 * An MPPS N-CREATE or N-SET that Lantir refuses; nothing was stored or changed. Carries the
 * DIMSE-N failure status (PS3.7 Annex C; PS3.4 F.7.2.1.3, F.7.2.2.3), an Error Comment without
 * patient data, the attributes at fault for the Attribute Identifier List (0000,1005), and an
 * Error ID (0000,0903) where the standard gives one.
 */
public final class MppsException extends Exception {

    private final int status;
    private final int[] attributes;
    private Integer errorId;

    public MppsException(int status, String errorComment, int... attributes) {
        super(errorComment);
        this.status = status;
        this.attributes = attributes.clone();
    }

    /** Sets Error ID (0000,0903). */
    public MppsException errorId(int id) {
        this.errorId = id;
        return this;
    }

    public int status() {
        return status;
    }

    /** Tags for the Attribute Identifier List; empty when none applies. */
    public int[] attributes() {
        return attributes.clone();
    }

    /** Error ID (0000,0903), or null. */
    public Integer errorId() {
        return errorId;
    }
}
