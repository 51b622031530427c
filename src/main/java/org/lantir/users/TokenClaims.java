package org.lantir.users;

import java.time.Instant;

/**
 * What a verified access token says. Only {@link UserDirectory#authenticate} decides whether
 * the account may still use it (it exists, is active, and its password has not changed since).
 *
 * @param username the {@code sub} claim
 * @param userId the account's id when the token was issued ({@code uid}); a new account that
 *     reuses a deleted account's username does not inherit its tokens
 * @param tokenVersion the account's {@link UserAccount#tokenVersion()} at issue ({@code ver})
 */
public record TokenClaims(String username, Instant issuedAt, Instant expiresAt, long userId,
        int tokenVersion) {

    /**
     * Claims without account id and version (id 0, which no account has): such claims never
     * authenticate. Kept for callers that only read the three fields.
     */
    public TokenClaims(String username, Instant issuedAt, Instant expiresAt) {
        this(username, issuedAt, expiresAt, 0, 0);
    }
}
