package org.lantir.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.sync.LogCapture;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.UnassignedStation;

class ConfigLoaderTest {

    private static final String MULTI_SOURCE = """
            {
                "db_path": "~/Desktop/worklist.db",
                "users_db_path": "users.db",
                "db_echo": "False",
                "allowed_aet": ["MRI_SCANNER", "CT_SCANNER"],
                "data_sources": [
                    {
                        "name": "main_redcap",
                        "type": "redcap",
                        "enabled": true,
                        "sync_interval": 60,
                        "operation_interval": {"start_time": [8, 0], "end_time": [18, 0]},
                        "config": {
                            "site_id": "792",
                            "protocol": {"792": "BRAIN_MRI_3T", "mapping": "GEHC"}
                        },
                        "field_mapping": {
                            "study_id": "study_id",
                            "mri_instance": "session_id",
                            "mri_date": "scheduled_start_date"
                        }
                    },
                    {
                        "name": "second",
                        "type": "redcap",
                        "enabled": false,
                        "sync_interval": 120,
                        "config": {"site_id": 793, "protocol": "BRAIN_MRI_1.5T"},
                        "field_mapping": {}
                    }
                ],
                "api": {
                    "cors_allowed_origins": ["http://localhost:3000"],
                    "cors_allow_credentials": true,
                    "cors_allow_methods": ["GET"],
                    "cors_allow_headers": ["*"]
                }
            }
            """;

    private static final String LEGACY = """
            {
                "db_path": "worklist.db",
                "db_echo": "0",
                "db_update_interval": 90,
                "allowed_aet": [],
                "operation_interval": {"start_time": [7, 30], "end_time": [19, 0]},
                "mri_visit_session_mapping": {"t1_arm_1": "1"},
                "site": "792",
                "redcap2wl": {
                    "study_id": "study_id",
                    "mri_wt_lbs": "patient_weight_lb"
                },
                "protocol": {"792": "BRAIN_MRI_3T"},
                "_comment_data_sources": "Optional",
                "data_sources": []
            }
            """;

    @TempDir
    Path dir;

    @Test
    void readsThePythonToolsMultiSourceFormat() throws Exception {
        LantirConfig config = load(MULTI_SOURCE);

        assertThat(config.dbPath().path())
                .isEqualTo(Path.of(System.getProperty("user.home"), "Desktop", "worklist.db"));
        assertThat(config.dbPath().text()).isEqualTo("~/Desktop/worklist.db");
        assertThat(config.usersDbPath().path()).isEqualTo(dir.resolve("users.db"));
        assertThat(config.dbEcho()).isFalse();
        assertThat(config.allowedAet()).containsExactly("MRI_SCANNER", "CT_SCANNER");
        assertThat(config.api().corsAllowedOrigins()).containsExactly("http://localhost:3000");
        assertThat(config.api().corsAllowCredentials()).isTrue();
        assertThat(config.dataSources()).hasSize(2);

        DataSourceConfig main = config.dataSources().get(0);
        assertThat(main.name()).isEqualTo("main_redcap");
        assertThat(main.type()).isEqualTo("redcap");
        assertThat(main.syncInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(main.operationInterval())
                .isEqualTo(new OperationInterval(LocalTime.of(8, 0), LocalTime.of(18, 0)));
        assertThat(main.setting("site_id")).isEqualTo("792");
        assertThat(main.fieldMapping()).containsEntry("mri_instance", "session_id");

        DataSourceConfig second = config.dataSources().get(1);
        assertThat(second.enabled()).isFalse();
        assertThat(second.setting("site_id")).isEqualTo("793");
        assertThat(second.operationInterval()).isEqualTo(OperationInterval.ALL_DAY);
    }

    @Test
    void missingLantirSectionMeansEveryDefault() throws Exception {
        LantirConfig config = load(MULTI_SOURCE);

        ServerSettings server = config.lantir().server();
        assertThat(server.aeTitle()).isEqualTo("MWL_SERVER");
        assertThat(server.port()).isEqualTo(4242);
        assertThat(server.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(server.unassignedStation()).isEqualTo(UnassignedStation.ANY);
        assertThat(server.visibleStatuses()).containsExactlyInAnyOrder(
                ProcedureStepStatus.SCHEDULED, ProcedureStepStatus.IN_PROGRESS);
        assertThat(config.lantir().uidRoot()).isEqualTo("2.25");
        assertThat(config.lantir().sync().overlap()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void lantirSectionOverridesDefaults() throws Exception {
        LantirConfig config = load("""
                {"lantir": {
                    "server": {"ae_title": "LANTIR", "port": 11112, "max_answers": 500,
                        "visible_statuses": ["scheduled"],
                        "person_name_case_insensitive": false,
                        "calling_ae_default_charsets": {"OLD_SCANNER": "ISO_IR 100"},
                        "unassigned_station": "hidden"},
                    "uid_root": "1.2.826.0.1.3680043.10.999",
                    "sync": {"overlap_seconds": 120}}}
                """);

        ServerSettings server = config.lantir().server();
        assertThat(server.aeTitle()).isEqualTo("LANTIR");
        assertThat(server.port()).isEqualTo(11112);
        assertThat(server.maxAnswers()).isEqualTo(500);
        assertThat(server.visibleStatuses()).containsExactly(ProcedureStepStatus.SCHEDULED);
        assertThat(server.personNameCaseInsensitive()).isFalse();
        assertThat(server.callingAeDefaultCharsets())
                .containsExactly(Map.entry("OLD_SCANNER", "ISO_IR 100"));
        assertThat(server.unassignedStation()).isEqualTo(UnassignedStation.HIDDEN);
        assertThat(config.lantir().uidRoot()).isEqualTo("1.2.826.0.1.3680043.10.999");
        assertThat(config.lantir().sync().overlap()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.lantir().sync().retryMax()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void legacyFlatFormatBecomesOneRedcapSourceWithOneWarning() throws Exception {
        LantirConfig config;
        List<String> warnings;
        try (LogCapture log = new LogCapture()) {
            config = load(LEGACY);
            warnings = log.messages(Level.WARN);
        }

        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("legacy").contains("config.json");
        assertThat(config.dataSources()).hasSize(1);
        DataSourceConfig source = config.dataSources().get(0);
        assertThat(source.name()).isEqualTo("redcap_legacy");
        assertThat(source.type()).isEqualTo("redcap");
        assertThat(source.enabled()).isTrue();
        assertThat(source.syncIntervalSeconds()).isEqualTo(90);
        assertThat(source.operationInterval())
                .isEqualTo(new OperationInterval(LocalTime.of(7, 30), LocalTime.of(19, 0)));
        assertThat(source.setting("site_id")).isEqualTo("792");
        assertThat(source.fieldMapping()).containsEntry("mri_wt_lbs", "patient_weight_lb");
        assertThat(config.protocol().forSite("792")).isEqualTo("BRAIN_MRI_3T");
        assertThat(config.dbPath().path()).isEqualTo(dir.resolve("worklist.db"));
    }

    @Test
    void legacyFileSavedAndReadAgainIsTheSameConfigurationWithoutWarnings() throws Exception {
        LantirConfig legacy = load(LEGACY);
        Path saved = dir.resolve("saved.json");
        ConfigLoader.save(legacy, saved);

        try (LogCapture log = new LogCapture()) {
            assertThat(ConfigLoader.load(saved)).isEqualTo(legacy);
            assertThat(log.messages(Level.WARN)).isEmpty();
        }
        assertThat(Files.readString(saved)).contains("\"data_sources\"")
                .doesNotContain("redcap2wl").contains("_comment_data_sources");
    }

    @Test
    void everythingSurvivesAWriteReadRoundTrip() throws Exception {
        LantirConfig original = load(MULTI_SOURCE.replace("\"api\": {", """
                "lantir": {"server": {"ae_title": "LANTIR", "port": 104,
                                      "unassigned_station": "hidden"},
                           "uid_root": "2.25.1"},
                "custom_key": {"kept": [1, 2.5, "x", null, true]},
                "api": {"""));
        Path saved = dir.resolve("round-trip.json");

        ConfigLoader.save(original, saved);
        LantirConfig reread = ConfigLoader.load(saved);

        assertThat(reread).isEqualTo(original);
        assertThat(reread.lantir().server().unassignedStation())
                .isEqualTo(UnassignedStation.HIDDEN);
        assertThat(reread.extras()).containsKey("custom_key");
        assertThat(Files.readString(saved)).contains("\"db_path\": \"~/Desktop/worklist.db\"")
                .contains("    \"allowed_aet\"");
    }

    @Test
    void unknownKeysWarnWithTheirPathAndAreKept() throws Exception {
        try (LogCapture log = new LogCapture()) {
            LantirConfig config = load("""
                    {"colour": "blue",
                     "data_sources": [{"type": "redcap", "sync_intervall": 5,
                                       "config": {"site": "792"}}]}
                    """);

            assertThat(log.messages(Level.WARN)).hasSize(3)
                    .anySatisfy(m -> assertThat(m).contains("colour"))
                    .anySatisfy(m -> assertThat(m).contains("data_sources[0].sync_intervall"))
                    .anySatisfy(m -> assertThat(m).contains("data_sources[0].config.site"));
            assertThat(config.extras()).containsEntry("colour", "blue");
            assertThat(config.dataSources().get(0).extras()).containsKey("sync_intervall");
            assertThat(config.dataSources().get(0).name()).isEqualTo("redcap");
        }
    }

    @Test
    void wrongValueNamesFileJsonPathAndExpectation() {
        String json = MULTI_SOURCE.replace("\"sync_interval\": 120", "\"sync_interval\": \"2m\"");

        assertThatThrownBy(() -> load(json))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.resolve("config.json").toString())
                .hasMessageContaining("data_sources[1].sync_interval")
                .hasMessageContaining("expected a whole number of seconds")
                .satisfies(e -> assertThat(((ConfigException) e).jsonPath())
                        .isEqualTo("data_sources[1].sync_interval"));
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        String json = "{\n  \"db_path\": \"x.db\",\n  \"allowed_aet\": [\"A\",]\n}";

        assertThatThrownBy(() -> load(json))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.json")
                .hasMessageContaining("not valid JSON at line 3, column");
    }

    @Test
    void anUnclosedObjectNamesWhereItStartedWithoutTheParsersSettings() {
        String json = "{\"db_path\": \"x.db\",\n  \"allowed_aet\": [\"A\"]\n";

        assertThatThrownBy(() -> load(json))
                .hasMessageContaining("not valid JSON at line")
                .hasMessageContaining("start marker at line 1, column 1")
                .hasMessageNotContaining("Source").hasMessageNotContaining("StreamReadFeature");
    }

    @Test
    void credentialValuesNeverAppearInMessages() {
        String token = "0123456789ABCDEF0123456789ABCDEF";
        String wrongType = "{\"data_sources\": [{\"type\": \"redcap\", "
                + "\"config\": {\"api_token\": [\"" + token + "\"]}}]}";
        String unquoted = "{\"data_sources\": [{\"type\": \"redcap\", "
                + "\"config\": {\"api_token\": " + token + "}}]}";

        assertThatThrownBy(() -> load(wrongType))
                .hasMessageContaining("data_sources[0].config.api_token")
                .hasMessageNotContaining(token);
        assertThatThrownBy(() -> load(unquoted))
                .hasMessageContaining("not valid JSON")
                .hasMessageNotContaining(token);
    }

    @Test
    void badOperationIntervalIsRejected() {
        String json = MULTI_SOURCE.replace("\"end_time\": [18, 0]", "\"end_time\": [25, 0]");

        assertThatThrownBy(() -> load(json))
                .hasMessageContaining("data_sources[0].operation_interval.end_time")
                .hasMessageContaining("hour 0-23");
    }

    @Test
    void duplicateSourceNamesAreRejected() {
        String json = MULTI_SOURCE.replace("\"name\": \"second\"", "\"name\": \"main_redcap\"");

        assertThatThrownBy(() -> load(json))
                .hasMessageContaining("data_sources[1].name")
                .hasMessageContaining("already used by data_sources[0]");
    }

    @Test
    void unknownSourceTypeIsRejected() {
        assertThatThrownBy(() -> load("{\"data_sources\": [{\"type\": \"csv\"}]}"))
                .hasMessageContaining("data_sources[0].type")
                .hasMessageContaining("calpendo, csv_folder, redcap, wl_folder");
    }

    @Test
    void uidRootUnderTheStandardsOwnRootIsRejected() {
        assertThatThrownBy(() -> load("{\"lantir\": {\"uid_root\": \"1.2.840.10008.3\"}}"))
                .hasMessageContaining("lantir.uid_root");
    }

    @Test
    void callingAeAsStationListsAeTitles() throws Exception {
        LantirConfig config = load("""
                {"lantir": {"server": {"calling_ae_as_station": ["MRI_3T", " US_1 "]}}}
                """);

        assertThat(config.lantir().server().callingAeAsStation())
                .containsExactly("MRI_3T", "US_1");
    }

    @Test
    void unassignedStationAcceptsAnyOrHiddenInAnyCase() throws Exception {
        LantirConfig any = load("""
                {"lantir": {"server": {"unassigned_station": "any"}}}
                """);
        LantirConfig hidden = load("""
                {"lantir": {"server": {"unassigned_station": " Hidden "}}}
                """);

        assertThat(any.lantir().server().unassignedStation()).isEqualTo(UnassignedStation.ANY);
        assertThat(hidden.lantir().server().unassignedStation())
                .isEqualTo(UnassignedStation.HIDDEN);
    }

    @Test
    void unknownUnassignedStationPolicyIsRejectedNamingItsPath() {
        assertThatThrownBy(() -> load("""
                {"lantir": {"server": {"unassigned_station": "default_station"}}}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("lantir.server.unassigned_station")
                .hasMessageContaining("\"any\" or \"hidden\"");
        assertThatThrownBy(() -> load("""
                {"lantir": {"server": {"unassigned_station": true}}}
                """)).hasMessageContaining("lantir.server.unassigned_station");
    }

    @Test
    void unsupportedDefaultCharacterSetIsRejectedAtLoad() {
        assertThatThrownBy(() -> load("""
                {"lantir": {"server": {"calling_ae_default_charsets": {"OLD": "KLINGON"}}}}
                """)).hasMessageContaining("lantir.server.calling_ae_default_charsets.OLD");
    }

    @Test
    void badAeTitleInAllowedListIsRejected() {
        assertThatThrownBy(() -> load("{\"allowed_aet\": [\"OK\", \"MUCH_TOO_LONG_AE_TITLE\"]}"))
                .hasMessageContaining("allowed_aet[1]");
    }

    @Test
    void badTimeZoneOfARedcapSourceIsRejected() {
        String json = "{\"data_sources\": [{\"type\": \"redcap\", "
                + "\"config\": {\"server_timezone\": \"Mars/Olympus\"}}]}";

        assertThatThrownBy(() -> load(json))
                .hasMessageContaining("data_sources[0].config.server_timezone");
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.json")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.json").hasMessageContaining("does not exist");
    }

    @Test
    void newFileIsWrittenReadableOnlyByItsOwner() throws Exception {
        Path saved = dir.resolve("new.json");

        ConfigLoader.save(LantirConfig.defaults(), saved);

        assertThat(Files.getPosixFilePermissions(saved))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(ConfigLoader.load(saved)).isEqualTo(LantirConfig.defaults());
    }

    @Test
    void operationIntervalIncludesBothEndMinutesAndMayRunOvernight() {
        OperationInterval day = new OperationInterval(LocalTime.of(8, 0), LocalTime.of(18, 0));
        OperationInterval night = new OperationInterval(LocalTime.of(22, 0), LocalTime.of(6, 0));

        assertThat(day.contains(LocalTime.of(8, 0))).isTrue();
        assertThat(day.contains(LocalTime.of(18, 0, 59))).isTrue();
        assertThat(day.contains(LocalTime.of(18, 1))).isFalse();
        assertThat(day.contains(LocalTime.of(7, 59, 59))).isFalse();
        assertThat(night.contains(LocalTime.of(23, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(5, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(12, 0))).isFalse();
        assertThat(OperationInterval.ALL_DAY.contains(LocalTime.of(23, 59, 30))).isTrue();
    }

    @Test
    void protocolIsANameOrAPerSiteMap() throws Exception {
        assertThat(load("{\"protocol\": \"BRAIN\"}").protocol().forSite("1")).isEqualTo("BRAIN");
        assertThat(load("{\"protocol\": {\"792\": \"B3T\"}}").protocol().forSite("792"))
                .isEqualTo("B3T");
        assertThat(load("{}").protocol().isSet()).isFalse();
        assertThat(Set.of(load("{\"db_echo\": true}").dbEcho())).containsExactly(true);
    }

    private LantirConfig load(String json) throws ConfigException, IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return ConfigLoader.load(file);
    }
}
