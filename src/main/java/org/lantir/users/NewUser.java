package org.lantir.users;

/**
 * What {@link UserDirectory#create} needs. The caller owns {@code password} and may wipe it
 * (fill with zeros) once {@code create} returns.
 *
 * @param email optional (null or blank for none)
 * @param fullName optional (null or blank for none)
 */
public record NewUser(String username, char[] password, Role role, String email,
        String fullName) {

    /** Never shows the password. */
    @Override
    public String toString() {
        return "NewUser[username=" + username + ", role=" + role + "]";
    }
}
