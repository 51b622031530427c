package org.lantir.users;

import java.time.Duration;
import java.util.Objects;

/** The outcome of {@link UserDirectory#login}. */
public sealed interface LoginResult {

    /** The password was right and the account is active. */
    record Accepted(UserAccount user) implements LoginResult {
        public Accepted {
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * Wrong username or password, or an inactive account: deliberately one answer, so a caller
     * cannot learn which usernames exist.
     */
    record Refused() implements LoginResult {
    }

    /**
     * Too many recent failures for this username or this client address; the password was not
     * checked. Try again after {@code retryAfter}.
     */
    record Throttled(Duration retryAfter) implements LoginResult {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
