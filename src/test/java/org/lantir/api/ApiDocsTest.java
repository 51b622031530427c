package org.lantir.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI description describes exactly the routes the server answers, and {@code /docs}
 * serves Swagger UI from the jar; unknown paths and health answer in JSON.
 */
@Timeout(60)
class ApiDocsTest {

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
    void everyRouteIsDescribedAndEveryDescribedRouteExists() throws Exception {
        HttpResponse<String> answer = api.get("/openapi.json", null);
        JsonNode description = ApiHarness.json(answer);

        List<String> described = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = description.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method ->
                    described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        List<String> registered = api.api().server().routes().stream()
                .map(ApiServer.Route::toString).toList();

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(description.get("openapi").asText()).startsWith("3.");
        assertThat(registered).hasSize(13);
        assertThat(described).containsExactlyInAnyOrderElementsOf(registered);
        assertThat(description.at("/components/securitySchemes/bearerAuth/scheme").asText())
                .isEqualTo("bearer");
    }

    @Test
    void theDocsPageAndItsFilesComeFromTheJar() throws Exception {
        HttpResponse<String> page = api.get("/docs", null);
        HttpResponse<String> bundle = api.get("/docs/swagger-ui-bundle.js", null);
        HttpResponse<String> start = api.get("/docs/lantir-docs.js", null);
        HttpResponse<String> other = api.get("/docs/index.html", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'");
        assertThat(page.body()).contains("/docs/swagger-ui-bundle.js")
                .doesNotContain("http://", "https://");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body().length()).isGreaterThan(100_000);
        assertThat(start.body()).contains("url: \"/openapi.json\"");
        assertThat(other.statusCode()).isEqualTo(404);
    }

    @Test
    void unknownPathsAndMethodsAreAnsweredInJson() throws Exception {
        HttpResponse<String> unknown = api.get("/nothing-here", null);
        HttpResponse<String> patch = api.send(api.request("/worklist", null)
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ApiHarness.json(unknown).get("detail").asText()).startsWith("Not found");
        assertThat(patch.statusCode()).isIn(404, 405);
        assertThat(ApiHarness.json(patch).has("detail")).isTrue();
    }

    @Test
    void aRequestJettyRefusesGetsNoStackTrace() throws Exception {
        try (java.net.Socket socket = new java.net.Socket(ApiHarness.HOST, api.api().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /worklist/%zz HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets
                    .US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).doesNotContain("Exception", "at org.", "at io.", "jetty-11");
        }
    }

    @Test
    void healthTellsAnyoneItLivesAndASignedInUserTheServicesState() throws Exception {
        String reader = api.login("reader", ApiHarness.READER_PASSWORD);

        JsonNode anonymous = ApiHarness.json(api.get("/health", null));
        HttpResponse<String> detailed = api.get("/health", reader);
        JsonNode details = ApiHarness.json(detailed);

        assertThat(anonymous.get("status").asText()).isEqualTo("healthy");
        assertThat(anonymous.has("timestamp")).isTrue();
        assertThat(anonymous.has("dicom_server")).isFalse();
        assertThat(anonymous.has("database")).isFalse();
        assertThat(detailed.statusCode()).isEqualTo(200);
        assertThat(details.at("/database/state").asText()).isEqualTo("ok");
        assertThat(details.at("/dicom_server/state").asText()).isEqualTo("running");
        assertThat(details.at("/dicom_server/ae_title").asText()).isEqualTo("MWL_SCP");
        assertThat(details.at("/dicom_server/port").asInt())
                .isEqualTo(api.lantir().dicomServer().port());
        assertThat(details.get("sync").isArray()).isTrue();
    }
}
