package org.lantir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.users.NewUser;
import org.lantir.users.Role;
import org.lantir.users.UserAccount;
import org.lantir.users.UserDirectory;

/**
 * {@code admin-password}, {@code create-user} and {@code list-users}, answering their prompts
 * through standard input (there is no console under the test runner).
 */
class UserCommandsTest {

    static final String ADMIN_PASSWORD = "admin pass phrase";
    static final String TECH_PASSWORD = "tech pass phrase";
    static final Pattern SHOWN_ONCE = Pattern.compile("\\n    (\\S{16,})\\n");

    @TempDir
    Path dir;
    Path config;
    Path usersDb;

    @BeforeAll
    static void noAdminPasswordInTheEnvironment() {
        assumeTrue(System.getenv(UserDirectory.ADMIN_PASSWORD_ENV) == null,
                "the first-use tests expect a random admin password");
    }

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("lantir.json");
        usersDb = dir.resolve("accounts/users.db");
        Files.writeString(config, """
                {"db_path": "worklist.db", "users_db_path": "accounts/users.db",
                 "allowed_aet": []}
                """);
    }

    @Test
    void firstUseMakesTheAdminAndShowsItsPasswordOnceOnStandardOutput() {
        Cli.Run first = run("", "list-users", "--pylantir_config", config.toString());

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(first.out()).contains("first account, \"admin\"", "shown only this once");
        String password = shownPassword(first);
        assertThat(first.err()).contains("Admin username [admin]: ", "input ended");

        Cli.Run listed = run("\n" + password + "\n", "list-users", "--config",
                config.toString());

        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.out()).doesNotContain(password).doesNotContain("shown only");
        String[] lines = listed.out().split("\\R");
        assertThat(lines[0]).startsWith("ID").contains("Username", "Role", "Active", "Email",
                "Full name", "Last login");
        assertThat(lines[1]).matches("1\\s+admin\\s+admin\\s+yes\\s+\\d{4}-\\d\\d-\\d\\d "
                + "\\d\\d:\\d\\d");
        assertThat(lines[2]).isEqualTo("1 account(s)");
        assertThat(usersDb).exists();
        assertThat(usersDb.resolveSibling("users.db.jwt-secret")).doesNotExist();
    }

    @Test
    void adminPasswordChangesThePasswordAfterTheCurrentOne() throws Exception {
        seedAdmin();
        String newPassword = "a brand new passphrase";

        Cli.Run changed = run(ADMIN_PASSWORD + "\n" + newPassword + "\n" + newPassword + "\n",
                "admin-password", "--pylantir_config", config.toString());

        assertThat(changed.exitCode()).as(changed.toString()).isZero();
        assertThat(changed.out()).contains("Changed the password of admin")
                .doesNotContain(newPassword).doesNotContain(ADMIN_PASSWORD);
        assertThat(changed.err()).contains("Current password of admin: ",
                "New password for admin", "Repeat the new password: ");
        assertThat(run("\n" + ADMIN_PASSWORD + "\n", "list-users", "--config",
                config.toString()).exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run("\n" + newPassword + "\n", "list-users", "--config",
                config.toString()).exitCode()).isZero();
        try (UserDirectory users = open()) {
            assertThat(users.findByUsername("admin").orElseThrow().tokenVersion()).isEqualTo(1);
        }
    }

    @Test
    void adminPasswordOfAnotherAccountWithUsername() throws Exception {
        seedAdmin();
        try (UserDirectory users = open()) {
            users.create(new NewUser("mri.tech", TECH_PASSWORD.toCharArray(), Role.WRITE, null,
                    null), "admin");
        }

        Cli.Run changed = run(TECH_PASSWORD + "\nanother tech phrase\nanother tech phrase\n",
                "--username", "mri.tech", "admin-password", "--config", config.toString());

        assertThat(changed.exitCode()).as(changed.toString()).isZero();
        try (UserDirectory users = open()) {
            assertThat(users.findByUsername("mri.tech").orElseThrow().tokenVersion())
                    .isEqualTo(1);
        }
    }

    @Test
    void adminPasswordRefusesAWrongCurrentPasswordDifferingOrWeakNewOnes() throws Exception {
        seedAdmin();

        Cli.Run wrong = run("not the password\n", "admin-password", "--config",
                config.toString());
        Cli.Run differ = run(ADMIN_PASSWORD + "\nfirst long phrase\nsecond long phrase\n",
                "admin-password", "--config", config.toString());
        Cli.Run weak = run(ADMIN_PASSWORD + "\nshort\nshort\n", "admin-password", "--config",
                config.toString());

        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(wrong.err()).contains("wrong username or password");
        assertThat(differ.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(differ.err()).contains("the two passwords differ");
        assertThat(weak.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(weak.err()).contains("password: must be at least 12 characters long",
                "nothing changed");
        try (UserDirectory users = open()) {
            assertThat(users.findByUsername("admin").orElseThrow().tokenVersion()).isZero();
        }
    }

    @Test
    void adminPasswordResetSetsAPasswordShownOnceEndsTokensAndReactivates() throws Exception {
        seedAdmin();
        try (UserDirectory users = open()) {
            UserAccount tech = users.create(new NewUser("mri.tech", TECH_PASSWORD.toCharArray(),
                    Role.WRITE, null, null), "admin");
            users.update(tech.id(), new org.lantir.users.UserChanges(null, null, null, null,
                    false), "admin");
        }

        Cli.Run reset = run("", "admin-password", "--reset", "--config", config.toString());
        Cli.Run techReset = run("", "admin-password", "--username", "mri.tech", "--reset",
                "--config", config.toString());
        Cli.Run nobody = run("", "admin-password", "--username", "nobody", "--reset",
                "--config", config.toString());

        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(reset.err()).doesNotContain("Current password");
        String password = shownPassword(reset);
        assertThat(reset.out()).contains("Reset the password of admin", "shown only this once",
                "no longer work");
        assertThat(run("\n" + ADMIN_PASSWORD + "\n", "list-users", "--config",
                config.toString()).exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run("\n" + password + "\n", "list-users", "--config",
                config.toString()).exitCode()).isZero();
        assertThat(techReset.exitCode()).as(techReset.toString()).isZero();
        assertThat(nobody.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(nobody.err()).contains("no account is named 'nobody'", "nothing changed");
        try (UserDirectory users = open()) {
            assertThat(users.findByUsername("admin").orElseThrow().tokenVersion()).isEqualTo(1);
            UserAccount tech = users.findByUsername("mri.tech").orElseThrow();
            assertThat(tech.active()).isTrue();
            assertThat(tech.tokenVersion()).as("deactivation, then reset").isEqualTo(2);
        }
    }

    @Test
    void adminPasswordResetNeedsAUsersDatabaseItMayWrite() throws Exception {
        Cli.Run none = run("", "admin-password", "--reset", "--config", config.toString());
        assertThat(none.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(none.err()).contains("no users database at");
        assertThat(usersDb).doesNotExist();

        seedAdmin();
        assumeTrue(usersDb.toFile().setWritable(false, false));
        try {
            assumeTrue(!Files.isWritable(usersDb), "running as root");
            Cli.Run readOnly = run("", "admin-password", "--reset", "--config",
                    config.toString());

            assertThat(readOnly.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(readOnly.err()).contains("needs write access to " + usersDb);
            assertThat(readOnly.out()).isEmpty();
        } finally {
            usersDb.toFile().setWritable(true, true);
        }
    }

    @Test
    void adminPasswordRefusesTheCurrentPasswordAsTheNewOne() throws Exception {
        seedAdmin();

        Cli.Run same = run(ADMIN_PASSWORD + "\n" + ADMIN_PASSWORD + "\n" + ADMIN_PASSWORD + "\n",
                "admin-password", "--config", config.toString());

        assertThat(same.exitCode()).as(same.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(same.err()).contains("the new password is the current one; nothing changed");
        try (UserDirectory users = open()) {
            assertThat(users.findByUsername("admin").orElseThrow().tokenVersion()).isZero();
        }
    }

    @Test
    void aRefusedNonAdminLeavesNoLastLogin() throws Exception {
        seedAdmin();
        try (UserDirectory users = open()) {
            users.create(new NewUser("reader", TECH_PASSWORD.toCharArray(), Role.READ, null,
                    null), "admin");
        }

        Cli.Run listed = run("reader\n" + TECH_PASSWORD + "\n", "list-users", "--config",
                config.toString());

        assertThat(listed.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(listed.err()).contains("reader may not manage users");
        try (UserDirectory users = open()) {
            assertThat(users.findByUsername("reader").orElseThrow().lastLogin()).isNull();
        }
    }

    @Test
    void createUserTakesTheFlagsAndAsksForThePasswordTwice() throws Exception {
        seedAdmin();

        Cli.Run created = run("admin\n" + ADMIN_PASSWORD + "\n" + TECH_PASSWORD + "\n"
                + TECH_PASSWORD + "\n", "create-user", "--username", "mri.tech", "--role",
                "WRITE", "--email", "tech@example.org", "--full-name", "Tess Fictional",
                "--pylantir_config", config.toString());

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).contains("Created account mri.tech (role write, id 2)")
                .doesNotContain(TECH_PASSWORD);
        try (UserDirectory users = open()) {
            UserAccount tech = users.findByUsername("mri.tech").orElseThrow();
            assertThat(tech.role()).isEqualTo(Role.WRITE);
            assertThat(tech.email()).isEqualTo("tech@example.org");
            assertThat(tech.fullName()).isEqualTo("Tess Fictional");
        }
        Cli.Run listed = run("\n" + ADMIN_PASSWORD + "\n", "list-users", "--config",
                config.toString());
        assertThat(listed.out()).containsPattern("2\\s+mri\\.tech\\s+write\\s+yes\\s+"
                + "tech@example\\.org\\s+Tess Fictional\\s+never")
                .contains("2 account(s)");
    }

    @Test
    void createUserAsksForWhatTheFlagsLeaveOut() throws Exception {
        seedAdmin();

        Cli.Run created = run("\n" + ADMIN_PASSWORD + "\nkiosk\n\n\nFront Desk Kiosk\n"
                + TECH_PASSWORD + "\n" + TECH_PASSWORD + "\n", "create-user", "--config",
                config.toString());

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.err()).contains("New username: ", "Role: ", "[read]: ",
                "Email (optional): ", "Full name (optional): ");
        try (UserDirectory users = open()) {
            UserAccount kiosk = users.findByUsername("kiosk").orElseThrow();
            assertThat(kiosk.role()).isEqualTo(Role.READ);
            assertThat(kiosk.email()).isNull();
            assertThat(kiosk.fullName()).isEqualTo("Front Desk Kiosk");
        }
    }

    @Test
    void createUserRefusesNonAdminsBadRolesAndBadFields() throws Exception {
        seedAdmin();
        try (UserDirectory users = open()) {
            users.create(new NewUser("mri.tech", TECH_PASSWORD.toCharArray(), Role.WRITE, null,
                    null), "admin");
        }

        Cli.Run notAdmin = run("mri.tech\n" + TECH_PASSWORD + "\n", "create-user",
                "--username", "x.ray", "--role", "read", "--config", config.toString());
        Cli.Run badRole = run("", "create-user", "--role", "root", "--config",
                config.toString());
        Cli.Run taken = run("admin\n" + ADMIN_PASSWORD + "\n" + TECH_PASSWORD + "\n"
                + TECH_PASSWORD + "\n", "create-user", "--username", "MRI.tech", "--role",
                "read", "--email", "", "--full-name", "", "--config", config.toString());
        Cli.Run badEmail = run("admin\n" + ADMIN_PASSWORD + "\n" + TECH_PASSWORD + "\n"
                + TECH_PASSWORD + "\n", "create-user", "--username", "x.ray", "--role",
                "read", "--email", "nope", "--full-name", "", "--config", config.toString());

        assertThat(notAdmin.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(notAdmin.err()).contains("mri.tech may not manage users (role write)");
        assertThat(badRole.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badRole.err()).contains("--role must be admin, write or read");
        assertThat(taken.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(taken.err()).contains("username: 'MRI.tech' is taken; nothing created")
                .as("refused before any password is asked").doesNotContain("Password of");
        assertThat(badEmail.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(badEmail.err()).contains("email: is not an email address");
        try (UserDirectory users = open()) {
            assertThat(users.list()).extracting(UserAccount::username)
                    .containsExactly("admin", "mri.tech");
        }
    }

    @Test
    void anUnusableUsersDatabaseIsUnavailable() throws Exception {
        Files.createDirectories(usersDb);

        Cli.Run run = run("", "list-users", "--config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).contains("users database");
    }

    @Test
    void theCommandsAreListedInTheHelp() {
        Cli.Run help = Cli.run("--help");

        assertThat(help.out()).contains("admin-password", "create-user", "list-users");
    }

    private void seedAdmin() {
        try (UserDirectory users = open()) {
            users.ensureAdmin(Map.of(UserDirectory.ADMIN_PASSWORD_ENV, ADMIN_PASSWORD));
        }
    }

    private UserDirectory open() {
        return UserDirectory.open(usersDb, Clock.systemUTC(), 10);
    }

    static String shownPassword(Cli.Run run) {
        Matcher shown = SHOWN_ONCE.matcher(run.out().replace("\r\n", "\n"));
        assertThat(shown.find()).as(run.toString()).isTrue();
        return shown.group(1);
    }

    /** Runs {@code lantir} with {@code stdin} as standard input. */
    static Cli.Run run(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return Cli.run(args);
        } finally {
            System.setIn(saved);
        }
    }
}
