/**
 * User accounts of the REST API and the user commands: who may log in, with which role, and
 * the access tokens a login yields.
 *
 * <ul>
 *   <li>{@link org.lantir.users.UserDirectory}: the accounts in their own SQLite database
 *       ({@code users_db_path}, else {@code USERS_DB_PATH}, else {@code users.db} beside the
 *       worklist database). The table is the Python tool's, so its {@code users.db} opens as
 *       it is and its bcrypt hashes verify; Lantir's additions come as versioned migrations
 *       ({@code migrations/V00N__*.sql}, schema version in {@code user_version}), as in the
 *       worklist store. It creates the first admin (random password shown once, or
 *       {@code LANTIR_ADMIN_PASSWORD}), keeps at least one active admin, and slows down
 *       repeated failed logins ({@code LoginThrottle}).
 *   <li>{@link org.lantir.users.AccessTokens}: HS256 JWTs under a per-installation secret in a
 *       file beside the users database (owner-only permissions, never in the configuration).
 *       A token names the account, its id and its token version; a password change raises the
 *       version, which ends the older tokens ({@link org.lantir.users.UserDirectory#authenticate}).
 *   <li>{@link org.lantir.users.Role}: {@code admin} (users and worklist), {@code write}
 *       (worklist), {@code read} (worklist, read only).
 * </ul>
 *
 * <p>The rules for usernames and new passwords (at least 12 characters, at most 72 bytes) are in
 * {@code AccountRules}. Privacy: no password, hash, token or key reaches a log line or an
 * exception message; INFO lines name the acting user and the account acted on.
 *
 * <p>This package holds its own SQL (a separate database from the worklist store's); the HTTP
 * layer ({@code org.lantir.api}) and the CLI ({@code org.lantir.cli}) use only its public
 * types.
 */
package org.lantir.users;
