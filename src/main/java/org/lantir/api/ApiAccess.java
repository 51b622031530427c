package org.lantir.api;

import java.time.Duration;
import java.util.Optional;

/**
 * Who may call the API: checks a login and issues its token, and tells who a token belongs
 * to. The user directory and its tokens answer it ({@link UserAccess}); the HTTP side knows
 * nothing of passwords, hashes or secrets.
 */
public interface ApiAccess {

    /**
     * Checks a user name and password and, when they are right, issues a token lasting
     * {@code lifetime} (already checked against {@link #maxLifetime()}).
     *
     * @param clientAddress the caller's address, for slowing down repeated failures
     */
    LoginAnswer login(String username, char[] password, String clientAddress,
            Duration lifetime);

    /**
     * The user a bearer token stands for, while the token is genuine, unexpired and its user
     * active; empty otherwise (the API then answers 401, and the refusal is logged with
     * {@code clientAddress} and its reason, never the token).
     */
    Optional<Caller> caller(String token, String clientAddress);

    /** A token's lifetime when the login asks for none. */
    Duration defaultLifetime();

    /** The longest lifetime a login may ask for. */
    Duration maxLifetime();

    /** How a login ended. */
    sealed interface LoginAnswer {

        /** Right user name and password: the token to send as {@code Bearer}. */
        record Issued(String token, Caller caller) implements LoginAnswer {
            @Override
            public String toString() {
                return "Issued[" + caller.username() + "]";
            }
        }

        /** Wrong user name or password, or an inactive user; the same answer for each. */
        record Refused() implements LoginAnswer {
        }

        /** Too many failures lately: try again after {@code retryAfter}. */
        record Throttled(Duration retryAfter) implements LoginAnswer {
        }
    }

    /**
     * A signed-in user and what their role allows.
     *
     * @param id the user's key in the user directory
     */
    record Caller(long id, String username, String role, boolean mayReadWorklist,
            boolean mayWriteWorklist, boolean mayManageUsers) {
    }
}
