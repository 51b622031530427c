package org.lantir.dicom.net.pdu;

/**
 * A Presentation Context item of an A-ASSOCIATE-AC (item type 21H, PS3.8 §9.3.3.2,
 * Table 9-18): the context ID, the Result/Reason and the one Transfer Syntax the acceptor chose.
 * When the result is not acceptance the transfer syntax is not significant (PS3.8 Table 9-18).
 */
public record PresentationContextAC(int id, int result, String transferSyntax) {

    /** Result 0: acceptance. */
    public static final int ACCEPTANCE = 0;
    /** Result 1: user-rejection. */
    public static final int USER_REJECTION = 1;
    /** Result 2: no-reason (provider rejection). */
    public static final int NO_REASON = 2;
    /** Result 3: abstract-syntax-not-supported (provider rejection). */
    public static final int ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
    /** Result 4: transfer-syntaxes-not-supported (provider rejection). */
    public static final int TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    public boolean isAccepted() {
        return result == ACCEPTANCE;
    }

    /** The standard's words for a result value (PS3.8 Table 9-18). */
    public static String resultName(int result) {
        switch (result) {
            case ACCEPTANCE: return "acceptance";
            case USER_REJECTION: return "user-rejection";
            case NO_REASON: return "no-reason";
            case ABSTRACT_SYNTAX_NOT_SUPPORTED: return "abstract-syntax-not-supported";
            case TRANSFER_SYNTAXES_NOT_SUPPORTED: return "transfer-syntaxes-not-supported";
            default: return "result " + result;
        }
    }

    @Override
    public String toString() {
        return id + ":" + (isAccepted() ? transferSyntax : resultName(result));
    }
}
