package org.lantir.sync.redcap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The emulator follows the reference notes; checked with the JDK's own HTTP client. */
class RedcapEmulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();
    private RedcapEmulator redcap;

    @BeforeEach
    void start() throws Exception {
        redcap = RedcapEmulator.start();
    }

    @AfterEach
    void stop() {
        redcap.close();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(redcap.apiUrl().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void fullExportIsTheFourteenFixtureRows() throws Exception {
        JsonNode rows = json(post("token=" + RedcapEmulator.TOKEN
                + "&content=record&format=json&type=flat"));

        assertThat(rows).hasSize(14);
        assertThat(recordIds(rows)).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(rows.get(1).get("redcap_repeat_instance").isNumber()).isTrue();
        assertThat(rows.get(0).get("redcap_repeat_instance").asText()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "W1|dateRangeBegin=2025-03-09 08:00:00&dateRangeEnd=2025-03-10 08:00:00|1,2,4,5",
        "W2|dateRangeBegin=2025-03-10 07:00:00|2,5,7",
        "W3|dateRangeBegin=2025-03-10 08:00:02&dateRangeEnd=2025-03-10 09:00:00|",
        "W6|dateRangeEnd=2025-03-09|1,3,4,6",
        "W7|dateRangeBegin=yesterday|1,2,3,4,5,6,7",
        "W8|dateRangeBegin=2025-03-09T08:00&dateRangeEnd=2025-03-10T08:00|1,2,4,5"})
    void dateWindowsSelectTheFixturesRecords(String name, String window, String expected)
            throws Exception {
        StringBuilder body = new StringBuilder("token=" + RedcapEmulator.TOKEN
                + "&content=record&format=json");
        for (String pair : window.split("&")) {
            String[] kv = pair.split("=", 2);
            body.append('&').append(kv[0]).append('=')
                    .append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
        }

        JsonNode rows = json(post(body.toString()));

        Set<String> want = expected == null ? Set.of()
                : Set.of(expected.split(","));
        assertThat(new TreeSet<>(recordIds(rows))).containsExactlyElementsOf(new TreeSet<>(want));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "indexed|fields%5B0%5D=study_id&fields%5B1%5D=mri_date&fields%5B2%5D=record_id",
        "brackets|fields%5B%5D=study_id&fields%5B%5D=mri_date&fields%5B%5D=record_id",
        "commas|fields=study_id,%20mri_date,'record_id'"})
    void acceptsTheThreeArrayEncodings(String name, String fields) throws Exception {
        JsonNode rows = json(post("token=" + RedcapEmulator.TOKEN
                + "&content=record&format=json&" + fields));

        List<String> columns = new ArrayList<>();
        rows.get(0).fieldNames().forEachRemaining(columns::add);
        assertThat(columns).containsExactly("record_id", "redcap_repeat_instrument",
                "redcap_repeat_instance", "study_id", "mri_date");
    }

    @Test
    void fieldFilteredExportKeepsDictionaryOrderAndBaseAndInstanceRows() throws Exception {
        List<String> names = List.of("study_id", "mri_instance", "family_id", "youth_dob_y",
                "demo_sex", "mri_date", "mri_time", "record_id");
        String fields = names.stream().map(f -> "fields%5B" + names.indexOf(f) + "%5D=" + f)
                .collect(Collectors.joining("&"));

        JsonNode rows = json(post("token=" + RedcapEmulator.TOKEN
                + "&content=record&format=json&records%5B0%5D=2&" + fields));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).toString()).isEqualTo("{\"record_id\":\"2\","
                + "\"redcap_repeat_instrument\":\"\",\"redcap_repeat_instance\":\"\","
                + "\"study_id\":\"CPIP-1002\",\"family_id\":\"F-0502\",\"youth_dob_y\":\"2013\","
                + "\"demo_sex\":\"M\",\"mri_instance\":\"\",\"mri_date\":\"\",\"mri_time\":\"\"}");
        assertThat(rows.get(2).get("redcap_repeat_instance").intValue()).isEqualTo(2);
    }

    @Test
    void onlyBaseRowsWhenNoRepeatingFieldIsRequested() throws Exception {
        JsonNode rows = json(post("token=" + RedcapEmulator.TOKEN
                + "&content=record&format=json&fields%5B0%5D=record_id&fields%5B1%5D=study_id"));

        assertThat(rows).hasSize(7);
    }

    @Test
    void repeatedIndexKeepsTheLastValueAndRepeatedPlainKeyIsNoArray() throws Exception {
        RedcapEmulator.Request request = new RedcapEmulator.Request("POST", "/api/", List.of(
                java.util.Map.entry("fields[0]", "a"), java.util.Map.entry("fields[1]", "b"),
                java.util.Map.entry("fields[0]", "c"), java.util.Map.entry("forms", "x"),
                java.util.Map.entry("forms", "y")));

        assertThat(request.array("fields")).containsExactly("c", "b");
        assertThat(request.array("forms")).containsExactly("y");
    }

    @Test
    void unknownFieldsAreRefusedWithTheirNames() throws Exception {
        HttpResponse<String> response = post("token=" + RedcapEmulator.TOKEN
                + "&content=record&format=json&returnFormat=json"
                + "&fields%5B0%5D=study_id&fields%5B1%5D=nope&fields%5B2%5D=t1_date");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("The following values in "
                + "the parameter \"fields\" are not valid: 'nope', 't1_date'");
    }

    @Test
    void wrongOrMissingTokenIs403InJson() throws Exception {
        HttpResponse<String> wrong = post("token=00000000000000000000000000000000"
                + "&content=record&format=json&returnFormat=json");
        HttpResponse<String> none = post("content=metadata&format=json");
        HttpResponse<String> noExport = post("token=" + RedcapEmulator.NO_EXPORT_TOKEN
                + "&content=record&format=json");

        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(json(wrong).get("error").asText())
                .isEqualTo("You do not have permissions to use the API");
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(noExport.body()).contains("API Export privileges");
    }

    @Test
    void errorsFollowReturnFormatThenFormatThenXml() throws Exception {
        String bad = "token=bad&content=record";

        assertThat(post(bad + "&format=csv").body()).startsWith("ERROR: ");
        assertThat(post(bad + "&format=nonsense").body()).startsWith("<?xml");
        assertThat(post(bad + "&format=csv&returnFormat=json").body()).startsWith("{\"error\"");
    }

    @Test
    void onlyPostIsImplemented() throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(redcap.apiUrl()).GET()
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(501);
    }

    @Test
    void classicProjectRefusesEventsAndUnknownContent() throws Exception {
        String base = "token=" + RedcapEmulator.TOKEN + "&format=json&content=";

        assertThat(post(base + "formEventMapping").statusCode()).isEqualTo(400);
        assertThat(post(base + "event").statusCode()).isEqualTo(400);
        assertThat(json(post(base + "bogus")).get("error").asText())
                .isEqualTo("The value of the parameter \"content\" is not valid");
    }

    @Test
    void servesMetadataProjectAndVersion() throws Exception {
        String base = "token=" + RedcapEmulator.TOKEN + "&format=json&content=";

        assertThat(json(post(base + "metadata"))).hasSize(15);
        assertThat(json(post(base + "project")).get("project_id").intValue()).isEqualTo(4127);
        assertThat(post(base + "version").body()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void faultSwitchesChangeTheAnswer() throws Exception {
        String request = "token=" + RedcapEmulator.TOKEN + "&format=json&content=metadata";

        redcap.fault(RedcapEmulator.Fault.SERVER_ERROR);
        assertThat(post(request).statusCode()).isEqualTo(500);
        redcap.fault(RedcapEmulator.Fault.ERROR_TEXT);
        assertThat(post(request).body()).startsWith("ERROR: REDCap ran out of server memory");
        redcap.fault(RedcapEmulator.Fault.MALFORMED_JSON);
        assertThat(post(request).body()).startsWith("[{").doesNotEndWith("]");
        redcap.fault(RedcapEmulator.Fault.NONE);
        assertThat(post(request).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPathIsAnHtml404() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                redcap.apiUrl().resolve("/redcap/api/")).POST(HttpRequest.BodyPublishers
                .ofString("token=x")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<html>");
    }

    @Test
    void recordsEveryRequest() throws Exception {
        post("token=" + RedcapEmulator.TOKEN + "&format=json&content=record"
                + "&fields%5B0%5D=record_id");

        assertThat(redcap.requestCount()).isEqualTo(1);
        RedcapEmulator.Request request = redcap.requests().get(0);
        assertThat(request.param("content")).isEqualTo("record");
        assertThat(request.array("fields")).containsExactly("record_id");
    }

    @Test
    void changedRecordsAppearInTheNextWindow() throws Exception {
        redcap.project().setValue("6", null, "study_id", "CPIP-1066",
                RedcapEmulator.DEFAULT_NOW.minusMinutes(5));

        JsonNode rows = json(post("token=" + RedcapEmulator.TOKEN + "&format=json"
                + "&content=record&dateRangeBegin=2025-03-10+08%3A30%3A00"));

        assertThat(recordIds(rows)).containsExactly("6");
        assertThat(rows.get(0).get("study_id").asText()).isEqualTo("CPIP-1066");
    }

    private HttpResponse<String> post(String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(redcap.apiUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static List<String> recordIds(JsonNode rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(row -> {
            String id = row.get("record_id").asText();
            if (!ids.contains(id)) {
                ids.add(id);
            }
        });
        return ids;
    }
}
