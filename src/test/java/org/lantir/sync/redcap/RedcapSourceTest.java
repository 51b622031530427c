package org.lantir.sync.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.LantirConfig;
import org.lantir.config.Protocol;
import org.lantir.sync.FetchResult;
import org.lantir.sync.LogCapture;
import org.lantir.sync.SourceException;
import org.lantir.sync.SyncWindow;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItem.CodedEntry;

/** The fixture project's expected rows (shared/fixtures/redcap/README.md). */
class RedcapSourceTest {

    private RedcapEmulator redcap;
    private RedcapSource source;

    @BeforeEach
    void start() throws Exception {
        redcap = RedcapEmulator.start();
        source = source(Map.of(), Map.of());
    }

    @AfterEach
    void stop() {
        source.close();
        redcap.close();
    }

    @Test
    void fullExportYieldsTheFourExpectedRowsForSite792() throws Exception {
        FetchResult result = source.fetch(SyncWindow.full(now()));

        assertThat(result.complete()).isTrue();
        assertThat(result.rows()).extracting(WorklistItem::sourceKey, WorklistItem::patientId,
                WorklistItem::patientName, WorklistItem::scheduledStartDate,
                WorklistItem::scheduledStartTime, WorklistItem::patientBirthDate,
                WorklistItem::patientSex).containsExactly(
                tuple("1:1", "sub_1001_ses_1_fam_0501_site_792", "cpip-id-1001^fa-0501",
                        LocalDate.of(2025, 3, 10), LocalTime.of(9, 30),
                        LocalDate.of(2014, 1, 1), "F"),
                tuple("2:1", "sub_1002_ses_1_fam_0502_site_792", "cpip-id-1002^fa-0502",
                        LocalDate.of(2025, 1, 20), LocalTime.of(14, 0),
                        LocalDate.of(2013, 1, 1), "M"),
                tuple("2:2", "sub_1002_ses_2_fam_0502_site_792", "cpip-id-1002^fa-0502",
                        LocalDate.of(2025, 3, 11), LocalTime.of(10, 15),
                        LocalDate.of(2013, 1, 1), "M"),
                tuple("5:2", "sub_1005_ses_1_fam_0504_site_792", "cpip-id-1005^fa-0504",
                        LocalDate.of(2025, 3, 12), LocalTime.of(13, 45),
                        LocalDate.of(2015, 1, 1), "F"));
        assertThat(result.skippedKeys()).containsExactly("4:1");
    }

    @Test
    void windowW1YieldsTheSameRowsAsAnIncrementalResult() throws Exception {
        var begin = LocalDateTime.of(2025, 3, 9, 8, 0).atZone(RedcapEmulator.SERVER_ZONE);
        var end = LocalDateTime.of(2025, 3, 10, 8, 0).atZone(RedcapEmulator.SERVER_ZONE);

        FetchResult result = source.fetch(SyncWindow.incremental(begin.toInstant(),
                end.toInstant()));

        assertThat(result.complete()).isFalse();
        assertThat(result.rows()).extracting(WorklistItem::sourceKey)
                .containsExactly("1:1", "2:1", "2:2", "5:2");
        assertThat(result.skippedKeys()).containsExactly("4:1");
        RedcapEmulator.Request records = redcap.requests().get(1);
        assertThat(records.lastValues()).containsEntry("dateRangeBegin", "2025-03-09 08:00:00")
                .containsEntry("dateRangeEnd", "2025-03-10 08:00:00");
    }

    @Test
    void ambiguousDateSkipsTheRowWithAWarningNamingTheRecordNotThePatient() throws Exception {
        List<String> warnings;
        try (LogCapture log = new LogCapture()) {
            source.fetch(SyncWindow.full(now()));
            warnings = log.messages(Level.WARN);
        }

        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("record 4 instance 1 skipped")
                .contains("scheduled date").doesNotContain("1004").doesNotContain("0503")
                .doesNotContain("cpip").doesNotContain("12/03/2025");
    }

    @Test
    void mapsWeightProtocolModalityAndPhysiciansAndMintsNoIds() throws Exception {
        Map<String, WorklistItem> rows = byKey(source.fetch(SyncWindow.full(now())));

        WorklistItem first = rows.get("1:1");
        assertThat(first.patientWeightKg()).isEqualByComparingTo(new BigDecimal("32.30"));
        assertThat(rows.get("2:1").patientWeightKg()).isEqualByComparingTo("39.92");
        assertThat(first.modality()).isEqualTo("MR");
        assertThat(first.spsDescription()).isEqualTo("BRAIN_MRI_3T");
        assertThat(first.requestedProcedureDescription()).isEqualTo("BRAIN_MRI_3T");
        assertThat(first.protocolCode()).isEqualTo(new CodedEntry("BRAIN_MRI_3T", "99LANTIR",
                "BRAIN_MRI_3T"));
        assertThat(first.referringPhysicianName()).isEqualTo("Dr. Anita Sharma");
        assertThat(rows.get("5:2").referringPhysicianName()).isEqualTo("Dr. José Müller-Núñez");
        assertThat(first.status()).isEqualTo(ProcedureStepStatus.SCHEDULED);
        assertThat(first.dataSource()).isEqualTo("main_redcap");
        assertThat(first.requestedProcedureId()).isNull();
        assertThat(first.spsId()).isNull();
        assertThat(first.accessionNumber()).isNull();
        assertThat(first.studyInstanceUid()).isNull();
        assertThat(first.scheduledStationAeTitle()).isNull();
    }

    /** The Python tool never read mri_notes: no comment unless a mapping asks for one. */
    @Test
    void notesFeedNoCommentByDefault() throws Exception {
        FetchResult result = source.fetch(SyncWindow.full(now()));

        assertThat(result.rows()).extracting(WorklistItem::patientComments,
                WorklistItem::requestedProcedureComments, WorklistItem::spsComments)
                .containsOnly(tuple(null, null, null));
        assertThat(redcap.requests().get(1).array("fields")).doesNotContain("mri_notes");
    }

    @Test
    void aMappedNotesFieldBecomesTheStepsCommentUnchanged() throws Exception {
        source.close();
        source = source(Map.of(), Map.of("mri_notes", "sps_comments"));

        Map<String, WorklistItem> rows = byKey(source.fetch(SyncWindow.full(now())));

        assertThat(rows.get("5:2").spsComments()).isEqualTo("Parent prefers French "
                + "(Français); interpreter booked. Sibling «Zoë» may attend.");
        assertThat(rows.get("2:2").spsComments())
                .isEqualTo("Follow-up scan; same protocol as session 1.");
        assertThat(rows.get("1:1").spsComments()).isNull();
        assertThat(rows.get("5:2").patientComments()).isNull();
        assertThat(redcap.requests().get(1).array("fields")).contains("mri_notes");
    }

    @Test
    void patientAndRequestedProcedureCommentsTakeTheFieldsTheirMappingNames() throws Exception {
        source.close();
        source = source(Map.of(), Map.of("mri_notes", "requested_procedure_comments",
                "referring_physician", "patient_comments"));

        WorklistItem row = byKey(source.fetch(SyncWindow.full(now()))).get("2:2");

        assertThat(row.requestedProcedureComments())
                .isEqualTo("Follow-up scan; same protocol as session 1.");
        assertThat(row.patientComments()).isEqualTo(row.referringPhysicianName()).isNotNull();
        assertThat(row.spsComments()).isNull();
    }

    /** LT holds 10240 characters (PS3.5 Table 6.2-1): the row is skipped, never cut. */
    @Test
    void aCommentLongerThanAnLtSkipsTheRowWithAWarningNamingRecordAndField() throws Exception {
        source.close();
        source = source(Map.of(), Map.of("mri_notes", "sps_comments"));
        redcap.project().setValue("5", 2, "mri_notes", "private " + "n".repeat(10233),
                LocalDateTime.now());

        FetchResult result;
        List<String> warnings;
        try (LogCapture log = new LogCapture()) {
            result = source.fetch(SyncWindow.full(now()));
            warnings = log.messages(Level.WARN);
        }

        assertThat(result.rows()).extracting(WorklistItem::sourceKey)
                .containsExactly("1:1", "2:1", "2:2");
        assertThat(result.skippedKeys()).containsExactly("4:1", "5:2");
        assertThat(warnings).filteredOn(w -> w.contains("record 5 instance 2 skipped"))
                .singleElement().asString().contains("sps_comments", "mri_notes",
                        "10241 characters", "10240").doesNotContain("private", "1005");
    }

    @Test
    void aCommentOfExactlyTheLtLimitIsKeptWhole() throws Exception {
        source.close();
        source = source(Map.of(), Map.of("mri_notes", "sps_comments"));
        String note = "n".repeat(10239) + "ë";
        redcap.project().setValue("5", 2, "mri_notes", note, LocalDateTime.now());

        WorklistItem row = byKey(source.fetch(SyncWindow.full(now()))).get("5:2");

        assertThat(row.spsComments()).isEqualTo(note);
    }

    @Test
    void blankWeightStaysEmpty() throws Exception {
        redcap.project().setValue("7", 1, "mri_instance", "1", LocalDateTime.now());

        WorklistItem seven = byKey(source.fetch(SyncWindow.full(now()))).get("7:1");

        assertThat(seven.patientId()).isEqualTo("sub_1007_ses_1_fam_0506_site_792");
        assertThat(seven.patientWeightKg()).isNull();
    }

    @Test
    void requestsOnlyFieldsTheProjectHasAlwaysWithTheRecordId() throws Exception {
        source.close();
        source = source(Map.of(), Map.of("t1_date", "scheduled_start_date",
                "scheduled_time", "scheduled_start_time", "status",
                "performed_procedure_step_status"));

        FetchResult result = source.fetch(SyncWindow.full(now()));

        List<String> fields = redcap.requests().get(1).array("fields");
        assertThat(fields.get(0)).isEqualTo("record_id");
        assertThat(fields).contains("study_id", "mri_date", "mri_time", "mri_wt_lbs")
                .doesNotContain("t1_date", "scheduled_time", "status");
        assertThat(result.rows()).hasSize(4);
        assertThat(redcap.requests()).extracting(r -> r.param("content"))
                .containsExactly("metadata", "record");
    }

    @Test
    void templatesStationAndProtocolComeFromTheSourceConfig() throws Exception {
        source.close();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("patient_id_template", "{site}-{study}-{session}-r{record}");
        settings.put("patient_name_template", "{redcap:family_id}^{study}");
        settings.put("station_ae_title", "MRI_3T_A");
        settings.put("protocol", "A_VERY_LONG_PROTOCOL_NAME_FOR_RESEARCH");
        source = source(settings, Map.of());

        WorklistItem first = byKey(source.fetch(SyncWindow.full(now()))).get("1:1");

        assertThat(first.patientId()).isEqualTo("792-1001-1-r1");
        assertThat(first.patientName()).isEqualTo("F-0501^1001");
        assertThat(first.scheduledStationAeTitle()).isEqualTo("MRI_3T_A");
        assertThat(first.protocolCode().value()).hasSizeLessThanOrEqualTo(16)
                .startsWith("A_VERY_LONG");
        assertThat(first.protocolCode().meaning())
                .isEqualTo("A_VERY_LONG_PROTOCOL_NAME_FOR_RESEARCH");
        assertThat(first.spsDescription()).isEqualTo("A_VERY_LONG_PROTOCOL_NAME_FOR_RESEARCH");
    }

    @Test
    void unknownTemplatePlaceholderIsAClearConfigurationError() {
        DataSourceConfig config = DataSourceConfig.of("x", "redcap", Map.of("site_id", "792",
                "patient_id_template", "sub_{subject}"), Map.of());

        assertThatThrownBy(() -> RedcapSource.create(LantirConfig.defaults(), config,
                Map.of(RedcapSource.ENV_URL, redcap.apiUrl().toString(),
                        RedcapSource.ENV_TOKEN, RedcapEmulator.TOKEN)))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("config.patient_id_template")
                .hasMessageContaining("{subject}");
    }

    @Test
    void sourceConfigCredentialsWinOverTheEnvironment() throws Exception {
        DataSourceConfig config = DataSourceConfig.of("x", "redcap", Map.of(
                "api_url", "https://redcap.example.org/api/", "api_token", "AAAA"), Map.of());
        Map<String, String> env = Map.of(RedcapSource.ENV_URL, "https://other.example/api/",
                RedcapSource.ENV_TOKEN, "BBBB", "SITE_B_TOKEN", "CCCC");

        RedcapEndpoint fromConfig = RedcapSource.endpoint(config, env);
        RedcapEndpoint fromEnv = RedcapSource.endpoint(DataSourceConfig.of("y", "redcap",
                Map.of(), Map.of()), env);
        RedcapEndpoint namedEnv = RedcapSource.endpoint(DataSourceConfig.of("z", "redcap",
                Map.of("api_token_env", "SITE_B_TOKEN"), Map.of()), env);

        assertThat(fromConfig.url().toString()).isEqualTo("https://redcap.example.org/api/");
        assertThat(fromConfig.token()).isEqualTo("AAAA");
        assertThat(fromEnv.url().toString()).isEqualTo("https://other.example/api/");
        assertThat(fromEnv.token()).isEqualTo("BBBB");
        assertThat(namedEnv.token()).isEqualTo("CCCC");
    }

    @Test
    void missingCredentialsNameTheVariables() {
        DataSourceConfig config = DataSourceConfig.of("x", "redcap", Map.of(), Map.of());

        assertThatThrownBy(() -> RedcapSource.endpoint(config, Map.of()))
                .hasMessageContaining("REDCAP_API_URL");
        assertThatThrownBy(() -> RedcapSource.endpoint(config,
                Map.of(RedcapSource.ENV_URL, "https://r.example/api/")))
                .hasMessageContaining("REDCAP_API_TOKEN");
    }

    @Test
    void topLevelProtocolAppliesWhenTheSourceHasNone() throws Exception {
        DataSourceConfig config = DataSourceConfig.of("x", "redcap",
                Map.of("site_id", "792"), Map.of());

        RedcapSettings settings = RedcapSettings.from(config,
                Protocol.perSite(Map.of("792", "BRAIN_MRI_3T")));

        assertThat(settings.protocolName()).isEqualTo("BRAIN_MRI_3T");
    }

    private RedcapSource source(Map<String, Object> extra, Map<String, Object> mapping)
            throws SourceException {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("site_id", "792");
        settings.put("protocol", Map.of("792", "BRAIN_MRI_3T", "mapping", "GEHC"));
        settings.put("server_timezone", RedcapEmulator.SERVER_ZONE.getId());
        settings.putAll(extra);
        DataSourceConfig config = DataSourceConfig.of("main_redcap", "redcap", settings,
                mapping);
        return RedcapSource.create(LantirConfig.defaults(), config,
                Map.of(RedcapSource.ENV_URL, redcap.apiUrl().toString(),
                        RedcapSource.ENV_TOKEN, RedcapEmulator.TOKEN));
    }

    private static java.time.Instant now() {
        return RedcapEmulator.DEFAULT_NOW.atZone(RedcapEmulator.SERVER_ZONE).toInstant();
    }

    private static Map<String, WorklistItem> byKey(FetchResult result) {
        Map<String, WorklistItem> rows = new LinkedHashMap<>();
        result.rows().forEach(row -> rows.put(row.sourceKey(), row));
        return rows;
    }
}
