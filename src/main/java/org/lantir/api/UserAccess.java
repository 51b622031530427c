package org.lantir.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.lantir.users.AccessTokens;
import org.lantir.users.InvalidTokenException;
import org.lantir.users.LoginResult;
import org.lantir.users.UserAccount;
import org.lantir.users.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ApiAccess} from the user directory and its access tokens: a token is good while its
 * signature and expiry hold and its account is still active with the same password
 * ({@link UserDirectory#authenticate}).
 */
public final class UserAccess implements ApiAccess {

    private static final Logger LOG = LoggerFactory.getLogger(UserAccess.class);

    private final UserDirectory users;
    private final AccessTokens tokens;

    public UserAccess(UserDirectory users, AccessTokens tokens) {
        this.users = Objects.requireNonNull(users, "users");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
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
    public Optional<Caller> caller(String token) {
        try {
            return users.authenticate(tokens.verify(token)).map(UserAccess::caller);
        } catch (InvalidTokenException e) {
            // The exception's words never quote the token.
            LOG.debug("API: token refused: {}", e.getMessage());
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
