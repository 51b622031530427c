package org.lantir.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.lantir.config.ConfigPath;
import org.lantir.config.LantirConfig;
import org.lantir.sync.MutableClock;
import org.lantir.users.UserException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDirectoryTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:15:30Z");
    static final String ADMIN_PASSWORD = "correct horse battery";
    static final String TECH_PASSWORD = "a long enough secret";

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(NOW, ZoneOffset.UTC);
    UserDirectory users;

    @BeforeEach
    void open() {
        users = UserDirectory.open(dir.resolve("users.db"), clock, 10);
    }

    @AfterEach
    void close() {
        users.close();
    }

    @Test
    void firstStartCreatesAnAdminWithARandomPasswordShownOnce() {
        Optional<String> password = users.ensureAdmin(Map.of());

        assertThat(password).hasValueSatisfying(p -> assertThat(p).hasSizeGreaterThanOrEqualTo(16)
                .matches("[A-HJ-NP-Za-km-z2-9-]+"));
        assertThat(users.list()).singleElement().satisfies(a -> {
            assertThat(a.username()).isEqualTo("admin");
            assertThat(a.role()).isEqualTo(Role.ADMIN);
            assertThat(a.active()).isTrue();
            assertThat(a.createdAt()).isEqualTo(NOW);
            assertThat(a.lastLogin()).isNull();
        });
        assertThat(users.login("admin", password.get().toCharArray(), "127.0.0.1"))
                .isInstanceOf(LoginResult.Accepted.class);
        assertThat(users.ensureAdmin(Map.of())).isEmpty();
        assertThat(users.list()).hasSize(1);
    }

    @Test
    void firstAdminTakesThePasswordFromTheEnvironment() {
        assertThat(users.ensureAdmin(Map.of("LANTIR_ADMIN_PASSWORD", ADMIN_PASSWORD))).isEmpty();

        assertThat(users.login("admin", ADMIN_PASSWORD.toCharArray(), "127.0.0.1"))
                .isInstanceOf(LoginResult.Accepted.class);
    }

    @Test
    void aWeakEnvironmentPasswordIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> users.ensureAdmin(Map.of("LANTIR_ADMIN_PASSWORD", "admin123")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LANTIR_ADMIN_PASSWORD")
                .hasMessageContaining("at least 12 characters")
                .hasMessageNotContaining("admin123");
        assertThat(users.list()).isEmpty();
    }

    @Test
    void twoProcessesStartingTogetherMakeOneAdmin() throws Exception {
        List<UserDirectory> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            others.add(UserDirectory.open(dir.resolve("users.db"), clock, 10));
        }
        ExecutorService pool = Executors.newFixedThreadPool(others.size());
        try {
            List<Future<Optional<String>>> results = new ArrayList<>();
            for (UserDirectory other : others) {
                Callable<Optional<String>> first = () -> other.ensureAdmin(Map.of());
                results.add(pool.submit(first));
            }
            int shown = 0;
            for (Future<Optional<String>> result : results) {
                shown += result.get().isPresent() ? 1 : 0;
            }
            assertThat(shown).isEqualTo(1);
            assertThat(users.list()).hasSize(1);
        } finally {
            pool.shutdownNow();
            others.forEach(UserDirectory::close);
        }
    }

    @Test
    void createsAccountsRecordingWhoCreatedThem() throws Exception {
        UserAccount admin = withAdmin();

        UserAccount tech = users.create(new NewUser(" mri.tech ", TECH_PASSWORD.toCharArray(),
                Role.WRITE, "tech@example.org", " Tess Fictional "), "admin");

        assertThat(tech.username()).isEqualTo("mri.tech");
        assertThat(tech.role()).isEqualTo(Role.WRITE);
        assertThat(tech.email()).isEqualTo("tech@example.org");
        assertThat(tech.fullName()).isEqualTo("Tess Fictional");
        assertThat(tech.active()).isTrue();
        assertThat(tech.tokenVersion()).isZero();
        assertThat(users.findByUsername("mri.tech")).contains(tech);
        assertThat(users.find(tech.id())).contains(tech);
        assertThat(users.list()).extracting(UserAccount::username)
                .containsExactly("admin", "mri.tech");
        assertThat(column("SELECT created_by FROM users WHERE username = 'mri.tech'"))
                .isEqualTo(String.valueOf(admin.id()));
    }

    @Test
    void usernamesAreUniqueIgnoringCase() throws Exception {
        withAdmin();

        assertThatThrownBy(() -> users.create(tech("Admin"), "admin"))
                .isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_USERNAME);
                    assertThat(e.field()).isEqualTo("username");
                    assertThat(e.getMessage()).startsWith("username: ");
                });
        assertThat(users.findByUsername("ADMIN")).isEmpty();
    }

    @Test
    void emailsAreUnique() throws Exception {
        withAdmin();
        users.create(new NewUser("first", TECH_PASSWORD.toCharArray(), Role.READ,
                "same@example.org", null), "admin");

        assertThatThrownBy(() -> users.create(new NewUser("second", TECH_PASSWORD.toCharArray(),
                Role.READ, "SAME@example.org", null), "admin"))
                .isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_EMAIL);
                    assertThat(e.field()).isEqualTo("email");
                });
        assertThat(users.list()).hasSize(2);
    }

    @Test
    void invalidFieldsAreNamed() {
        assertThatThrownBy(() -> users.create(new NewUser("x", TECH_PASSWORD.toCharArray(),
                Role.READ, null, null), "admin"))
                .isInstanceOfSatisfying(UserException.class,
                        e -> assertThat(e.field()).isEqualTo("username"));
        assertThatThrownBy(() -> users.create(new NewUser("shorty", "short".toCharArray(),
                Role.READ, null, null), "admin"))
                .isInstanceOfSatisfying(UserException.class,
                        e -> assertThat(e.field()).isEqualTo("password"));
        assertThatThrownBy(() -> users.create(new NewUser("norole", TECH_PASSWORD.toCharArray(),
                null, null, null), "admin"))
                .isInstanceOfSatisfying(UserException.class,
                        e -> assertThat(e.field()).isEqualTo("role"));
        assertThat(users.list()).isEmpty();
    }

    @Test
    void updatesKeepWhatIsNullAndClearWhatIsEmpty() throws Exception {
        withAdmin();
        UserAccount tech = users.create(new NewUser("mri.tech", TECH_PASSWORD.toCharArray(),
                Role.WRITE, "tech@example.org", "Tess Fictional"), "admin");

        UserAccount changed = users.update(tech.id(), new UserChanges(null, "", null, Role.READ,
                null), "admin");

        assertThat(changed.role()).isEqualTo(Role.READ);
        assertThat(changed.fullName()).isNull();
        assertThat(changed.email()).isEqualTo("tech@example.org");
        assertThat(changed.tokenVersion()).isZero();
        assertThat(users.login("mri.tech", TECH_PASSWORD.toCharArray(), "10.0.0.9"))
                .isInstanceOf(LoginResult.Accepted.class);
    }

    @Test
    void aNewPasswordReplacesTheOldAndRaisesTheTokenVersion() throws Exception {
        withAdmin();
        UserAccount tech = users.create(tech("mri.tech"), "admin");

        UserAccount changed = users.update(tech.id(),
                UserChanges.password("another long secret".toCharArray()), "mri.tech");

        assertThat(changed.tokenVersion()).isEqualTo(1);
        assertThat(users.login("mri.tech", TECH_PASSWORD.toCharArray(), "10.0.0.9"))
                .isInstanceOf(LoginResult.Refused.class);
        assertThat(users.login("mri.tech", "another long secret".toCharArray(), "10.0.0.9"))
                .isInstanceOf(LoginResult.Accepted.class);
        assertThatThrownBy(() -> users.update(tech.id(),
                UserChanges.password("short".toCharArray()), "admin"))
                .isInstanceOfSatisfying(UserException.class,
                        e -> assertThat(e.field()).isEqualTo("password"));
    }

    @Test
    void updatingOrDeletingAMissingAccountIsNotFound() {
        assertThatThrownBy(() -> users.update(42, new UserChanges(null, null, null, Role.READ,
                null), "admin")).isInstanceOfSatisfying(UserException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        assertThatThrownBy(() -> users.delete(42, "admin"))
                .isInstanceOfSatisfying(UserException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void theLastActiveAdminCannotBeDemotedDeactivatedOrDeleted() throws Exception {
        UserAccount admin = withAdmin();
        UserAccount other = users.create(tech("second.admin"), "admin");

        assertLastAdmin(() -> users.update(admin.id(), new UserChanges(null, null, null,
                Role.WRITE, null), "second.admin"), "role");
        assertLastAdmin(() -> users.update(admin.id(), new UserChanges(null, null, null, null,
                false), "second.admin"), "is_active");
        assertLastAdmin(() -> users.delete(admin.id(), "second.admin"), null);

        // With a second active admin, the first may go.
        users.update(other.id(), new UserChanges(null, null, null, Role.ADMIN, null), "admin");
        users.update(admin.id(), new UserChanges(null, null, null, null, false), "second.admin");
        assertThat(users.find(admin.id())).get().extracting(UserAccount::active).isEqualTo(false);
        assertLastAdmin(() -> users.update(other.id(), new UserChanges(null, null, null,
                Role.READ, null), "second.admin"), "role");
    }

    @Test
    void anAccountCannotDeleteItself() throws Exception {
        UserAccount admin = withAdmin();
        users.create(new NewUser("other.admin", TECH_PASSWORD.toCharArray(), Role.ADMIN, null,
                null), "admin");

        assertThatThrownBy(() -> users.delete(admin.id(), "admin"))
                .isInstanceOfSatisfying(UserException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SELF_DELETE));
        assertThat(users.find(admin.id())).isPresent();
    }

    @Test
    void loginRecordsTheTimeAndRefusesAlikeWrongPasswordUnknownUserAndInactiveAccount()
            throws Exception {
        withAdmin();
        UserAccount tech = users.create(tech("mri.tech"), "admin");
        clock.advance(Duration.ofMinutes(3));

        LoginResult ok = users.login("mri.tech", TECH_PASSWORD.toCharArray(), "10.0.0.9");

        assertThat(ok).isInstanceOfSatisfying(LoginResult.Accepted.class,
                a -> assertThat(a.user().lastLogin()).isEqualTo(NOW.plus(Duration.ofMinutes(3))));
        assertThat(users.find(tech.id()).orElseThrow().lastLogin())
                .isEqualTo(NOW.plus(Duration.ofMinutes(3)));
        assertThat(users.login("mri.tech", "wrong password!".toCharArray(), "10.0.0.9"))
                .isInstanceOf(LoginResult.Refused.class);
        assertThat(users.login("MRI.TECH", TECH_PASSWORD.toCharArray(), "10.0.0.9"))
                .isInstanceOf(LoginResult.Refused.class);
        assertThat(users.login("nobody", TECH_PASSWORD.toCharArray(), "10.0.0.9"))
                .isInstanceOf(LoginResult.Refused.class);
        assertThat(users.login(null, null, null)).isInstanceOf(LoginResult.Refused.class);

        users.update(tech.id(), new UserChanges(null, null, null, null, false), "admin");
        assertThat(users.login("mri.tech", TECH_PASSWORD.toCharArray(), "10.0.0.10"))
                .isInstanceOf(LoginResult.Refused.class);
    }

    @Test
    void repeatedFailuresThrottleLoginWithoutCheckingThePasswordUntilTheWaitIsOver()
            throws Exception {
        withAdmin();
        for (int i = 0; i < 5; i++) {
            assertThat(users.login("admin", ("guess number " + i).toCharArray(), "203.0.113.9"))
                    .isInstanceOf(LoginResult.Refused.class);
        }

        LoginResult throttled = users.login("admin", ADMIN_PASSWORD.toCharArray(),
                "203.0.113.9");

        assertThat(throttled).isEqualTo(new LoginResult.Throttled(Duration.ofSeconds(5)));
        clock.advance(Duration.ofSeconds(4));
        assertThat(users.login("admin", ADMIN_PASSWORD.toCharArray(), "203.0.113.9"))
                .isEqualTo(new LoginResult.Throttled(Duration.ofSeconds(1)));
        clock.advance(Duration.ofSeconds(1));
        assertThat(users.login("admin", ADMIN_PASSWORD.toCharArray(), "203.0.113.9"))
                .isInstanceOf(LoginResult.Accepted.class);
        // The success cleared the counts.
        assertThat(users.login("admin", "one more guess".toCharArray(), "203.0.113.9"))
                .isInstanceOf(LoginResult.Refused.class);
        assertThat(users.login("admin", ADMIN_PASSWORD.toCharArray(), "203.0.113.9"))
                .isInstanceOf(LoginResult.Accepted.class);
    }

    @Test
    void parallelWrongLoginsGetNoMorePasswordChecksThanSequentialOnes() throws Exception {
        withAdmin();
        int attempts = 30;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<Future<LoginResult>> results = new ArrayList<>();
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < attempts; i++) {
                String address = "203.0.113." + (i + 1);
                results.add(pool.submit(() -> {
                    go.await();
                    return users.login("admin", "a wrong guess here".toCharArray(), address);
                }));
            }
            go.countDown();
            int refused = 0;
            for (Future<LoginResult> result : results) {
                refused += result.get(60, java.util.concurrent.TimeUnit.SECONDS)
                        instanceof LoginResult.Refused ? 1 : 0;
            }

            assertThat(refused).as("password checks").isEqualTo(LoginThrottle.FREE_FAILURES);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aResetTakesThePasswordFromTheEnvironmentWhenSetAndChecksIt() throws Exception {
        withAdmin();

        assertThat(users.resetPassword("admin", Map.of("LANTIR_ADMIN_PASSWORD",
                "a reset pass phrase"))).isEmpty();
        assertThatThrownBy(() -> users.resetPassword("admin", Map.of("LANTIR_ADMIN_PASSWORD",
                "tiny"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LANTIR_ADMIN_PASSWORD").hasMessageNotContaining("tiny");

        assertThat(users.login("admin", "a reset pass phrase".toCharArray(), "127.0.0.1"))
                .isInstanceOf(LoginResult.Accepted.class);
        assertThat(users.findByUsername("admin").orElseThrow().tokenVersion()).isEqualTo(1);
    }

    @Test
    void theUsersDatabaseAndItsCompanionsAreOwnerOnlyAndAWiderOneIsNarrowed() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem()
                .supportedFileAttributeViews().contains("posix"));
        withAdmin();
        Path file = dir.resolve("users.db");

        assertThat(perms(file)).isEqualTo("rw-------");
        assertThat(perms(dir.resolve("users.db-wal"))).isEqualTo("rw-------");
        assertThat(perms(dir.resolve("users.db-shm"))).isEqualTo("rw-------");

        users.close();
        java.nio.file.Files.setPosixFilePermissions(file,
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        users = UserDirectory.open(file, clock, 10);
        assertThat(perms(file)).isEqualTo("rw-------");
    }

    private static String perms(Path file) throws Exception {
        return java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(file));
    }

    @Test
    void idsOfDeletedAccountsAreNeverGivenAgain() throws Exception {
        withAdmin();
        UserAccount first = users.create(tech("mri.tech"), "admin");
        users.delete(first.id(), "admin");

        UserAccount second = users.create(tech("mri.tech"), "admin");

        assertThat(second.id()).isGreaterThan(first.id());
    }

    @Test
    void authenticateFollowsTheAccountAsItIsNow() throws Exception {
        withAdmin();
        UserAccount tech = users.create(tech("mri.tech"), "admin");
        TokenClaims claims = new TokenClaims("mri.tech", NOW, NOW.plusSeconds(60), tech.id(), 0);

        assertThat(users.authenticate(claims)).contains(tech);

        users.update(tech.id(), new UserChanges(null, null, null, Role.READ, null), "admin");
        assertThat(users.authenticate(claims)).get().extracting(UserAccount::role)
                .isEqualTo(Role.READ);

        users.update(tech.id(), new UserChanges(null, null, null, null, false), "admin");
        assertThat(users.authenticate(claims)).isEmpty();
        users.update(tech.id(), new UserChanges(null, null, null, null, true), "admin");
        assertThat(users.authenticate(claims)).as("a deactivation ends tokens for good")
                .isEmpty();
        TokenClaims afterReactivation = new TokenClaims("mri.tech", NOW, NOW, tech.id(), 1);
        assertThat(users.authenticate(afterReactivation)).isPresent();
        users.update(tech.id(), new UserChanges(null, null, null, null, true), "admin");
        assertThat(users.authenticate(afterReactivation)).as("activating an active account")
                .isPresent();

        users.update(tech.id(), UserChanges.password("another long secret".toCharArray()),
                "admin");
        assertThat(users.authenticate(afterReactivation)).isEmpty();
        assertThat(users.authenticate(new TokenClaims("mri.tech", NOW, NOW, tech.id(), 2)))
                .isPresent();

        users.delete(tech.id(), "admin");
        UserAccount reused = users.create(tech("mri.tech"), "admin");
        assertThat(users.authenticate(new TokenClaims("mri.tech", NOW, NOW, tech.id(), 0)))
                .isEmpty();
        assertThat(users.authenticate(new TokenClaims("mri.tech", NOW, NOW, reused.id(), 0)))
                .isPresent();
        assertThat(users.authenticate(new TokenClaims("mri.tech", NOW, NOW))).isEmpty();
        assertThat(users.authenticate(null)).isEmpty();
    }

    @Test
    void usersDatabasePathFollowsThePythonToolsPrecedence() {
        Path worklist = dir.resolve("data/worklist.db");
        LantirConfig none = LantirConfig.defaults();
        LantirConfig configured = new LantirConfig(none.dbPath(),
                ConfigPath.resolve("auth/people.db", dir), none.dbEcho(), none.allowedAet(),
                none.protocol(), none.api(), none.dataSources(), none.lantir(), none.extras());

        assertThat(UserDirectory.usersDbPath(configured, worklist,
                Map.of("USERS_DB_PATH", "/elsewhere/users.db")))
                .isEqualTo(dir.resolve("auth/people.db").toAbsolutePath());
        assertThat(UserDirectory.usersDbPath(none, worklist,
                Map.of("USERS_DB_PATH", "/elsewhere/users.db")))
                .isEqualTo(Path.of("/elsewhere/users.db"));
        assertThat(UserDirectory.usersDbPath(none, worklist,
                Map.of("USERS_DB_PATH", "~/users.db")))
                .isEqualTo(Path.of(System.getProperty("user.home"), "users.db"));
        assertThat(UserDirectory.usersDbPath(none, worklist, Map.of()))
                .isEqualTo(dir.resolve("data/users.db").toAbsolutePath());
        assertThat(UserDirectory.usersDbPath(none, worklist, Map.of("USERS_DB_PATH", " ")))
                .isEqualTo(dir.resolve("data/users.db").toAbsolutePath());
    }

    @Test
    void opensWithTheStoresConventions() throws Exception {
        assertThat(column("PRAGMA journal_mode")).isEqualTo("wal");
        assertThat(column("PRAGMA user_version")).isEqualTo("2");
    }

    @Test
    void refusesADatabaseThatIsNotAUsersDatabase() throws Exception {
        Path worklist = dir.resolve("worklist.db");
        try (org.lantir.store.Database db = org.lantir.store.Database.open(worklist)) {
            assertThat(db.schemaVersion()).isPositive();
        }
        int before = userVersion(worklist);

        assertThatThrownBy(() -> UserDirectory.open(worklist, clock, 10))
                .isInstanceOf(org.lantir.store.StoreException.class)
                .hasMessageContaining("is not one")
                .hasMessageContaining("users_db_path");
        assertThat(userVersion(worklist)).isEqualTo(before);
    }

    private static int userVersion(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }

    private UserAccount withAdmin() {
        users.ensureAdmin(Map.of("LANTIR_ADMIN_PASSWORD", ADMIN_PASSWORD));
        return users.findByUsername("admin").orElseThrow();
    }

    private static NewUser tech(String username) {
        return new NewUser(username, TECH_PASSWORD.toCharArray(), Role.WRITE, null, null);
    }

    private static void assertLastAdmin(org.assertj.core.api.ThrowableAssert.ThrowingCallable
            call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.LAST_ADMIN);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    private String column(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + users.file());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
