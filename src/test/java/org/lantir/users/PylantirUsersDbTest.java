package org.lantir.users;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A users.db as the Python tool leaves it (its SQLAlchemy model's table, passlib's "$2b$"
 * hashes, naive UTC times, upper-case role names) opens in Lantir unchanged, and what Lantir
 * writes stays readable by the Python tool.
 */
class PylantirUsersDbTest {

    /** A password the Python tool accepted (8 characters): Lantir's rules are for new ones. */
    static final String LEGACY_PASSWORD = "S3cure!x";
    static final String READER_PASSWORD = "reader password long";

    @TempDir
    Path dir;

    @Test
    void opensThePythonToolsUsersDatabaseAsItIs() throws Exception {
        Path file = dir.resolve("users.db");
        String adminHash = pythonToolHash(LEGACY_PASSWORD);
        writePythonToolDatabase(file, adminHash);

        try (UserDirectory users = UserDirectory.open(file, Clock.systemUTC(), 10)) {
            assertThat(users.ensureAdmin(Map.of())).isEmpty();
            List<UserAccount> accounts = users.list();

            assertThat(accounts).hasSize(3);
            UserAccount admin = accounts.get(0);
            assertThat(admin.username()).isEqualTo("admin");
            assertThat(admin.role()).isEqualTo(Role.ADMIN);
            assertThat(admin.email()).isEqualTo("admin@localhost");
            assertThat(admin.fullName()).isEqualTo("System Administrator");
            assertThat(admin.active()).isTrue();
            assertThat(admin.createdAt()).isEqualTo(Instant.parse("2025-11-18T09:41:07.123456Z"));
            assertThat(admin.lastLogin()).isEqualTo(Instant.parse("2025-11-20T14:02:00Z"));
            assertThat(accounts.get(1).role()).isEqualTo(Role.READ);
            assertThat(accounts.get(1).active()).isTrue();
            assertThat(accounts.get(2).active()).isFalse();

            assertThat(users.login("admin", LEGACY_PASSWORD.toCharArray(), "127.0.0.1"))
                    .isInstanceOf(LoginResult.Accepted.class);
            assertThat(users.login("reader", READER_PASSWORD.toCharArray(), "127.0.0.1"))
                    .isInstanceOf(LoginResult.Accepted.class);
            assertThat(users.login("gone", READER_PASSWORD.toCharArray(), "127.0.0.1"))
                    .isInstanceOf(LoginResult.Refused.class);
        }

        try (Connection c = connect(file)) {
            assertThat(single(c, "PRAGMA user_version")).isEqualTo("2");
            assertThat(single(c, "SELECT hashed_password FROM users WHERE username = 'admin'"))
                    .isEqualTo(adminHash);
            assertThat(columns(c)).startsWith("id", "username", "email", "full_name",
                    "hashed_password", "role", "is_active", "created_at", "last_login",
                    "created_by").endsWith("token_version");
            assertThat(single(c, "SELECT token_version FROM users WHERE username = 'reader'"))
                    .isEqualTo("0");
        }
    }

    @Test
    void writesRowsThePythonToolCanRead() throws Exception {
        Path file = dir.resolve("users.db");
        writePythonToolDatabase(file, pythonToolHash(LEGACY_PASSWORD));

        try (UserDirectory users = UserDirectory.open(file, Clock.systemUTC(), 10)) {
            UserAccount kiosk = users.create(new NewUser("kiosk", "kiosk password 1"
                    .toCharArray(), Role.WRITE, null, null), "admin");
            assertThat(kiosk.id()).isEqualTo(4);
        }

        try (Connection c = connect(file)) {
            assertThat(single(c, "SELECT role FROM users WHERE username = 'kiosk'"))
                    .isEqualTo("WRITE");
            assertThat(single(c, "SELECT is_active FROM users WHERE username = 'kiosk'"))
                    .isEqualTo("1");
            assertThat(single(c, "SELECT created_by FROM users WHERE username = 'kiosk'"))
                    .isEqualTo("1");
            assertThat(single(c, "SELECT created_at FROM users WHERE username = 'kiosk'"))
                    .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
            String hash = single(c, "SELECT hashed_password FROM users WHERE username = 'kiosk'");
            assertThat(hash).startsWith("$2b$");
            assertThat(BCrypt.verifyer().verify("kiosk password 1".toCharArray(),
                    hash.toCharArray()).verified).isTrue();
        }
    }

    /** A hash in passlib's form: bcrypt "$2b$", cost 12 as passlib's default. */
    private static String pythonToolHash(String password) {
        return BCrypt.with(BCrypt.Version.VERSION_2B).hashToString(12, password.toCharArray());
    }

    /** The table and index the Python tool's SQLAlchemy model creates, with its rows. */
    private static void writePythonToolDatabase(Path file, String adminHash) throws Exception {
        try (Connection c = connect(file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id INTEGER NOT NULL, username VARCHAR(50) NOT NULL, "
                    + "email VARCHAR(100), full_name VARCHAR(100), "
                    + "hashed_password VARCHAR(255) NOT NULL, role VARCHAR(5) NOT NULL, "
                    + "is_active BOOLEAN, created_at DATETIME, last_login DATETIME, "
                    + "created_by INTEGER, PRIMARY KEY (id), UNIQUE (email))");
            s.execute("CREATE UNIQUE INDEX ix_users_username ON users (username)");
            s.execute("INSERT INTO users VALUES (1, 'admin', 'admin@localhost', "
                    + "'System Administrator', '" + adminHash + "', 'ADMIN', 1, "
                    + "'2025-11-18 09:41:07.123456', '2025-11-20 14:02:00.000000', NULL)");
            s.execute("INSERT INTO users VALUES (2, 'reader', NULL, NULL, '"
                    + pythonToolHash(READER_PASSWORD) + "', 'READ', 1, "
                    + "'2025-11-19 10:00:00.000000', NULL, 1)");
            s.execute("INSERT INTO users VALUES (3, 'gone', NULL, NULL, '"
                    + pythonToolHash(READER_PASSWORD) + "', 'WRITE', 0, "
                    + "'2025-11-19 10:00:00', NULL, 1)");
        }
    }

    private static Connection connect(Path file) throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static String single(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static List<String> columns(Connection c) throws Exception {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA table_info(users)")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }
}
