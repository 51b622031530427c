package org.lantir.users;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The rules an account's fields follow. Field names are the REST API's JSON names, so a
 * message can be shown to the caller as it is.
 *
 * <ul>
 *   <li>{@code username}: 3 to 50 characters (the Python tool's column is 50 wide), ASCII
 *       letters, digits and {@code . _ - @}, starting with a letter or digit. Unique with
 *       letter case ignored, so "Admin" cannot sit beside "admin".
 *   <li>{@code password} (new passwords only; stored hashes of the Python tool keep working):
 *       at least {@value #MIN_PASSWORD_CHARS} characters, at most {@value #MAX_PASSWORD_BYTES}
 *       bytes in UTF-8 (bcrypt ignores anything beyond, so a longer one is refused rather than
 *       cut short), no control characters, not the username. Length is what protects a
 *       password against guessing; no character classes are demanded, so a passphrase of
 *       ordinary words is fine.
 *   <li>{@code email}: optional, at most 100 characters, one {@code @} with text on both
 *       sides, no blanks.
 *   <li>{@code full_name}: optional, at most 100 characters, no control characters.
 * </ul>
 */
final class AccountRules {

    static final int MIN_PASSWORD_CHARS = 12;
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MAX_USERNAME_CHARS = 50;
    static final int MAX_EMAIL_CHARS = 100;
    static final int MAX_FULL_NAME_CHARS = 100;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private AccountRules() {
    }

    static String username(String username) throws UserException {
        if (username == null || username.isBlank()) {
            throw UserException.invalid("username", "required");
        }
        String value = username.strip();
        if (value.length() < 3 || value.length() > MAX_USERNAME_CHARS) {
            throw UserException.invalid("username",
                    "must be 3 to " + MAX_USERNAME_CHARS + " characters long");
        }
        if (!USERNAME.matcher(value).matches()) {
            throw UserException.invalid("username", "may hold only letters A-Z, digits and "
                    + ". _ - @, and must start with a letter or digit");
        }
        return value;
    }

    /** Checks a new password; {@code username} is the account's. Never echoes the password. */
    static void newPassword(char[] password, String username) throws UserException {
        if (password == null || password.length == 0) {
            throw UserException.invalid("password", "required");
        }
        int chars = Character.codePointCount(password, 0, password.length);
        if (chars < MIN_PASSWORD_CHARS) {
            throw UserException.invalid("password",
                    "must be at least " + MIN_PASSWORD_CHARS + " characters long");
        }
        if (utf8Length(password) > MAX_PASSWORD_BYTES) {
            throw UserException.invalid("password", "must be at most " + MAX_PASSWORD_BYTES
                    + " bytes in UTF-8 (bcrypt ignores the rest); choose a shorter one");
        }
        for (char c : password) {
            if (Character.isISOControl(c)) {
                throw UserException.invalid("password", "must not hold control characters");
            }
        }
        if (username != null && CharBuffer.wrap(password).toString()
                .equalsIgnoreCase(username)) {
            throw UserException.invalid("password", "must not be the username");
        }
    }

    /** The email to store: null for none. */
    static String email(String email) throws UserException {
        if (email == null || email.isBlank()) {
            return null;
        }
        String value = email.strip();
        if (value.length() > MAX_EMAIL_CHARS) {
            throw UserException.invalid("email",
                    "must be at most " + MAX_EMAIL_CHARS + " characters long");
        }
        if (!EMAIL.matcher(value).matches()) {
            throw UserException.invalid("email", "is not an email address (name@domain)");
        }
        return value;
    }

    /** The full name to store: null for none. */
    static String fullName(String fullName) throws UserException {
        if (fullName == null || fullName.isBlank()) {
            return null;
        }
        String value = fullName.strip();
        if (value.length() > MAX_FULL_NAME_CHARS) {
            throw UserException.invalid("full_name",
                    "must be at most " + MAX_FULL_NAME_CHARS + " characters long");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw UserException.invalid("full_name", "must not hold control characters");
        }
        return value;
    }

    static Role role(Role role) throws UserException {
        if (role == null) {
            throw UserException.invalid("role", "required (admin, write or read)");
        }
        return role;
    }

    /** Bytes of {@code password} in UTF-8, counted without building a String. */
    static int utf8Length(char[] password) {
        return StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)).remaining();
    }
}
