package org.lantir.users;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.security.SecureRandom;

/**
 * bcrypt hashes in the Python tool's form ({@code $2b$}, as passlib writes them), so the two
 * tools can share a users database.
 */
final class PasswordHasher {

    /** Lantir's cost for new hashes: 2^12 rounds, passlib's default too. */
    static final int DEFAULT_COST = 12;
    /** Below this a hash is too cheap to guess against (OWASP's floor for bcrypt). */
    static final int MIN_COST = 10;

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

    private final int cost;
    private final BCrypt.Hasher hasher;
    /**
     * Verification cuts passwords at 72 bytes, as passlib and bcrypt itself did when the Python
     * tool hashed them; Lantir never hashes a longer one (see {@link AccountRules}).
     */
    private final BCrypt.Verifyer verifyer =
            BCrypt.verifyer(VERSION, LongPasswordStrategies.truncate(VERSION));
    /** Checked when the username is unknown, so that answer takes as long as a wrong password. */
    private final char[] decoyHash;

    PasswordHasher(int cost) {
        if (cost < MIN_COST || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be " + MIN_COST + " to 31, was "
                    + cost);
        }
        this.cost = cost;
        this.hasher = BCrypt.with(VERSION, new SecureRandom(),
                LongPasswordStrategies.strict(VERSION));
        this.decoyHash = hasher.hashToChar(cost, RandomPasswords.generate().toCharArray());
    }

    int cost() {
        return cost;
    }

    /** The hash to store; the password must have passed {@link AccountRules#newPassword}. */
    String hash(char[] password) {
        return new String(hasher.hashToChar(cost, password));
    }

    /** Whether {@code password} matches {@code storedHash}; false for a damaged hash. */
    boolean matches(char[] password, String storedHash) {
        if (storedHash == null) {
            return false;
        }
        try {
            return verifyer.verify(password, storedHash.toCharArray()).verified;
        } catch (IllegalArgumentException e) {
            // Not a bcrypt hash at all (the library's messages hold no secret, but none is
            // needed here).
            return false;
        }
    }

    /** Spends the time of one verification, for a username that does not exist. */
    void decoy(char[] password) {
        verifyer.verify(password, decoyHash);
    }
}
