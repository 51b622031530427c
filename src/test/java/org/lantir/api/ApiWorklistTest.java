package org.lantir.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.testing.WorklistRows;
import org.lantir.worklist.EventRecord;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;

/**
 * {@code /worklist} over real HTTP: adding, reading, changing and cancelling rows as the
 * desktop's editor does, the editor's validation answered with the field at fault, and the
 * Python tool's filters and paging. People are fictional.
 */
@Timeout(60)
class ApiWorklistTest {

    @TempDir
    Path dir;
    private ApiHarness api;
    private String writer;

    @BeforeEach
    void start() throws Exception {
        api = ApiHarness.start(dir);
        writer = api.login("writer", ApiHarness.WRITER_PASSWORD);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    static Map<String, Object> newRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("patient_name", "DOE, Jane");
        row.put("patient_id", "SUB-001");
        row.put("patient_birth_date", "19800101");
        row.put("patient_sex", "f");
        row.put("patient_weight_lb", "154");
        row.put("modality", "mr");
        row.put("study_description", "BRAIN MRI RESEARCH");
        row.put("scheduled_station_aetitle", "MRI_3T");
        row.put("scheduled_start_date", "2025-02-12");
        row.put("scheduled_start_time", "090000");
        row.put("procedure_description", "T1 and resting state");
        row.put("protocol_name", "RESEARCH_BRAIN_PROTOCOL_LONG");
        return row;
    }

    @Test
    void anotherMethodOnAKnownPathIs405WithAllow() throws Exception {
        HttpResponse<String> patch = api.send(api.request("/worklist/1", null)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(patch.statusCode()).as(patch.body()).isEqualTo(405);
        assertThat(patch.headers().firstValue("Allow")).hasValueSatisfying(allow ->
                assertThat(allow).contains("PUT", "DELETE").doesNotContain("PATCH"));
        assertThat(ApiHarness.json(patch).get("detail").asText()).isEqualTo(
                "Method not allowed");
        assertThat(api.get("/no-such-path", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aRowAddedThroughTheApiIsStoredAsTheEditorWouldStoreIt() throws Exception {
        HttpResponse<String> answer = api.post("/worklist", writer, newRow());

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode row = ApiHarness.json(answer);
        long id = row.get("id").asLong();
        assertThat(answer.headers().firstValue("Location")).contains("/worklist/" + id);
        assertThat(row.get("patient_name").asText()).isEqualTo("DOE^Jane");
        assertThat(row.get("patient_sex").asText()).isEqualTo("F");
        assertThat(row.get("modality").asText()).isEqualTo("MR");
        assertThat(row.get("patient_birth_date").asText()).isEqualTo("1980-01-01");
        assertThat(row.get("scheduled_start_time").asText()).isEqualTo("09:00");
        assertThat(row.get("patient_weight_lb").asText()).isEqualTo("154");
        assertThat(row.get("protocol_name").asText()).isEqualTo("RESEARCH_BRAIN_PROTOCOL_LONG");
        assertThat(row.get("performed_procedure_step_status").asText()).isEqualTo("SCHEDULED");
        assertThat(row.get("study_instance_uid").asText()).startsWith("2.25.");
        assertThat(row.get("scheduled_procedure_step_id").asText()).isNotBlank();
        assertThat(row.get("data_source").isNull()).isTrue();

        WorklistItem stored = api.lantir().worklist().get(id).orElseThrow();
        assertThat(stored.patientWeightKg()).isEqualByComparingTo(new BigDecimal("69.853"));
        assertThat(stored.protocolCode().value()).hasSize(16);
        assertThat(api.lantir().eventLog().recent(5)).extracting(EventRecord::source,
                EventRecord::message).contains(org.assertj.core.groups.Tuple.tuple("writer",
                        "Row " + id + " added"));
    }

    @Test
    void eachWrongValueIsAnsweredWithTheFieldAtFault() throws Exception {
        assertRefused(without("patient_name"), 400, "patient_name", "required");
        assertRefused(with("scheduled_start_date", "12/02/2025"), 400, "scheduled_start_date",
                "YYYY-MM-DD or YYYYMMDD");
        assertRefused(with("scheduled_start_date", "2025-02-30"), 400, "scheduled_start_date",
                "no such date");
        assertRefused(with("patient_id", "X".repeat(65)), 400, "patient_id",
                "at most 64 characters");
        assertRefused(with("modality", "XYZ"), 400, "modality", "acquisition modality");
        assertRefused(with("patient_weight_lb", "heavy"), 400, "patient_weight_lb",
                "a number of pounds");
        assertRefused(with("performed_procedure_step_status", "DONE"), 400,
                "performed_procedure_step_status", "one of SCHEDULED, IN_PROGRESS");
        assertRefused(with("performed_procedure_step_status", "COMPLETED"), 400,
                "performed_procedure_step_status", "a new row is SCHEDULED");
        assertRefused(with("protocol_name", "P".repeat(65)), 400, "protocol_name",
                "at most 64 characters");
        assertRefused(with("study_instance_uid", "1.2.03"), 400, "study_instance_uid",
                "a UID");
        assertRefused(with("favourite_colour", "blue"), 400, "favourite_colour",
                "unknown field");
        assertRefused(with("patient_id", List.of("1")), 400, "patient_id", "a string or null");
        assertThat(api.lantir().worklist().list(org.lantir.worklist.WorklistFilter.all()))
                .isEmpty();
    }

    @Test
    void aMalformedOrOversizedBodyIsRefusedWithoutEchoingIt() throws Exception {
        HttpResponse<String> malformed = api.post("/worklist", writer,
                "{\"patient_name\": \"DOE^SECRET\",\n \"patient_id\": }");
        HttpResponse<String> notAnObject = api.post("/worklist", writer, "[1, 2]");
        HttpResponse<String> huge = api.post("/worklist", writer,
                Map.of("step_comments", "x".repeat(300_000)));

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(ApiHarness.json(malformed).get("detail").asText())
                .isEqualTo("malformed JSON in the request body at line 2, column 16");
        assertThat(malformed.body()).doesNotContain("SECRET");
        assertThat(notAnObject.statusCode()).isEqualTo(400);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(ApiHarness.json(huge).get("detail").asText()).contains("262144 bytes");
    }

    @Test
    void anUpdateChangesOnlyTheFieldsGivenAndKeepsTheStatusMppsOwns() throws Exception {
        long id = ApiHarness.json(api.post("/worklist", writer, newRow())).get("id").asLong();

        HttpResponse<String> moved = api.put("/worklist/" + id, writer,
                Map.of("scheduled_start_time", "10:30", "performed_procedure_step_status",
                        "SCHEDULED"));
        HttpResponse<String> bad = api.put("/worklist/" + id, writer,
                Map.of("patient_birth_date", "2030-01-01"));
        HashMap<String, Object> cleared = new HashMap<>();
        cleared.put("procedure_description", null);
        HttpResponse<String> clearedAnswer = api.put("/worklist/" + id, writer, cleared);
        HttpResponse<String> required = api.put("/worklist/" + id, writer,
                java.util.Collections.singletonMap("patient_id", null));

        assertThat(moved.statusCode()).isEqualTo(200);
        JsonNode row = ApiHarness.json(moved);
        assertThat(row.get("scheduled_start_time").asText()).isEqualTo("10:30");
        assertThat(row.get("patient_name").asText()).isEqualTo("DOE^Jane");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(ApiHarness.json(bad).get("field").asText()).isEqualTo("patient_birth_date");
        assertThat(ApiHarness.json(bad).get("detail").asText())
                .contains("after the scheduled date");
        assertThat(ApiHarness.json(clearedAnswer).get("procedure_description").isNull())
                .isTrue();
        assertThat(required.statusCode()).isEqualTo(400);
        assertThat(ApiHarness.json(required).get("field").asText()).isEqualTo("patient_id");
        assertThat(api.lantir().eventLog().recent(10)).extracting(EventRecord::message)
                .contains("Row " + id + " edited");
    }

    @Test
    void aStatusChangeOtherThanACancelIsTheModalitysAndRefused() throws Exception {
        long id = ApiHarness.json(api.post("/worklist", writer, newRow())).get("id").asLong();

        HttpResponse<String> started = api.put("/worklist/" + id, writer,
                Map.of("performed_procedure_step_status", "IN_PROGRESS"));
        HttpResponse<String> cancelled = api.put("/worklist/" + id, writer,
                Map.of("performed_procedure_step_status", "discontinued"));
        HttpResponse<String> again = api.delete("/worklist/" + id, writer);

        assertThat(started.statusCode()).isEqualTo(409);
        assertThat(ApiHarness.json(started).get("field").asText())
                .isEqualTo("performed_procedure_step_status");
        assertThat(ApiHarness.json(started).get("detail").asText()).contains("MPPS");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(ApiHarness.json(cancelled).get("performed_procedure_step_status").asText())
                .isEqualTo("DISCONTINUED");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(ApiHarness.json(again).get("detail").asText())
                .contains("only a SCHEDULED step can be cancelled");
    }

    @Test
    void deleteCancelsAScheduledRowAndKeepsIt() throws Exception {
        long id = ApiHarness.json(api.post("/worklist", writer, newRow())).get("id").asLong();

        HttpResponse<String> answer = api.delete("/worklist/" + id, writer);
        HttpResponse<String> missing = api.delete("/worklist/99999", writer);
        HttpResponse<String> notAnId = api.delete("/worklist/abc", writer);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(ApiHarness.json(answer).get("message").asText()).contains("cancelled");
        assertThat(api.lantir().worklist().get(id).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.DISCONTINUED);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(ApiHarness.json(missing).get("detail").asText())
                .isEqualTo("Worklist item 99999 not found");
        assertThat(notAnId.statusCode()).isEqualTo(400);
        assertThat(ApiHarness.json(notAnId).get("field").asText()).isEqualTo("id");
    }

    @Test
    void aRowFromADataSourceMayOnlyBeCancelled() throws Exception {
        WorklistItem synced = api.lantir().worklist().applySync("redcap_main",
                List.of(WorklistRows.w1().toBuilder().sourceKey("7:1").build()), false)
                .added() == 1 ? api.lantir().worklist().list(
                        org.lantir.worklist.WorklistFilter.all()).get(0) : null;
        long id = synced.id();

        HttpResponse<String> edit = api.put("/worklist/" + id, writer,
                Map.of("scheduled_start_time", "11:00"));
        HttpResponse<String> unchanged = api.put("/worklist/" + id, writer,
                Map.of("patient_id", synced.patientId()));
        HttpResponse<String> cancel = api.delete("/worklist/" + id, writer);

        assertThat(edit.statusCode()).isEqualTo(409);
        assertThat(ApiHarness.json(edit).get("detail").asText())
                .contains("comes from data source redcap_main").contains("change it there");
        assertThat(unchanged.statusCode()).isEqualTo(200);
        assertThat(cancel.statusCode()).isEqualTo(200);
        assertThat(api.lantir().worklist().get(id).orElseThrow().status())
                .isEqualTo(ProcedureStepStatus.DISCONTINUED);
    }

    @Test
    void filtersAndPagingFollowThePythonToolWithExactPatientIds() throws Exception {
        for (WorklistItem row : WorklistRows.wTable()) {
            api.lantir().worklist().add(row);
        }
        api.lantir().worklist().add(WorklistRows.row("DOE^JOAN", "10010", "MR", "MRI_3T",
                "20250212", "130000"));
        long cancelled = api.lantir().worklist().add(WorklistRows.row("DOE^JO", "1007", "MR",
                "MRI_3T", "20250212", "140000")).id();
        api.lantir().worklist().cancel(cancelled);

        HttpResponse<String> all = api.get("/worklist", writer);
        HttpResponse<String> page = api.get("/worklist?limit=2&offset=1", writer);
        HttpResponse<String> byPatient = api.get("/worklist?patient_id=1001", writer);
        HttpResponse<String> ct = api.get("/worklist?modality=ct", writer);
        HttpResponse<String> station = api.get("/worklist?station=MRI_1T5", writer);
        HttpResponse<String> day = api.get("/worklist?date_from=20250212&date_to=2025-02-12",
                writer);
        HttpResponse<String> discontinued = api.get(
                "/worklist?status=DISCONTINUED&status=COMPLETED", writer);

        assertThat(ids(all)).hasSize(7);
        assertThat(all.headers().firstValue("X-Total-Count")).contains("7");
        assertThat(patientIds(page)).as("in scheduled order: 1004 is the day before")
                .containsExactly("1001", "1002");
        assertThat(page.headers().firstValue("X-Total-Count")).contains("7");
        assertThat(patientIds(byPatient)).containsExactly("1001");
        assertThat(patientIds(ct)).containsExactly("1006");
        assertThat(patientIds(station)).containsExactly("1003");
        assertThat(patientIds(day)).containsExactly("1001", "1002", "1006", "10010");
        assertThat(ids(discontinued)).containsExactly(cancelled);
        assertRefusedGet("/worklist?limit=1001", "limit", "from 1 to 1000");
        assertRefusedGet("/worklist?offset=-1", "offset", "at least 0");
        assertRefusedGet("/worklist?offset=100000000000000", "offset", "is too large");
        assertRefusedGet("/worklist?offset=100000000000000000000", "offset", "is too large");
        assertRefusedGet("/worklist?status=FINISHED", "status", "one of SCHEDULED");
        assertRefusedGet("/worklist?date_from=2025-13-01", "date_from", "YYYY-MM-DD");
        assertRefusedGet("/worklist?date_from=2025-02-13&date_to=2025-02-12", "date_to",
                "before date_from");
    }

    // ---- helpers ----

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> row = newRow();
        row.put(field, value);
        return row;
    }

    private static Map<String, Object> without(String field) {
        Map<String, Object> row = newRow();
        row.remove(field);
        return row;
    }

    private void assertRefused(Map<String, Object> body, int status, String field,
            String words) throws Exception {
        HttpResponse<String> answer = api.post("/worklist", writer, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        JsonNode error = ApiHarness.json(answer);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("detail").asText()).contains(words);
    }

    private void assertRefusedGet(String path, String field, String words) throws Exception {
        HttpResponse<String> answer = api.get(path, writer);
        assertThat(answer.statusCode()).as(path).isEqualTo(400);
        assertThat(ApiHarness.json(answer).get("field").asText()).isEqualTo(field);
        assertThat(ApiHarness.json(answer).get("detail").asText()).contains(words);
    }

    private static List<Long> ids(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<Long> ids = new java.util.ArrayList<>();
        ApiHarness.json(answer).forEach(row -> ids.add(row.get("id").asLong()));
        return ids;
    }

    private static List<String> patientIds(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        ApiHarness.json(answer).forEach(row -> ids.add(row.get("patient_id").asText()));
        return ids;
    }
}
