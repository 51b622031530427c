package org.lantir.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logins and tokens over real HTTP: 401 (with {@code WWW-Authenticate: Bearer}) for a missing,
 * wrong, tampered or expired token, 403 for a role that may not, 429 after repeated failures;
 * and the admin's {@code /users}.
 */
@Timeout(60)
class ApiAuthTest {

    @TempDir
    Path dir;
    private ApiHarness api;

    @BeforeEach
    void start() throws Exception {
        api = ApiHarness.start(dir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aRightPasswordGivesABearerTokenAndAWrongOneA401() throws Exception {
        HttpResponse<String> ok = api.post("/auth/login", null,
                Map.of("username", "reader", "password", ApiHarness.READER_PASSWORD));
        HttpResponse<String> wrong = api.post("/auth/login", null,
                Map.of("username", "reader", "password", "not-the-password-at-all"));
        HttpResponse<String> nobody = api.post("/auth/login", null,
                Map.of("username", "nobody", "password", "not-the-password-at-all"));
        HttpResponse<String> noPassword = api.post("/auth/login", null,
                Map.of("username", "reader"));

        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode token = ApiHarness.json(ok);
        assertThat(token.get("token_type").asText()).isEqualTo("bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(30 * 60);
        assertThat(token.get("access_token").asText().split("\\.")).hasSize(3);
        assertThat(ok.headers().firstValue("Cache-Control")).contains("no-store");
        for (HttpResponse<String> refused : List.of(wrong, nobody)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(ApiHarness.json(refused).get("detail").asText())
                    .isEqualTo("Invalid username or password");
        }
        assertThat(noPassword.statusCode()).isEqualTo(400);
        assertThat(ApiHarness.json(noPassword).get("field").asText()).isEqualTo("password");
    }

    @Test
    void aLoginMayAskForALifetimeUpToTheSitesMaximum() throws Exception {
        HttpResponse<String> hour = api.post("/auth/login", null, Map.of("username", "reader",
                "password", ApiHarness.READER_PASSWORD, "access_token_expire_minutes", 60));
        HttpResponse<String> tooLong = api.post("/auth/login", null, Map.of("username",
                "reader", "password", ApiHarness.READER_PASSWORD,
                "access_token_expire_minutes", 121));

        assertThat(ApiHarness.json(hour).get("expires_in").asLong()).isEqualTo(3600);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(ApiHarness.json(tooLong).get("field").asText())
                .isEqualTo("access_token_expire_minutes");
        assertThat(ApiHarness.json(tooLong).get("detail").asText()).contains("1 to 120");
    }

    @Test
    void missingTamperedAndExpiredTokensGet401() throws Exception {
        String token = api.login("reader", ApiHarness.READER_PASSWORD);
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"reader\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes()) + "." + parts[2];
        // JWT times are whole seconds: a 3-second token is good for 2 to 3 s after issue.
        String shortLived = api.tokenFor("reader", Duration.ofSeconds(3));

        assertThat(api.get("/worklist", token).statusCode()).isEqualTo(200);
        assertThat(api.get("/worklist", shortLived).statusCode()).isEqualTo(200);
        Thread.sleep(3_100);
        assertUnauthenticated(api.get("/worklist", shortLived), "Invalid or expired token");
        assertUnauthenticated(api.get("/worklist", null), "Not authenticated");
        assertUnauthenticated(api.get("/worklist", tampered), "Invalid or expired token");
        assertUnauthenticated(api.get("/worklist", "not.a.token"), "Invalid or expired token");
        assertUnauthenticated(api.send(api.request("/worklist", null)
                .header("Authorization", "Basic cmVhZGVyOng=").GET()), "Not authenticated");
    }

    @Test
    void eachRoleMayDoItsOwnCallsAndGets403ForTheOthers() throws Exception {
        String reader = api.login("reader", ApiHarness.READER_PASSWORD);
        String writer = api.login("writer", ApiHarness.WRITER_PASSWORD);
        String admin = api.login("admin", ApiHarness.ADMIN_PASSWORD);
        Map<String, Object> row = ApiWorklistTest.newRow();

        assertThat(api.get("/worklist", reader).statusCode()).isEqualTo(200);
        assertForbidden(api.post("/worklist", reader, row), "role read may not change");
        assertForbidden(api.put("/worklist/1", reader, Map.of()), "role read may not change");
        assertForbidden(api.delete("/worklist/1", reader), "role read may not change");
        assertForbidden(api.get("/users", reader), "manage users");

        long id = ApiHarness.json(api.post("/worklist", writer, row)).get("id").asLong();
        assertThat(api.put("/worklist/" + id, writer, Map.of("station_name", "3T"))
                .statusCode()).isEqualTo(200);
        assertForbidden(api.get("/users", writer), "role write may not manage users");
        assertForbidden(api.post("/users", writer, Map.of()), "manage users");

        assertThat(api.get("/worklist", admin).statusCode()).isEqualTo(200);
        assertThat(api.delete("/worklist/" + id, admin).statusCode()).isEqualTo(200);
        assertThat(api.get("/users", admin).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminManagesUsersWithThePythonToolsJson() throws Exception {
        String admin = api.login("admin", ApiHarness.ADMIN_PASSWORD);

        HttpResponse<String> created = api.post("/users", admin, Map.of("username", "kiosk",
                "password", "kiosk-Passphrase-2025", "role", "write", "full_name", "Kiosk 1",
                "email", "kiosk@example.org"));
        long id = ApiHarness.json(created).get("id").asLong();
        HttpResponse<String> sameEmail = api.post("/users", admin, Map.of("username", "kiosk2",
                "password", "kiosk-Passphrase-2025", "email", "KIOSK@example.org"));
        HttpResponse<String> renamed = api.put("/users/" + id, admin,
                Map.of("username", "kiosk.one"));
        HttpResponse<String> readOnly = api.put("/users/" + id, admin,
                Map.of("created_at", "2020-01-01T00:00:00Z"));
        HttpResponse<String> duplicate = api.post("/users", admin, Map.of("username", "KIOSK",
                "password", "kiosk-Passphrase-2025"));
        HttpResponse<String> shortPassword = api.post("/users", admin, Map.of("username",
                "other", "password", "short"));
        HttpResponse<String> badRole = api.post("/users", admin, Map.of("username", "other",
                "password", "other-Passphrase-2025", "role", "root"));
        String kiosk = api.login("kiosk", "kiosk-Passphrase-2025");
        HttpResponse<String> demoted = api.put("/users/" + id, admin, Map.of("role", "read",
                "password", "kiosk-Passphrase-2026"));
        HttpResponse<String> list = api.get("/users", admin);
        HttpResponse<String> self = api.delete("/users/1", admin);
        HttpResponse<String> deleted = api.delete("/users/" + id, admin);

        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode user = ApiHarness.json(created);
        assertThat(user.get("role").asText()).isEqualTo("write");
        assertThat(user.get("is_active").asBoolean()).isTrue();
        assertThat(user.has("password")).isFalse();
        assertThat(created.body()).doesNotContain("Passphrase");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(ApiHarness.json(duplicate).get("field").asText()).isEqualTo("username");
        assertThat(sameEmail.statusCode()).as("as a duplicate username").isEqualTo(409);
        assertThat(ApiHarness.json(sameEmail).get("field").asText()).isEqualTo("email");
        assertThat(renamed.statusCode()).isEqualTo(400);
        assertThat(ApiHarness.json(renamed).get("detail").asText())
                .contains("renaming an account is not supported");
        assertThat(readOnly.statusCode()).isEqualTo(400);
        assertThat(ApiHarness.json(readOnly).get("detail").asText())
                .isEqualTo("created_at: read-only, set by Lantir");
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(ApiHarness.json(shortPassword).get("field").asText()).isEqualTo("password");
        assertThat(shortPassword.body()).doesNotContain("short\"");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(ApiHarness.json(badRole).get("field").asText()).isEqualTo("role");
        assertThat(ApiHarness.json(demoted).get("role").asText()).isEqualTo("read");
        assertUnauthenticated(api.get("/worklist", kiosk), "Invalid or expired token");
        assertThat(ApiHarness.json(list).findValuesAsText("username"))
                .contains("admin", "writer", "reader", "kiosk");
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(api.delete("/users/" + id, admin).statusCode()).isEqualTo(404);
    }

    @Test
    void repeatedFailedLoginsAreAnswered429WithRetryAfter() throws Exception {
        Map<String, Object> wrong = Map.of("username", "writer", "password",
                "not-the-password-at-all");
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/auth/login", null, wrong).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> throttled = api.post("/auth/login", null,
                Map.of("username", "writer", "password", ApiHarness.WRITER_PASSWORD));

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After").map(Integer::parseInt))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1, 5));
        assertThat(ApiHarness.json(throttled).get("detail").asText())
                .startsWith("Too many failed logins");
    }

    private static void assertUnauthenticated(HttpResponse<String> answer, String words)
            throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(ApiHarness.json(answer).get("detail").asText()).startsWith(words);
    }

    private static void assertForbidden(HttpResponse<String> answer, String words)
            throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(ApiHarness.json(answer).get("detail").asText()).contains(words);
    }
}
