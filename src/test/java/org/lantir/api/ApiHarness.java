package org.lantir.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.lantir.app.Lantir;
import org.lantir.config.ApiSettings;
import org.lantir.config.ConfigLoader;
import org.lantir.config.LantirConfig;
import org.lantir.users.AccessTokens;
import org.lantir.users.NewUser;
import org.lantir.users.Role;
import org.lantir.users.UserAccount;
import org.lantir.users.UserDirectory;

/**
 * A real Lantir (SQLite database in a test folder, DICOM server on 127.0.0.1 at a free port)
 * with its REST API on 127.0.0.1 at a free port, three accounts (admin, write, read) and an
 * HTTP client. Passwords are fictional.
 */
final class ApiHarness implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final String ADMIN_PASSWORD = "admin-Passphrase-2025";
    static final String WRITER_PASSWORD = "writer-Passphrase-2025";
    static final String READER_PASSWORD = "reader-Passphrase-2025";
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Lantir lantir;
    private final LantirApi api;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ApiHarness(Path dir, Lantir lantir, LantirApi api) {
        this.dir = dir;
        this.lantir = lantir;
        this.api = api;
    }

    /** With the top-level {@code api} members given as JSON text (CORS), or none. */
    static ApiHarness start(Path dir, String apiMembers) throws Exception {
        String config = "{\"db_path\": \"worklist.db\","
                + (apiMembers == null ? "" : "\"api\": {" + apiMembers + "},")
                + "\"lantir\": {\"server\": {\"ae_title\": \"MWL_SCP\", \"bind_address\": \""
                + HOST + "\", \"port\": 0}}}";
        Path file = dir.resolve("lantir.json");
        Files.writeString(file, config);
        LantirConfig parsed = ConfigLoader.load(file);
        Lantir lantir = Lantir.open(parsed, dir.resolve("default.db"));
        try {
            lantir.startServer();
            ApiSettings settings = new ApiSettings(true, HOST, 0, Duration.ofMinutes(30),
                    Duration.ofHours(2));
            LantirApi api = LantirApi.start(lantir, settings,
                    Map.of("LANTIR_ADMIN_PASSWORD", ADMIN_PASSWORD), Clock.systemUTC(), 10);
            ApiHarness harness = new ApiHarness(dir, lantir, api);
            harness.addUser("writer", WRITER_PASSWORD, Role.WRITE);
            harness.addUser("reader", READER_PASSWORD, Role.READ);
            return harness;
        } catch (Exception | Error e) {
            lantir.close();
            throw e;
        }
    }

    static ApiHarness start(Path dir) throws Exception {
        return start(dir, null);
    }

    UserAccount addUser(String username, String password, Role role) throws Exception {
        try (UserDirectory users = UserDirectory.open(usersDb(), Clock.systemUTC(), 10)) {
            return users.create(new NewUser(username, password.toCharArray(), role, null, null),
                    "test");
        }
    }

    Path usersDb() {
        return dir.resolve("users.db");
    }

    /** A token issued directly with the installation's secret (e.g. a 1-second one). */
    String tokenFor(String username, Duration lifetime) throws Exception {
        try (UserDirectory users = UserDirectory.open(usersDb(), Clock.systemUTC(), 10)) {
            AccessTokens tokens = AccessTokens.open(AccessTokens.secretFileFor(usersDb()),
                    Duration.ofMinutes(30), Duration.ofHours(2));
            return tokens.issue(users.findByUsername(username).orElseThrow(), lifetime);
        }
    }

    Lantir lantir() {
        return lantir;
    }

    LantirApi api() {
        return api;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://" + HOST + ":" + api.port() + pathAndQuery);
    }

    /** Logs in and returns the access token; fails the test when refused. */
    String login(String username, String password) throws Exception {
        HttpResponse<String> answer = post("/auth/login", null, Map.of("username", username,
                "password", password));
        if (answer.statusCode() != 200) {
            throw new AssertionError("login of " + username + ": " + answer.statusCode() + " "
                    + answer.body());
        }
        return json(answer).get("access_token").asText();
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return send(request(path, token).GET());
    }

    HttpResponse<String> post(String path, String token, Object body) throws Exception {
        return send(request(path, token).POST(body(body)));
    }

    HttpResponse<String> put(String path, String token, Object body) throws Exception {
        return send(request(path, token).PUT(body(body)));
    }

    HttpResponse<String> delete(String path, String token) throws Exception {
        return send(request(path, token).DELETE());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException,
            InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher body(Object body) throws IOException {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(text);
    }

    static JsonNode json(HttpResponse<String> answer) throws IOException {
        return JSON.readTree(answer.body());
    }

    @Override
    public void close() {
        lantir.close();
    }
}
