package org.lantir.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.lantir.users.AccessTokens;
import org.lantir.users.InvalidTokenException;
import org.lantir.users.LoginResult;
import org.lantir.users.UserAccount;
import org.lantir.users.UserDirectory;

/**
 * {@link ApiAccess} from the user directory and its access tokens: a token is good while its
 * signature and expiry hold and its account is still active with the same password
 * ({@link UserDirectory#authenticate}).
 */
public final class UserAccess implements ApiAccess {

    private final UserDirectory users;
    private final AccessTokens tokens;
    private final RefusalLog refusals;

    public UserAccess(UserDirectory users, AccessTokens tokens) {
        this(users, tokens, Clock.systemUTC());
    }

    UserAccess(UserDirectory users, AccessTokens tokens, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.refusals = new RefusalLog(clock);
    }

    @Override
    public LoginAnswer login(String username, char[] password, String clientAddress,
            Duration lifetime) {
        LoginResult result = users.login(username, password, clientAddress);
        if (result instanceof LoginResult.Accepted accepted) {
            return new LoginAnswer.Issued(tokens.issue(accepted.user(), lifetime),
                    caller(accepted.user()));
        }
        if (result instanceof LoginResult.Throttled throttled) {
            return new LoginAnswer.Throttled(throttled.retryAfter());
        }
        return new LoginAnswer.Refused();
    }

    @Override
    public Optional<Caller> caller(String token, String clientAddress) {
        String address = clientAddress == null ? "unknown address" : clientAddress;
        try {
            Optional<Caller> caller = users.authenticate(tokens.verify(token))
                    .map(UserAccess::caller);
            if (caller.isEmpty()) {
                refusals.refused(address, "the account is unknown, inactive, or its password "
                        + "changed since the token was issued");
            }
            return caller;
        } catch (InvalidTokenException e) {
            // The exception's words never quote the token.
            refusals.refused(address, e.getMessage());
            return Optional.empty();
        }
    }

    static Caller caller(UserAccount user) {
        return new Caller(user.id(), user.username(), user.role().wireName(),
                user.role().mayReadWorklist(), user.role().mayWriteWorklist(),
                user.role().mayManageUsers());
    }

    @Override
    public Duration defaultLifetime() {
        return tokens.defaultLifetime();
    }

    @Override
    public Duration maxLifetime() {
        return tokens.maxLifetime();
    }
}
