package org.lantir.users;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;

/**
 * The REST API's access tokens: JWTs signed with HMAC-SHA256 (HS256) under a secret of this
 * installation ({@link TokenSecret}), which no one outside Lantir needs or sees.
 *
 * <p>A token carries the issuer {@value #ISSUER}, the username ({@code sub}), issue and expiry
 * times, and the account's id ({@code uid}) and token version ({@code ver}); verifying it
 * checks signature, algorithm (HS256 only: "none" and others are refused), issuer, expiry and
 * that every one of those claims is present. Whether the account may still use it is
 * {@link UserDirectory#authenticate}'s decision.
 */
public final class AccessTokens {

    /** The {@code iss} claim of Lantir's tokens. */
    public static final String ISSUER = "lantir";
    /** The Python tool's lifetime when the login names none. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);
    /** The longest lifetime a login may ask for unless the site sets another. */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(12);
    /** The secret file's name is the users database's plus this. */
    static final String SECRET_SUFFIX = ".jwt-secret";

    private static final String USER_ID = "uid";
    private static final String TOKEN_VERSION = "ver";

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Duration defaultLifetime;
    private final Duration maxLifetime;
    private final Clock clock;

    private AccessTokens(byte[] secret, Duration defaultLifetime, Duration maxLifetime,
            Clock clock) {
        this.algorithm = Algorithm.HMAC256(secret);
        this.defaultLifetime = defaultLifetime;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(ISSUER)
                .withClaimPresence("sub")
                .withClaimPresence("iat")
                .withClaimPresence("exp")
                .withClaimPresence(USER_ID)
                .withClaimPresence(TOKEN_VERSION))
                .build(clock);
    }

    /**
     * Tokens signed with the secret in {@code secretFile}, which is made (512 random bits,
     * owner-only permissions) when missing.
     *
     * @throws IllegalArgumentException when a lifetime is not positive or the default exceeds
     *     the maximum
     * @throws IllegalStateException when the secret file cannot be read or made, or is damaged
     */
    public static AccessTokens open(Path secretFile, Duration defaultLifetime,
            Duration maxLifetime) {
        return open(secretFile, defaultLifetime, maxLifetime, Clock.systemUTC());
    }

    /** As {@link #open(Path, Duration, Duration)}, with the clock for issue and expiry. */
    public static AccessTokens open(Path secretFile, Duration defaultLifetime,
            Duration maxLifetime, Clock clock) {
        checkPositive(defaultLifetime, "default token lifetime");
        checkPositive(maxLifetime, "maximum token lifetime");
        if (defaultLifetime.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException("The default token lifetime (" + defaultLifetime
                    + ") exceeds the maximum (" + maxLifetime + ")");
        }
        return new AccessTokens(TokenSecret.loadOrCreate(secretFile), defaultLifetime,
                maxLifetime, Objects.requireNonNull(clock, "clock"));
    }

    /** The secret file that goes with a users database: beside it, never in the config. */
    public static Path secretFileFor(Path usersDb) {
        Path absolute = usersDb.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + SECRET_SUFFIX);
    }

    /**
     * A token for {@code user}, valid for {@code lifetime} from now (whole seconds, as JWT
     * times are).
     *
     * @throws IllegalArgumentException when {@code lifetime} is not positive or exceeds
     *     {@link #maxLifetime()}
     */
    public String issue(UserAccount user, Duration lifetime) {
        Objects.requireNonNull(user, "user");
        checkPositive(lifetime, "token lifetime");
        if (lifetime.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException("A token lifetime of " + lifetime.toMinutes()
                    + " minutes exceeds this site's maximum of " + maxLifetime.toMinutes()
                    + " minutes");
        }

        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(lifetime.compareTo(Duration.ofSeconds(1)) < 0
                ? Duration.ofSeconds(1) : lifetime).truncatedTo(ChronoUnit.SECONDS);
        return JWT.create()
                .withIssuer(ISSUER)
                .withSubject(user.username())
                .withIssuedAt(Date.from(issuedAt))
                .withExpiresAt(Date.from(expiresAt))
                .withClaim(USER_ID, user.id())
                .withClaim(TOKEN_VERSION, user.tokenVersion())
                .sign(algorithm);
    }

    /** A token for {@code user} with the default lifetime. */
    public String issue(UserAccount user) {
        return issue(user, defaultLifetime);
    }

    public Duration defaultLifetime() {
        return defaultLifetime;
    }

    public Duration maxLifetime() {
        return maxLifetime;
    }

    /**
     * The claims of a token this installation issued and that has not expired.
     *
     * @throws InvalidTokenException otherwise; its message never quotes the token
     */
    public TokenClaims verify(String token) throws InvalidTokenException {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("no access token", false);
        }
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token.strip());
        } catch (TokenExpiredException e) {
            throw new InvalidTokenException("access token expired; log in again", true);
        } catch (AlgorithmMismatchException e) {
            throw new InvalidTokenException("access token not signed with HS256", false);
        } catch (SignatureVerificationException e) {
            throw new InvalidTokenException("access token signature invalid", false);
        } catch (JWTDecodeException e) {
            // The library's message quotes parts of the token: not passed on.
            throw new InvalidTokenException("access token malformed", false);
        } catch (JWTVerificationException e) {
            throw new InvalidTokenException("access token not issued by this Lantir", false);
        }

        Long userId = jwt.getClaim(USER_ID).asLong();
        Integer version = jwt.getClaim(TOKEN_VERSION).asInt();
        if (userId == null || version == null || jwt.getSubject() == null) {
            throw new InvalidTokenException("access token claims malformed", false);
        }
        return new TokenClaims(jwt.getSubject(), jwt.getIssuedAtAsInstant(),
                jwt.getExpiresAtAsInstant(), userId, version);
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "AccessTokens[HS256, default " + defaultLifetime + ", max " + maxLifetime + "]";
    }

    private static void checkPositive(Duration lifetime, String what) {
        if (lifetime == null || lifetime.isZero() || lifetime.isNegative()) {
            throw new IllegalArgumentException("The " + what + " must be positive");
        }
    }
}
