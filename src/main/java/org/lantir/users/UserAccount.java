package org.lantir.users;

import java.time.Instant;

/**
 * One account as the users database holds it, without its password hash (which never leaves
 * {@link UserDirectory}).
 *
 * @param email optional, null when not given
 * @param fullName optional, null when not given
 * @param createdAt null for rows the Python tool wrote without one
 * @param lastLogin null before the first login
 * @param tokenVersion goes up whenever the password changes; access tokens carry the version
 *     they were issued under, so older ones stop working (see
 *     {@link UserDirectory#authenticate})
 */
public record UserAccount(long id, String username, String email, String fullName, Role role,
        boolean active, Instant createdAt, Instant lastLogin, int tokenVersion) {

    /** An account at token version 0 (as created, before any password change). */
    public UserAccount(long id, String username, String email, String fullName, Role role,
            boolean active, Instant createdAt, Instant lastLogin) {
        this(id, username, email, fullName, role, active, createdAt, lastLogin, 0);
    }
}
