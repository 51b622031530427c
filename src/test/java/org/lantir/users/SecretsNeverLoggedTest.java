package org.lantir.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.cli.LantirCommand;
import org.lantir.sync.MutableClock;
import org.slf4j.LoggerFactory;

/**
 * The whole accounts flow (first admin, logins right, wrong and throttled, account changes,
 * tokens issued, verified, tampered and expired, the user commands) with every log line at
 * every level captured: none holds a password, a hash, a token or the signing key.
 */
class SecretsNeverLoggedTest {

    static final String TECH_PASSWORD = "tech first phrase";
    static final String TECH_NEW_PASSWORD = "tech second phrase";
    static final String CLI_USER_PASSWORD = "kiosk cli phrase";
    static final String CLI_ADMIN_NEW_PASSWORD = "admin changed phrase";

    @TempDir
    Path dir;

    final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:15:30Z"),
            ZoneOffset.UTC);
    final List<String> secrets = new ArrayList<>();
    Logger root;
    Level rootLevel;

    @BeforeEach
    void captureEverything() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void restore() {
        root.detachAppender(appender);
        appender.stop();
        root.setLevel(rootLevel);
    }

    @Test
    void noPasswordHashTokenOrKeyReachesALogLine() throws Exception {
        assumeTrue(System.getenv(UserDirectory.ADMIN_PASSWORD_ENV) == null);
        Path usersDb = dir.resolve("users.db");

        String adminPassword = directoryFlow(usersDb);
        tokenFlow(usersDb);
        commandLineFlow(adminPassword);
        collectStoredSecrets(usersDb);

        List<String> lines = capturedLines();
        assertThat(lines).as("the capture works and names actors and accounts")
                .anyMatch(l -> l.contains("Login of 'admin'"))
                .anyMatch(l -> l.contains("'admin' created account 'mri.tech'"))
                .anyMatch(l -> l.contains("throttled"))
                .anyMatch(l -> l.contains("'admin' created account 'kiosk'"));
        assertThat(secrets).hasSizeGreaterThan(15)
                .allSatisfy(s -> assertThat(s).hasSizeGreaterThan(7));
        for (String line : lines) {
            for (String secret : secrets) {
                assertThat(line).as("a log line").doesNotContain(secret);
            }
        }
    }

    /** Returns the first admin's random password. */
    private String directoryFlow(Path usersDb) throws Exception {
        try (UserDirectory users = UserDirectory.open(usersDb, clock, 10)) {
            String adminPassword = users.ensureAdmin(Map.of()).orElseThrow();
            secrets.add(adminPassword);

            users.login("admin", adminPassword.toCharArray(), "127.0.0.1");
            for (int i = 1; i <= 6; i++) {
                String guess = "wrong guess " + i;
                secrets.add(guess);
                users.login("admin", guess.toCharArray(), "203.0.113.9");
            }
            String typedIntoUsername = "my-secret-pass-typed-as-name";
            secrets.add(typedIntoUsername);
            users.login(typedIntoUsername, "x".toCharArray(), "127.0.0.2");

            secrets.add(TECH_PASSWORD);
            UserAccount tech = users.create(new NewUser("mri.tech", TECH_PASSWORD.toCharArray(),
                    Role.WRITE, null, "Tess Fictional"), "admin");
            users.login("mri.tech", TECH_PASSWORD.toCharArray(), "10.0.0.4");
            secrets.add(TECH_NEW_PASSWORD);
            users.update(tech.id(), UserChanges.password(TECH_NEW_PASSWORD.toCharArray()),
                    "admin");
            String tooLong = "z".repeat(80);
            secrets.add(tooLong);
            try {
                users.update(tech.id(), UserChanges.password(tooLong.toCharArray()), "admin");
            } catch (UserException expected) {
                assertThat(expected.getMessage()).doesNotContain(tooLong);
            }
            users.delete(tech.id(), "admin");
            return adminPassword;
        }
    }

    private void tokenFlow(Path usersDb) throws Exception {
        Path secretFile = AccessTokens.secretFileFor(usersDb);
        AccessTokens tokens = AccessTokens.open(secretFile, Duration.ofMinutes(30),
                Duration.ofHours(2), clock);
        secrets.add(Files.readString(secretFile).strip());

        UserAccount admin = new UserAccount(1, "admin", null, null, Role.ADMIN, true, null,
                null);
        String token = tokens.issue(admin, Duration.ofMinutes(10));
        secrets.add(token);
        secrets.add(token.substring(token.lastIndexOf('.') + 1));
        tokens.verify(token);
        for (String bad : List.of(token.substring(0, token.length() - 3) + "abc",
                token.replace('.', ','), token + "x")) {
            secrets.add(bad);
            try {
                tokens.verify(bad);
            } catch (InvalidTokenException expected) {
                assertThat(expected.getMessage()).doesNotContain(bad);
            }
        }
        clock.advance(Duration.ofMinutes(11));
        try {
            tokens.verify(token);
        } catch (InvalidTokenException expected) {
            assertThat(expected.expired()).isTrue();
        }
    }

    private void commandLineFlow(String adminPassword) throws Exception {
        Path config = dir.resolve("lantir.json");
        Files.writeString(config, "{\"db_path\": \"worklist.db\", \"users_db_path\": "
                + "\"users.db\", \"allowed_aet\": []}");
        secrets.add(CLI_USER_PASSWORD);
        secrets.add(CLI_ADMIN_NEW_PASSWORD);

        assertThat(cli("admin\n" + adminPassword + "\n" + CLI_USER_PASSWORD + "\n"
                + CLI_USER_PASSWORD + "\n", "create-user", "--username", "kiosk", "--role",
                "read", "--email", "", "--full-name", "", "--config", config.toString()))
                .isZero();
        assertThat(cli(adminPassword + "\n" + CLI_ADMIN_NEW_PASSWORD + "\n"
                + CLI_ADMIN_NEW_PASSWORD + "\n", "admin-password", "--config",
                config.toString())).isZero();
        assertThat(cli("admin\n" + CLI_ADMIN_NEW_PASSWORD + "\n", "list-users", "--config",
                config.toString())).isZero();
        assertThat(cli("admin\n" + "wrong cli guess" + "\n", "list-users", "--config",
                config.toString())).isNotZero();
        secrets.add("wrong cli guess");
    }

    private void collectStoredSecrets(Path usersDb) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + usersDb);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT hashed_password FROM users")) {
            while (rs.next()) {
                String hash = rs.getString(1);
                secrets.add(hash);
                secrets.add(hash.substring(7)); // salt and digest without "$2b$12$"
            }
        }
    }

    private List<String> capturedLines() {
        List<String> lines = new ArrayList<>();
        synchronized (appender) {
            for (ILoggingEvent event : appender.list) {
                lines.add(event.getLoggerName() + " " + event.getFormattedMessage() + " "
                        + event.getMDCPropertyMap()
                        + (event.getThrowableProxy() == null ? ""
                                : ThrowableProxyUtil.asString(event.getThrowableProxy())));
            }
        }
        return lines;
    }

    private static int cli(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return LantirCommand.run(new PrintWriter(new StringWriter(), true),
                    new PrintWriter(new StringWriter(), true), args);
        } finally {
            System.setIn(saved);
        }
    }
}
