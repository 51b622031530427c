package org.lantir.users;

import java.util.Objects;

/**
 * A user operation refused. The message starts with the field it is about (for
 * {@link Reason#INVALID_FIELD} and the duplicates), never holds a password,
 * and can be shown as it is; {@link #reason()} lets the REST API pick the HTTP status.
 */
public final class UserException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the operation was refused. */
    public enum Reason {
        /** A field breaks its rule (e.g. a password too short); {@link #field()} names it. */
        INVALID_FIELD,
        /** Another account already has this username (letter case ignored). */
        DUPLICATE_USERNAME,
        /** Another account already has this email (letter case ignored). */
        DUPLICATE_EMAIL,
        /** No account has the id. */
        NOT_FOUND,
        /** The change would leave no active admin account. */
        LAST_ADMIN,
        /** An account may not delete itself. */
        SELF_DELETE
    }

    private final Reason reason;
    private final String field;

    public UserException(Reason reason, String field, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.field = field;
    }

    /** A field breaking its rule; the message becomes "{@code field}: {@code problem}". */
    static UserException invalid(String field, String problem) {
        return new UserException(Reason.INVALID_FIELD, field, field + ": " + problem);
    }

    public Reason reason() {
        return reason;
    }

    /** The field the refusal is about, or null when it is about the whole account. */
    public String field() {
        return field;
    }
}
