package org.lantir.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.users.AccessTokens;
import org.slf4j.LoggerFactory;

/**
 * Across a whole API session (first start, logins right and wrong, a throttled login, every
 * worklist and user call, an expired and a tampered token, a malformed body), no log line of
 * any level holds a password, a token, the signing secret or an Authorization header; patient
 * data appears at DEBUG at most. Lantir's loggers are opened to TRACE meanwhile; the others log
 * at what the configuration lets through, which keeps Jetty (whose DEBUG prints headers) at
 * WARN.
 */
@Timeout(120)
class ApiLogPrivacyTest {

    @TempDir
    Path dir;

    @Test
    void noCredentialReachesALogLineAndPatientDataStaysAtDebug() throws Exception {
        List<ILoggingEvent> events;
        List<String> tokens = new ArrayList<>();
        String secret;
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger lantir = (Logger) LoggerFactory.getLogger("org.lantir");
        Level before = lantir.getLevel();
        appender.start();
        root.addAppender(appender);
        lantir.setLevel(Level.TRACE);
        try (ApiHarness api = ApiHarness.start(dir)) {
            secret = Files.readString(AccessTokens.secretFileFor(api.usersDb())).strip();
            session(api, tokens);
        } finally {
            root.detachAppender(appender);
            lantir.setLevel(before);
            synchronized (appender) {
                events = new ArrayList<>(appender.list);
            }
        }

        String all = text(events, Level.TRACE);
        String infoAndAbove = text(events, Level.INFO);
        assertThat(all).contains("API: writer listed", "Worklist row 1 added by writer",
                "Login of 'admin'");
        assertThat(all).doesNotContain(ApiHarness.ADMIN_PASSWORD, ApiHarness.WRITER_PASSWORD,
                ApiHarness.READER_PASSWORD, "kiosk-Passphrase", "wrong-Passphrase", secret,
                "Bearer ", "Authorization");
        for (String token : tokens) {
            assertThat(all).doesNotContain(token);
            assertThat(all).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        }
        assertThat(infoAndAbove).doesNotContain("DOE", "Jane", "SUB-001", "1980");
    }

    private static void session(ApiHarness api, List<String> tokens) throws Exception {
        String admin = api.login("admin", ApiHarness.ADMIN_PASSWORD);
        String writer = api.login("writer", ApiHarness.WRITER_PASSWORD);
        tokens.add(admin);
        tokens.add(writer);
        Map<String, Object> row = ApiWorklistTest.newRow();

        long id = ApiHarness.json(api.post("/worklist", writer, row)).get("id").asLong();
        api.get("/worklist?patient_id=SUB-001", writer);
        api.put("/worklist/" + id, writer, Map.of("patient_name", "DOE^Janet"));
        api.put("/worklist/" + id, writer, Map.of("patient_birth_date", "19800230"));
        api.post("/worklist", writer, "{\"patient_name\": \"DOE^Jane\", ");
        api.delete("/worklist/" + id, writer);
        api.get("/health", admin);

        api.post("/users", admin, Map.of("username", "kiosk", "password",
                "kiosk-Passphrase-2025", "role", "read"));
        api.put("/users/4", admin, Map.of("password", "kiosk-Passphrase-2026"));
        api.post("/users", admin, Map.of("username", "x", "password", "kiosk-Passphrase-x"));
        String kiosk = api.login("kiosk", "kiosk-Passphrase-2026");
        tokens.add(kiosk);
        for (int i = 0; i < 6; i++) {
            api.post("/auth/login", null, Map.of("username", "reader", "password",
                    "wrong-Passphrase-" + i));
        }
        String expired = api.tokenFor("reader", Duration.ofSeconds(1));
        tokens.add(expired);
        Thread.sleep(1_100);
        api.get("/worklist", expired);
        api.get("/worklist", writer.substring(0, writer.length() - 4) + "AAAA");
        api.get("/worklist", "garbage-token-value");
    }

    private static String text(List<ILoggingEvent> events, Level atLeast) {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : events) {
            if (event.getLevel().isGreaterOrEqual(atLeast)) {
                text.append(event.getLevel()).append(' ').append(event.getLoggerName())
                        .append(' ').append(event.getFormattedMessage()).append('\n');
                if (event.getThrowableProxy() != null) {
                    text.append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
                }
            }
        }
        return text.toString();
    }

    @Test
    void theShippedLoggingKeepsJettyAndJavalinAtWarn() throws Exception {
        try (InputStream in = ApiLogPrivacyTest.class.getResourceAsStream("/logback.xml")) {
            String config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(config).contains("<logger name=\"org.eclipse.jetty\" level=\"WARN\"/>")
                    .contains("<logger name=\"io.javalin\" level=\"WARN\"/>");
        }
    }
}
