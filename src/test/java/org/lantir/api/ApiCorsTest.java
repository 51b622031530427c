package org.lantir.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** CORS from the configuration's {@code api} section: preflights allowed and refused. */
@Timeout(60)
class ApiCorsTest {

    private static final String DASHBOARD = "https://dash.example.org";

    @TempDir
    Path dir;
    private ApiHarness api;

    @BeforeEach
    void start() throws Exception {
        api = ApiHarness.start(dir, "\"cors_allowed_origins\": [\"" + DASHBOARD + "\"],"
                + "\"cors_allow_credentials\": true,"
                + "\"cors_allow_methods\": [\"GET\", \"POST\", \"OPTIONS\"],"
                + "\"cors_allow_headers\": [\"Authorization\", \"Content-Type\"]");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> preflight(String origin, String method, String headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/worklist"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method);
        if (headers != null) {
            request.header("Access-Control-Request-Headers", headers);
        }
        return api.send(request);
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithWhatItMayDo() throws Exception {
        HttpResponse<String> answer = preflight(DASHBOARD, "POST",
                "authorization, content-type");

        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
                .contains(DASHBOARD);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials"))
                .contains("true");
        assertThat(answer.headers().firstValue("Access-Control-Allow-Methods"))
                .contains("GET, OPTIONS, POST");
        assertThat(answer.headers().firstValue("Access-Control-Allow-Headers"))
                .contains("authorization, content-type");
        assertThat(answer.headers().firstValue("Vary")).contains("Origin");
    }

    @Test
    void aPreflightFromAnotherOriginOrForAnotherMethodOrHeaderIsRefused() throws Exception {
        HttpResponse<String> otherOrigin = preflight("https://evil.example.com", "GET", null);
        HttpResponse<String> delete = preflight(DASHBOARD, "DELETE", null);
        HttpResponse<String> header = preflight(DASHBOARD, "GET", "X-Debug");

        for (HttpResponse<String> refused : java.util.List.of(otherOrigin, delete, header)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
        assertThat(ApiHarness.json(otherOrigin).get("detail").asText())
                .contains("this origin may not call the API");
        assertThat(ApiHarness.json(delete).get("detail").asText())
                .contains("method DELETE is not allowed");
    }

    @Test
    void anOrdinaryRequestIsMarkedOnlyForAnAllowedOrigin() throws Exception {
        String token = api.login("reader", ApiHarness.READER_PASSWORD);

        HttpResponse<String> allowed = api.send(api.request("/worklist", token)
                .header("Origin", DASHBOARD).GET());
        HttpResponse<String> other = api.send(api.request("/worklist", token)
                .header("Origin", "https://evil.example.com").GET());
        HttpResponse<String> script = api.get("/worklist", token);

        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
                .contains(DASHBOARD);
        assertThat(allowed.headers().firstValue("Access-Control-Expose-Headers"))
                .contains("X-Total-Count");
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(script.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(script.statusCode()).isEqualTo(200);
    }
}
