package org.lantir.users;

/**
 * What {@link UserDirectory#update} changes: a null component keeps the stored value. An empty
 * (or blank) {@code email} or {@code fullName} clears it. A new {@code password} follows the
 * rules of new passwords and ends the account's existing access tokens.
 */
public record UserChanges(String email, String fullName, char[] password, Role role,
        Boolean active) {

    /** Only a new password. */
    public static UserChanges password(char[] password) {
        return new UserChanges(null, null, password, null, null);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "UserChanges[email=" + email + ", fullName=" + fullName + ", password="
                + (password == null ? "unchanged" : "new") + ", role=" + role + ", active="
                + active + "]";
    }
}
