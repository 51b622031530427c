package org.lantir.worklist;

/**
 * A C-FIND identifier that Lantir cannot use: a malformed key value or a key of the wrong
 * shape. Carries the C-FIND failure status of PS3.4 Table K.4-1 (A900H), an Error Comment
 * without patient data, and the offending attribute's tag.
 */
public final class MwlQueryException extends Exception {

    private final int status;
    private final int offendingElement;

    public MwlQueryException(int status, String errorComment, int offendingElement) {
        super(errorComment);
        this.status = status;
        this.offendingElement = offendingElement;
    }

    public int status() {
        return status;
    }

    /** Tag of the key at fault (the innermost one for a key inside a sequence). */
    public int offendingElement() {
        return offendingElement;
    }
}
