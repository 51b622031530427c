package org.lantir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.users.UserDirectory;

/**
 * {@code lantir start-api} and {@code lantir start} with {@code lantir.api.enabled}, each as
 * its own process on 127.0.0.1: the first start prints the admin's one-time password on
 * standard output (never in the log, which goes to standard error), and it logs in.
 */
@Timeout(240)
class StartApiCommandTest {

    private static final Pattern API_LISTENING =
            Pattern.compile("REST API is listening on http://127\\.0\\.0\\.1:(\\d+) ");
    private static final Pattern PASSWORD =
            Pattern.compile("user name \"admin\", password (\\S+)");

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    private Path config(boolean apiEnabled) throws Exception {
        Path file = dir.resolve("lantir.json");
        Files.writeString(file, """
                {"db_path": "worklist.db",
                 "lantir": {"server": {"bind_address": "127.0.0.1", "port": 0},
                            "api": {"enabled": %s, "host": "127.0.0.1", "port": 0}}}
                """.formatted(apiEnabled));
        return file;
    }

    private HttpResponse<String> login(int port, String password) throws Exception {
        String body = new ObjectMapper().writeValueAsString(Map.of("username", "admin",
                "password", password));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/auth/login")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startApiServesTheApiAndShowsTheFirstAdminPasswordOnceOnTheTerminal()
            throws Exception {
        Path config = config(false);
        String password;
        try (LantirProcess api = LantirProcess.start(dir, API_LISTENING, "start-api",
                "--config", config.toString(), "--api-host", "127.0.0.1", "--api-port", "0")) {
            Matcher shown = PASSWORD.matcher(api.stdout());
            assertThat(shown.find()).as(api.stdout()).isTrue();
            password = shown.group(1);

            HttpResponse<String> login = login(api.port(), password);

            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            assertThat(login.body()).contains("\"token_type\":\"bearer\"");
            String token = new ObjectMapper().readTree(login.body()).get("access_token")
                    .asText();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + api.port() + "/health"))
                    .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(new ObjectMapper().readTree(health.body()).at("/dicom_server/state")
                    .asText()).as(health.body()).isEqualTo("not run by this process");
            assertThat(api.stderr()).contains("REST API listening on 127.0.0.1")
                    .doesNotContain(password);
            assertThat(api.stop()).as("ended by SIGTERM, as Ctrl+C").isIn(0, 143);
            assertThat(api.stderr()).contains("REST API stopped", "Lantir stopped");
        }

        try (LantirProcess again = LantirProcess.start(dir, API_LISTENING, "start-api",
                "--config", config.toString(), "--api-host", "127.0.0.1", "--api-port", "0")) {
            assertThat(again.stdout()).doesNotContain("password");
            assertThat(login(again.port(), password).statusCode()).isEqualTo(200);
        }
        assertThat(Files.exists(dir.resolve("users.db"))).isTrue();
    }

    @Test
    void aTakenPortExitsFourInPlainWordsAndMakesNoAdminPassword() throws Exception {
        Path config = config(false);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Cli.Run run = Cli.run("start-api", "--config", config.toString(), "--api-host",
                    "127.0.0.1", "--api-port", String.valueOf(taken.getLocalPort()));

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(run.err()).contains("port is already in use", "choose another --api-port")
                    .doesNotContain("Exception");
            assertThat(run.out()).doesNotContain("password");
        }
        try (UserDirectory users = UserDirectory.open(dir.resolve("users.db"))) {
            assertThat(users.list()).as("no admin made, so no password lost").isEmpty();
        }
    }

    @Test
    void aDamagedTokenKeyExitsFourWithItsMessageAndNoStackTrace() throws Exception {
        Path config = config(false);
        Files.writeString(dir.resolve("users.db.jwt-secret"), "this is not base64 at all!\n");

        Cli.Run run = Cli.run("start-api", "--config", config.toString(), "--api-host",
                "127.0.0.1", "--api-port", "0");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).contains("users.db.jwt-secret", "is damaged")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aHostThatCannotBeOneIsRefusedWhenTheConfigOrTheFlagIsRead() throws Exception {
        Path config = dir.resolve("bad-host.json");
        Files.writeString(config, """
                {"db_path": "worklist.db",
                 "lantir": {"api": {"host": "not a host!", "port": 0}}}
                """);

        Cli.Run fromConfig = Cli.run("start-api", "--config", config.toString());
        Cli.Run fromFlag = Cli.run("start-api", "--config", config(false).toString(),
                "--api-host", "not a host!", "--api-port", "0");

        assertThat(fromConfig.exitCode()).as(fromConfig.toString()).isEqualTo(ExitCodes.CONFIG);
        assertThat(fromConfig.err()).contains("lantir.api.host", "not a host!");
        assertThat(fromFlag.exitCode()).as(fromFlag.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(fromFlag.err()).contains("--api-host", "not a host!")
                .doesNotContain("Exception");
    }

    @Test
    void startRunsTheApiBesideTheDicomServerWhenTheConfigEnablesIt() throws Exception {
        try (LantirProcess lantir = LantirProcess.start(dir, API_LISTENING, "start",
                "--config", config(true).toString())) {
            Matcher shown = PASSWORD.matcher(lantir.stdout());
            assertThat(shown.find()).isTrue();

            assertThat(login(lantir.port(), shown.group(1)).statusCode()).isEqualTo(200);
            assertThat(lantir.stdout()).contains("Lantir is listening on 127.0.0.1:");
        }
    }
}
