package org.lantir.sync.calpendo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The emulator answers as the shared fixture's README says a grammar-evaluating Calpendo
 * would, spoken to by the JDK's own HTTP client rather than Lantir's.
 */
@Timeout(60)
class CalpendoEmulatorTest {

    private static final String BOOKINGS = "/webdav/q/Calpendo.Booking/";
    private static final String WINDOW = "AND/dateRange.start/GE/20251101-0000"
            + "/dateRange.start/LT/20260310-0000";
    private static final String RESOURCES =
            "/OR/resource.name/EQ/3T%20Diagnostic/resource.name/EQ/EEG%20Lab";

    private CalpendoEmulator calpendo;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void start() throws Exception {
        calpendo = CalpendoEmulator.start();
    }

    @AfterEach
    void stop() {
        calpendo.close();
    }

    @Test
    void theFixturesCanonicalQueryListsAllEightBookings() throws Exception {
        assertThat(ids(BOOKINGS + WINDOW + RESOURCES)).containsExactly(48211L, 48212L, 48213L,
                48214L, 48215L, 48216L, 48217L, 48218L);
    }

    /** Reference notes §3.1: appended after the OR, the status is one more alternative. */
    @Test
    void pylantirsStatusAfterTheOrFiltersNothing() throws Exception {
        assertThat(ids(BOOKINGS + WINDOW + RESOURCES + "/status/EQ/Approved")).hasSize(8);
    }

    @Test
    void theStatusBeforeTheOrOrAfterACloseReallyFilters() throws Exception {
        List<Long> approved = List.of(48211L, 48212L, 48214L, 48215L, 48216L, 48218L);

        assertThat(ids(BOOKINGS + WINDOW + "/status/EQ/Approved" + RESOURCES))
                .containsExactlyElementsOf(approved);
        assertThat(ids(BOOKINGS + WINDOW + RESOURCES + "/CLOSE/status/EQ/Approved"))
                .containsExactlyElementsOf(approved);
    }

    @Test
    void oneLocalDayIsMidnightToMidnightOnTheSitesClock() throws Exception {
        assertThat(ids(BOOKINGS + "AND/dateRange.start/GE/20260306-0000"
                + "/dateRange.start/LT/20260307-0000")).containsExactly(48211L, 48212L, 48215L);
        assertThat(ids(BOOKINGS + "dateRange.start.date/eq/20260306"))
                .containsExactly(48211L, 48212L, 48215L);
    }

    @Test
    void keywordsAndRelationsMatchInAnyCaseAndOtherDateFormsAreRead() throws Exception {
        assertThat(ids(BOOKINGS + "and/dateRange.start/ge/20260306T0000/status/eq/Cancelled"))
                .containsExactly(48213L);
        assertThat(ids(BOOKINGS + "AND/dateRange.start/GE/20260307/resource.name/NE/"
                + "3T%20Diagnostic")).isEmpty();
    }

    @Test
    void listEntriesCarryTopLevelAttributesOnly() throws Exception {
        JsonNode list = json(get(BOOKINGS + "id/EQ/48216").body());

        assertThat(list.get("biskits")).singleElement().satisfies(entry -> {
            assertThat(entry.get("id").asLong()).isEqualTo(48216);
            assertThat(entry.has("properties")).isFalse();
            assertThat(entry.has("title")).isFalse();
        });
    }

    @Test
    void detailsComeFromTheRestApiAndAGhostIsNotFound() throws Exception {
        HttpResponse<String> detail = get("/webdav/b/Calpendo.Booking/48211");
        HttpResponse<String> ghost = get("/webdav/b/Calpendo.Booking/48218");

        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(json(detail.body()).get("properties").get("dateRange").get("start").asText())
                .isEqualTo("2026-03-06T16:00Z");
        assertThat(ghost.statusCode()).isEqualTo(404);
    }

    @Test
    void operatorsComeFromTheirFixturesForMriScansOnly() throws Exception {
        JsonNode present = json(get("/webdav/q/MRIScan/id/eq/48211?paths=Operator.name")
                .body());
        JsonNode eeg = json(get("/webdav/q/MRIScan/id/eq/48212?paths=Operator.name").body());
        JsonNode hidden = json(get("/webdav/q/MRIScan/id/eq/48214?paths=Operator.name")
                .body());

        assertThat(present.at("/biskits/0/properties/Operator/name").asText())
                .isEqualTo("Rowan Achebe");
        assertThat(eeg.get("biskits")).isEmpty();
        assertThat(hidden.at("/biskits/0/properties/Operator").asText()).isEqualTo("<Hidden>");
    }

    @Test
    void withoutTheRightCredentialsEveryAnswerIs401WithAChallenge() throws Exception {
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(
                calpendo.baseUrl().resolve(BOOKINGS + WINDOW)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = get(BOOKINGS + WINDOW, "emulator", "wrong");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains(
                "Basic realm=\"Calpendo\"");
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void aMalformedQueryIsABadRequest() throws Exception {
        assertThat(get(BOOKINGS + "AND/status/EQ").statusCode()).isEqualTo(400);
        assertThat(get(BOOKINGS + "status/LIKE/Approved").statusCode()).isEqualTo(400);
        assertThat(get(BOOKINGS + "status/EQ/Approved/title/EQ/x").statusCode())
                .isEqualTo(400);
    }

    @Test
    void changesShowInListsAndDetails() throws Exception {
        calpendo.bookings().setStatus(48211, "Cancelled");
        calpendo.bookings().move(48212, java.time.LocalDateTime.of(2026, 3, 9, 8, 0),
                java.time.LocalDateTime.of(2026, 3, 9, 9, 0));
        calpendo.bookings().delete(48215);

        assertThat(ids(BOOKINGS + WINDOW + "/status/EQ/Approved" + RESOURCES))
                .containsExactly(48212L, 48214L, 48216L, 48218L);
        JsonNode moved = json(get("/webdav/b/Calpendo.Booking/48212").body());
        assertThat(moved.get("formattedName").asText())
                .isEqualTo("[2026-03-09 08:00:00.0, 2026-03-09 09:00:00.0]");
        assertThat(moved.at("/properties/dateRange/start").asText())
                .isEqualTo("2026-03-09T14:00Z");
        assertThat(get("/webdav/b/Calpendo.Booking/48215").statusCode()).isEqualTo(404);
    }

    private List<Long> ids(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        json(response.body()).get("biskits").forEach(b -> ids.add(b.get("id").asLong()));
        return ids;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, CalpendoEmulator.USERNAME, CalpendoEmulator.PASSWORD);
    }

    private HttpResponse<String> get(String path, String user, String password)
            throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(calpendo.baseUrl() + path))
                .header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String text) throws Exception {
        return CalpendoBookings.JSON.readTree(text);
    }
}
