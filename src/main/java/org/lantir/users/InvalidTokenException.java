package org.lantir.users;

/**
 * An access token refused by {@link AccessTokens#verify}: malformed, signed with another key or
 * algorithm, from another issuer, or expired. The message says which in plain words and never
 * quotes the token.
 */
public final class InvalidTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean expired;

    InvalidTokenException(String message, boolean expired) {
        super(message);
        this.expired = expired;
    }

    /** True when the token was fine but its lifetime is over (the client should log in again). */
    public boolean expired() {
        return expired;
    }
}
