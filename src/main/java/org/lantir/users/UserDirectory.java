package org.lantir.users;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.lantir.config.ConfigPath;
import org.lantir.config.LantirConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts of the REST API and the user commands, kept in the users database (SQLite,
 * the Python tool's {@code users} table, see {@code migrations/}).
 *
 * <p>Passwords are stored as bcrypt hashes ({@link PasswordHasher}); new ones follow
 * {@link AccountRules}. There is always an active admin: the first start creates one
 * ({@link #ensureAdmin}), and no update or delete may remove the last. Logins are slowed down
 * after repeated failures ({@link LoginThrottle}).
 *
 * <p>Privacy: log lines and exception messages name the acting user and the username acted on,
 * never a password or hash. Refused logins for a username that does not exist do not repeat
 * it (people type their password into the username box).
 *
 * <p>Thread-safe: the API calls it from its request threads.
 */
public final class UserDirectory implements AutoCloseable {

    /** Environment variable with the first admin's password (else a random one is made). */
    public static final String ADMIN_PASSWORD_ENV = "LANTIR_ADMIN_PASSWORD";
    /** Environment variable naming the users database (after {@code users_db_path}). */
    public static final String USERS_DB_PATH_ENV = "USERS_DB_PATH";
    /** The first admin's username, as the Python tool's. */
    public static final String FIRST_ADMIN = "admin";
    /** The users database's name beside the worklist database when nothing names it. */
    public static final String DEFAULT_FILE_NAME = "users.db";

    private static final Logger LOG = LoggerFactory.getLogger(UserDirectory.class);
    private static final String COLUMNS = "id, username, email, full_name, role, is_active, "
            + "created_at, last_login, token_version";

    private final UsersDatabase database;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;

    private UserDirectory(UsersDatabase database, Clock clock, int bcryptCost) {
        this.database = database;
        this.clock = clock;
        this.hasher = new PasswordHasher(bcryptCost);
        this.throttle = new LoginThrottle(clock);
    }

    /**
     * Where the users database is: the configuration's {@code users_db_path}, else the
     * environment's {@code USERS_DB_PATH} ({@code ~} expanded, relative to the working
     * folder), else {@code users.db} beside the worklist database (the Python tool's order).
     */
    public static Path usersDbPath(LantirConfig config, Path worklistDatabase,
            Map<String, String> env) {
        if (config != null && config.usersDbPath() != null) {
            return config.usersDbPath().path();
        }
        String fromEnv = env.get(USERS_DB_PATH_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return ConfigPath.resolve(fromEnv, Path.of("").toAbsolutePath()).path();
        }
        Path folder = worklistDatabase.toAbsolutePath().getParent();
        return folder == null ? Path.of(DEFAULT_FILE_NAME) : folder.resolve(DEFAULT_FILE_NAME);
    }

    /** Opens (creating or migrating as needed) the users database at {@code usersDb}. */
    public static UserDirectory open(Path usersDb) {
        return open(usersDb, Clock.systemUTC(), PasswordHasher.DEFAULT_COST);
    }

    /**
     * As {@link #open(Path)}, with the clock for login times and throttling, and the bcrypt
     * cost of new hashes (at least 10; tests use 10 to run faster than the default 12).
     */
    public static UserDirectory open(Path usersDb, Clock clock, int bcryptCost) {
        UsersDatabase database = UsersDatabase.open(usersDb);
        try {
            return new UserDirectory(database, clock, bcryptCost);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Path file() {
        return database.file();
    }

    /**
     * Creates the first account when there is none: {@value #FIRST_ADMIN}, role admin, with
     * the password in {@value #ADMIN_PASSWORD_ENV} when set (it must follow the password rules)
     * or else a random one. Returns the random password, for the caller to show ONCE (never
     * log it); empty when accounts existed or the password came from the environment.
     *
     * @throws IllegalArgumentException when {@value #ADMIN_PASSWORD_ENV} breaks the password
     *     rules (the message says which rule, not the password)
     */
    public Optional<String> ensureAdmin(Map<String, String> env) {
        if (count() > 0) {
            return Optional.empty();
        }

        String fromEnv = env.get(ADMIN_PASSWORD_ENV);
        boolean random = fromEnv == null || fromEnv.isEmpty();
        char[] password = (random ? RandomPasswords.generate() : fromEnv).toCharArray();
        checkEnvironmentPassword(password, random, FIRST_ADMIN);

        String hash = hasher.hash(password);
        boolean created = database.inTransaction(c -> {
            // Checked again under the write lock: another process may have been first.
            if (count(c) > 0) {
                return false;
            }
            insert(c, FIRST_ADMIN, hash, Role.ADMIN, null, null, null);
            return true;
        });
        if (!created) {
            return Optional.empty();
        }

        LOG.info("Created the first account '{}' (role admin) with a password {}", FIRST_ADMIN,
                random ? "made at random, shown once" : "from " + ADMIN_PASSWORD_ENV);
        return random ? Optional.of(new String(password)) : Optional.empty();
    }

    /**
     * Checks, before anything is made, what {@link #ensureAdmin} would take from
     * {@value #ADMIN_PASSWORD_ENV}: callers that must do something first (the API listens
     * before it makes the account) fail early on a bad value instead.
     *
     * @throws IllegalArgumentException when there are no accounts yet and the variable breaks
     *     the password rules
     */
    public void checkFirstAdminPassword(Map<String, String> env) {
        String fromEnv = env.get(ADMIN_PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty() && count() == 0) {
            checkEnvironmentPassword(fromEnv.toCharArray(), false, FIRST_ADMIN);
        }
    }

    private static void checkEnvironmentPassword(char[] password, boolean random,
            String username) {
        try {
            AccountRules.newPassword(password, username);
        } catch (UserException e) {
            String source = random ? "the random first password" : ADMIN_PASSWORD_ENV;
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * The local way back from a lost password ({@code lantir admin-password --reset}), for
     * whoever can write the users database file, which is the same trust as replacing it:
     * gives {@code username} the password in {@value #ADMIN_PASSWORD_ENV} when set, else a
     * random one, ends its access tokens and makes it active again. Logged at INFO, without
     * the password.
     *
     * @return the random password, for the caller to show ONCE; empty when it came from the
     *     environment
     * @throws UserException when no account has exactly this username
     * @throws IllegalArgumentException when {@value #ADMIN_PASSWORD_ENV} breaks the password
     *     rules (the message says which rule, not the password)
     */
    public Optional<String> resetPassword(String username, Map<String, String> env)
            throws UserException {
        String fromEnv = env.get(ADMIN_PASSWORD_ENV);
        boolean random = fromEnv == null || fromEnv.isEmpty();
        char[] password = (random ? RandomPasswords.generate() : fromEnv).toCharArray();
        checkEnvironmentPassword(password, random, username);
        String hash = hasher.hash(password);

        UserAccount before = write(c -> {
            UserAccount current = findByName(c, username).orElseThrow(() -> new UserException(
                    UserException.Reason.NOT_FOUND, "username",
                    "username: no account is named '" + username + "'"));
            try (PreparedStatement update = c.prepareStatement("UPDATE users SET "
                    + "hashed_password = ?, is_active = 1, token_version = token_version + 1 "
                    + "WHERE id = ?")) {
                update.setString(1, hash);
                update.setLong(2, current.id());
                update.executeUpdate();
            }
            return current;
        });

        LOG.info("Password of '{}' reset locally (by whoever may write {}) to one {}; its "
                + "access tokens ended{}", before.username(), database.file(),
                random ? "made at random, shown once" : "from " + ADMIN_PASSWORD_ENV,
                before.active() ? "" : "; the account is active again");
        return random ? Optional.of(new String(password)) : Optional.empty();
    }

    /** Every account, by id. */
    public List<UserAccount> list() {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM users ORDER BY id")) {
                return accounts(select);
            }
        });
    }

    public Optional<UserAccount> find(long id) {
        return database.read(c -> findById(c, id));
    }

    /** The account with exactly this username (letter case counts, as at login). */
    public Optional<UserAccount> findByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return database.read(c -> findByName(c, username));
    }

    /**
     * Creates an account.
     *
     * @param actor the username of whoever creates it (for the log and {@code created_by})
     */
    public UserAccount create(NewUser user, String actor) throws UserException {
        String username = AccountRules.username(user.username());
        Role role = AccountRules.role(user.role());
        String email = AccountRules.email(user.email());
        String fullName = AccountRules.fullName(user.fullName());
        AccountRules.newPassword(user.password(), username);
        String hash = hasher.hash(user.password());

        UserAccount created = write(c -> {
            if (idOfUsernameIgnoringCase(c, username).isPresent()) {
                throw new UserException(UserException.Reason.DUPLICATE_USERNAME, "username",
                        "username: '" + username + "' is taken");
            }
            checkEmailFree(c, email, -1);
            Long createdBy = actor == null ? null : findByName(c, actor).map(UserAccount::id)
                    .orElse(null);
            long id = insert(c, username, hash, role, email, fullName, createdBy);
            return findById(c, id).orElseThrow();
        });

        LOG.info("{} created account '{}' (role {})", actorName(actor), username,
                role.wireName());
        return created;
    }

    /**
     * Changes an account (null components of {@code changes} keep their value). A new
     * password or a deactivation ends the account's existing access tokens for good.
     */
    public UserAccount update(long id, UserChanges changes, String actor) throws UserException {
        String email = changes.email() == null ? null : AccountRules.email(changes.email());
        String fullName = changes.fullName() == null ? null
                : AccountRules.fullName(changes.fullName());
        UserAccount before = find(id).orElseThrow(() -> notFound(id));
        String hash = null;
        if (changes.password() != null) {
            AccountRules.newPassword(changes.password(), before.username());
            hash = hasher.hash(changes.password());
        }
        String newHash = hash;

        UserAccount after = write(c -> {
            UserAccount current = findById(c, id).orElseThrow(() -> notFound(id));
            boolean staysAdmin = (changes.role() == null || changes.role() == Role.ADMIN)
                    && !Boolean.FALSE.equals(changes.active());
            if (isActiveAdmin(current) && !staysAdmin && activeAdmins(c) <= 1) {
                throw new UserException(UserException.Reason.LAST_ADMIN,
                        changes.role() != null && changes.role() != Role.ADMIN ? "role"
                                : "is_active",
                        "'" + current.username() + "' is the last active admin; make another "
                                + "account admin first");
            }
            if (changes.email() != null) {
                checkEmailFree(c, email, id);
            }
            applyChanges(c, current, changes, email, fullName, newHash);
            return findById(c, id).orElseThrow();
        });

        LOG.info("{} changed account '{}': {}", actorName(actor), after.username(),
                describe(changes));
        return after;
    }

    /** Deletes an account; not the caller's own, nor the last active admin. */
    public void delete(long id, String actor) throws UserException {
        UserAccount deleted = write(c -> {
            UserAccount current = findById(c, id).orElseThrow(() -> notFound(id));
            if (actor != null && current.username().equals(actor)) {
                throw new UserException(UserException.Reason.SELF_DELETE, null,
                        "an account cannot delete itself ('" + actor + "')");
            }
            if (isActiveAdmin(current) && activeAdmins(c) <= 1) {
                throw new UserException(UserException.Reason.LAST_ADMIN, null,
                        "'" + current.username() + "' is the last active admin and cannot be "
                                + "deleted");
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM users WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
            return current;
        });

        LOG.info("{} deleted account '{}'", actorName(actor), deleted.username());
    }

    /**
     * Checks a username and password. Throttled when this username or this client address
     * failed too often lately (the password is then not checked); refused for a wrong
     * username or password or an inactive account, alike. A success records the login time.
     *
     * @param clientAddress the caller's address (the API's remote address), or a word such as
     *     "command line"; it is logged
     */
    public LoginResult login(String username, char[] password, String clientAddress) {
        LoginResult result = checkPassword(username, password, clientAddress);
        if (result instanceof LoginResult.Accepted accepted) {
            return new LoginResult.Accepted(recordLogin(accepted.user().id()));
        }
        return result;
    }

    /**
     * As {@link #login}, without recording the login time: for a caller that still checks
     * what the account may do (the user commands need an admin) and records the login with
     * {@link #recordLogin(UserAccount)} only when it may.
     */
    public LoginResult checkPassword(String username, char[] password, String clientAddress) {
        String address = clientAddress == null ? "unknown address" : clientAddress;
        Optional<CredentialRow> row = username == null ? Optional.empty()
                : database.read(c -> credentials(c, username));
        String who = row.map(r -> "'" + r.account.username() + "'").orElse("an unknown username");

        // Counts the attempt before the (slow) check: parallel attempts cannot pass the limit.
        Optional<Duration> wait = throttle.begin(username, address);
        if (wait.isPresent()) {
            // DEBUG: hammering must not flood the log; the failure that began it is a WARN.
            LOG.debug("Login for {} from {} throttled; retry in {} s", who, address,
                    seconds(wait.get()));
            return new LoginResult.Throttled(wait.get());
        }

        char[] given = password == null ? new char[0] : password;
        boolean matches;
        if (row.isEmpty()) {
            hasher.decoy(given);
            matches = false;
        } else {
            matches = hasher.matches(given, row.get().hash);
        }

        if (!matches || !row.get().account.active()) {
            throttle.failed(username, address);
            String throttled = throttle.waitBefore(username, address)
                    .map(w -> "; further attempts throttled for " + seconds(w) + " s")
                    .orElse("");
            LOG.warn("Login refused for {} from {}{}{}", who, address,
                    matches ? " (account inactive)" : "", throttled);
            return new LoginResult.Refused();
        }

        throttle.succeeded(username, address);
        UserAccount account = row.get().account;
        LOG.info("Login of '{}' from {}", account.username(), address);
        return new LoginResult.Accepted(account);
    }

    /** Records now as {@code account}'s last login; the account as it is then. */
    public UserAccount recordLogin(UserAccount account) {
        return recordLogin(account.id());
    }

    /**
     * Checks what {@link #create} would check first of a new account's username and email,
     * so a command can refuse them before it asks for any password.
     */
    public void checkNewAccount(String username, String email) throws UserException {
        String name = AccountRules.username(username);
        String address = email == null ? null : AccountRules.email(email);
        if (database.read(c -> idOfUsernameIgnoringCase(c, name)).isPresent()) {
            throw new UserException(UserException.Reason.DUPLICATE_USERNAME, "username",
                    "username: '" + name + "' is taken");
        }
        write(c -> {
            checkEmailFree(c, address, -1);
            return null;
        });
    }

    /**
     * The account an access token (already verified by {@link AccessTokens#verify}) speaks
     * for, as it is now: empty when it was deleted (or its username now belongs to another
     * account), is inactive, or changed its password after the token was issued.
     */
    public Optional<UserAccount> authenticate(TokenClaims claims) {
        if (claims == null || claims.username() == null) {
            return Optional.empty();
        }
        return findByUsername(claims.username())
                .filter(UserAccount::active)
                .filter(a -> a.id() == claims.userId())
                .filter(a -> a.tokenVersion() == claims.tokenVersion());
    }

    @Override
    public void close() {
        database.close();
    }

    // --- SQL --------------------------------------------------------------------------------

    private int count() {
        return database.read(UserDirectory::count);
    }

    private static int count(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM users");
                ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private long insert(Connection c, String username, String hash, Role role, String email,
            String fullName, Long createdBy) throws SQLException {
        long id = nextId(c);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO users (id, username, "
                + "email, full_name, hashed_password, role, is_active, created_at, created_by, "
                + "token_version) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 0)")) {
            insert.setLong(1, id);
            insert.setString(2, username);
            insert.setString(3, email);
            insert.setString(4, fullName);
            insert.setString(5, hash);
            insert.setString(6, role.columnValue());
            insert.setString(7, SqlTimes.format(clock.instant()));
            if (createdBy == null) {
                insert.setNull(8, Types.INTEGER);
            } else {
                insert.setLong(8, createdBy);
            }
            insert.executeUpdate();
        }
        return id;
    }

    /**
     * An id no account ever had (see migration V002): above every id in the table and every
     * id Lantir gave before, also those of deleted accounts.
     */
    private static long nextId(Connection c) throws SQLException {
        long next;
        try (PreparedStatement select = c.prepareStatement("SELECT MAX((SELECT COALESCE(MAX(id), "
                + "0) FROM users), (SELECT MAX(last_id) FROM lantir_user_ids)) + 1");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            next = rs.getLong(1);
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE lantir_user_ids SET last_id = ?")) {
            update.setLong(1, next);
            update.executeUpdate();
        }
        return next;
    }

    private static void applyChanges(Connection c, UserAccount current, UserChanges changes,
            String email, String fullName, String hash) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE users SET email = ?, "
                + "full_name = ?, role = ?, is_active = ?, "
                + "hashed_password = COALESCE(?, hashed_password), "
                + "token_version = token_version + ? WHERE id = ?")) {
            update.setString(1, changes.email() == null ? current.email() : email);
            update.setString(2, changes.fullName() == null ? current.fullName() : fullName);
            update.setString(3, (changes.role() == null ? current.role() : changes.role())
                    .columnValue());
            update.setInt(4, (changes.active() == null ? current.active() : changes.active())
                    ? 1 : 0);
            update.setString(5, hash);
            // A new password or a deactivation ends the tokens: a later reactivation must
            // not bring back tokens issued before it.
            boolean deactivated = current.active() && Boolean.FALSE.equals(changes.active());
            update.setInt(6, hash != null || deactivated ? 1 : 0);
            update.setLong(7, current.id());
            update.executeUpdate();
        }
    }

    private UserAccount recordLogin(long id) {
        String now = SqlTimes.format(clock.instant());
        return database.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE users SET last_login = ? WHERE id = ?")) {
                update.setString(1, now);
                update.setLong(2, id);
                update.executeUpdate();
            }
            return findById(c, id).orElseThrow();
        });
    }

    private static Optional<UserAccount> findById(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM users WHERE id = ?")) {
            select.setLong(1, id);
            return accounts(select).stream().findFirst();
        }
    }

    private static Optional<UserAccount> findByName(Connection c, String username)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM users WHERE username = ?")) {
            select.setString(1, username);
            return accounts(select).stream().findFirst();
        }
    }

    private static Optional<CredentialRow> credentials(Connection c, String username)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + ", hashed_password FROM users WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? Optional.of(new CredentialRow(account(rs), rs.getString(10)))
                        : Optional.empty();
            }
        }
    }

    private static Optional<Long> idOfUsernameIgnoringCase(Connection c, String username)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id FROM users WHERE lower(username) = lower(?)")) {
            select.setString(1, username);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static void checkEmailFree(Connection c, String email, long exceptId)
            throws SQLException, UserException {
        if (email == null) {
            return;
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM users WHERE lower(email) = lower(?) AND id <> ?")) {
            select.setString(1, email);
            select.setLong(2, exceptId);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    throw new UserException(UserException.Reason.DUPLICATE_EMAIL, "email",
                            "email: another account already uses it");
                }
            }
        }
    }

    private static int activeAdmins(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT COUNT(*) FROM users WHERE upper(role) = 'ADMIN' AND is_active = 1");
                ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static List<UserAccount> accounts(PreparedStatement select) throws SQLException {
        List<UserAccount> accounts = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                accounts.add(account(rs));
            }
        }
        return accounts;
    }

    private static UserAccount account(ResultSet rs) throws SQLException {
        String roleText = rs.getString(5);
        Role role = Role.fromColumnValue(roleText).orElseGet(() -> {
            // Least privilege for a value no tool writes.
            LOG.warn("Users database: unknown role value '{}' read as 'read'", roleText);
            return Role.READ;
        });
        // The Python tool reads a NULL is_active as "not active"; so does Lantir.
        boolean active = rs.getInt(6) == 1;
        return new UserAccount(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), role, active, SqlTimes.parse(rs.getString(7)),
                SqlTimes.parse(rs.getString(8)), rs.getInt(9));
    }

    // --- helpers ----------------------------------------------------------------------------

    /** A write whose body may refuse with a {@link UserException}. */
    private <T> T write(UserWork<T> work) throws UserException {
        try {
            return database.inTransaction(c -> {
                try {
                    return work.run(c);
                } catch (UserException e) {
                    throw new Refusal(e);
                }
            });
        } catch (Refusal r) {
            throw r.refusal;
        }
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static boolean isActiveAdmin(UserAccount account) {
        return account.role() == Role.ADMIN && account.active();
    }

    private static UserException notFound(long id) {
        return new UserException(UserException.Reason.NOT_FOUND, "id",
                "id: no account has id " + id);
    }

    private static String actorName(String actor) {
        return actor == null ? "Lantir" : "'" + actor + "'";
    }

    /** Which fields a change touches, for the log: names only, no values of secrets. */
    private static String describe(UserChanges changes) {
        StringJoiner fields = new StringJoiner(", ");
        if (changes.email() != null) {
            fields.add("email");
        }
        if (changes.fullName() != null) {
            fields.add("full name");
        }
        if (changes.password() != null) {
            fields.add("password (existing tokens ended)");
        }
        if (changes.role() != null) {
            fields.add("role " + changes.role().wireName());
        }
        if (changes.active() != null) {
            fields.add(changes.active() ? "activated" : "deactivated (existing tokens ended)");
        }
        return fields.length() == 0 ? "nothing" : fields.toString();
    }

    @FunctionalInterface
    private interface UserWork<T> {
        T run(Connection c) throws SQLException, UserException;
    }

    /** Carries a refusal out of the transaction, which rolls back on the way. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient UserException refusal;

        Refusal(UserException refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }
    }

    /** An account with its stored hash; never leaves this class. */
    private record CredentialRow(UserAccount account, String hash) {
        @Override
        public String toString() {
            return "CredentialRow[" + account.username() + "]";
        }
    }
}
