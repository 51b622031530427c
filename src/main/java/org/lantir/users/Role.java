package org.lantir.users;

import java.util.Locale;
import java.util.Optional;

/**
 * What an account may do. The wire names ({@code admin}, {@code write}, {@code read}) are the
 * Python tool's, used in the REST API and on the command line; the users database stores the
 * constant names ({@code ADMIN}, ...), as the Python tool's SQLAlchemy model did.
 */
public enum Role {
    /** Manages users and reads and writes the worklist. */
    ADMIN,
    /** Reads and writes the worklist. */
    WRITE,
    /** Reads the worklist. */
    READ;

    /** The name in the API's JSON and on the command line: {@code admin}, {@code write}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this wire name (any letter case, surrounding blanks ignored), if any. */
    public static Optional<Role> fromWireName(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String wanted = s.strip();
        for (Role role : values()) {
            if (role.wireName().equalsIgnoreCase(wanted)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public boolean mayReadWorklist() {
        return true;
    }

    public boolean mayWriteWorklist() {
        return this != READ;
    }

    public boolean mayManageUsers() {
        return this == ADMIN;
    }

    /** The text in the {@code role} column. */
    String columnValue() {
        return name();
    }

    /** The role a {@code role} column holds; the Python tool wrote the upper-case names. */
    static Optional<Role> fromColumnValue(String value) {
        return fromWireName(value);
    }
}
