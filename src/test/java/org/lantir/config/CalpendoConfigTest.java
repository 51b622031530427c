package org.lantir.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.sync.calpendo.CalpendoField;

/**
 * A {@code calpendo} source as the Python tool's users write it (its
 * {@code calpendo_config_example.json}), and the values that stop Lantir at load naming their
 * JSON path.
 */
class CalpendoConfigTest {

    /** The Python tool's example, with the field mapping inside {@code config}. */
    private static final String PYLANTIR_EXAMPLE = """
            {"data_sources": [{
                "name": "calpendo_3t",
                "type": "calpendo",
                "enabled": true,
                "sync_interval": 300,
                "config": {
                    "base_url": "https://calpendo.example.org",
                    "resources": ["3T Diagnostic", "EEG Lab"],
                    "status_filter": "Approved",
                    "lookback_multiplier": 2,
                    "timezone": "America/Edmonton",
                    "resource_modality_mapping": {"3T": "MR", "EEG": "EEG", "Mock": "OT"},
                    "field_mapping": {
                        "patient_id": {"source_field": "title",
                                       "_extract": {"pattern": "^([A-Z0-9]+)_.*", "group": 1}},
                        "patient_name": {"source_field": "title",
                                         "_extract": {"pattern": "^[A-Z0-9]+_(.+)$", "group": 1}},
                        "study_description": {
                            "source_field": "properties.project.formattedName",
                            "_extract": {"pattern": "^([^(]+)", "group": 1}},
                        "accession_number": "id",
                        "study_instance_uid": "id"
                    }%s
                }%s
            }]}
            """;

    @TempDir
    Path dir;

    @Test
    void thePythonToolsExampleLoadsWithoutWarnings() throws Exception {
        LantirConfig config = load(PYLANTIR_EXAMPLE.formatted("", ""));

        DataSourceConfig source = config.dataSources().get(0);
        assertThat(source.type()).isEqualTo(DataSourceConfig.TYPE_CALPENDO);
        assertThat(source.settings()).containsKeys("base_url", "resources", "field_mapping");
        assertThat(source.extras()).isEmpty();
    }

    @Test
    void theTargetsTheLoaderKnowsAreTheFieldsTheSourceFills() {
        assertThat(CalpendoKeys.TARGETS).isEqualTo(Arrays.stream(CalpendoField.values())
                .map(f -> f.key).collect(Collectors.toSet()));
    }

    @Test
    void anInvalidPatternIsRejectedNamingTheField() {
        String json = PYLANTIR_EXAMPLE.formatted("", "").replace("^([^(]+)", "^([^(]+");

        assertThatThrownBy(() -> load(json)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("data_sources[0].config.field_mapping.study_description"
                        + "._extract.pattern")
                .hasMessageContaining("not a valid regular expression");
    }

    @Test
    void aGroupThePatternLacksIsRejected() {
        String json = PYLANTIR_EXAMPLE.formatted("", "")
                .replace("\"pattern\": \"^([A-Z0-9]+)_.*\", \"group\": 1",
                        "\"pattern\": \"^([A-Z0-9]+)_.*\", \"group\": 2");

        assertThatThrownBy(() -> load(json))
                .hasMessageContaining("config.field_mapping.patient_id._extract.group")
                .hasMessageContaining("from 0 to 1");
    }

    @Test
    void aPatternInTheEntrysOwnFieldMappingIsCheckedToo() {
        String json = PYLANTIR_EXAMPLE.formatted("", """
                ,
                "field_mapping": {"patient_id": {"source_field": "title",
                    "_extract": {"pattern": "(?<id>[A-Z]+", "group": "id"}}}""");

        assertThatThrownBy(() -> load(json))
                .hasMessageContaining("data_sources[0].field_mapping.patient_id._extract.pattern");
    }

    @Test
    void pythonNamedGroupsAreRead() throws Exception {
        load(PYLANTIR_EXAMPLE.formatted("", "").replace("^([A-Z0-9]+)_.*\", \"group\": 1",
                "^(?P<sub>[A-Z0-9]+)_.*\", \"group\": \"sub\""));

        SourceField field = SourceField.parse(Map.of("source_field", "title", "_extract",
                Map.of("pattern", "^(?P<sub>[A-Z0-9]+)_(?P=sub)?", "group", "sub")));
        assertThat(field.extract("SUB1_rest")).contains("SUB1");
    }

    @Test
    void aWorklistFieldLantirDoesNotFillIsRejectedSayingWhichDirectionMappingsGo() {
        String json = PYLANTIR_EXAMPLE.formatted("", "")
                .replace("\"accession_number\": \"id\"", "\"title\": \"patient_id\"");

        assertThatThrownBy(() -> load(json))
                .hasMessageContaining("config.field_mapping.title")
                .hasMessageContaining("maps a worklist field to a booking path");
    }

    @Test
    void statusAndDateTargetsOfThePythonToolAreAccepted() throws Exception {
        load(PYLANTIR_EXAMPLE.formatted("", "").replace("\"accession_number\": \"id\"",
                "\"accession_number\": \"id\", \"performed_procedure_step_status\": "
                        + "\"status\""));
    }

    @Test
    void aMappingWithoutPatientIdIsRejected() {
        String json = PYLANTIR_EXAMPLE.formatted("", "").replaceAll(
                "\"patient_id\": \\{[^}]*}},", "");

        assertThatThrownBy(() -> load(json))
                .hasMessageContaining("data_sources[0].config.field_mapping")
                .hasMessageContaining("names no patient_id");
    }

    /** The file writer keeps an empty field_mapping; reading it back must not fail. */
    @Test
    void aSourceWithoutAMappingSurvivesASaveAndALoad() throws Exception {
        LantirConfig config = load("""
                {"data_sources": [{"name": "cal", "type": "calpendo",
                    "config": {"base_url": "https://calpendo.example.org",
                               "resources": ["3T Diagnostic"]}}]}
                """);

        LantirConfig again = load(ConfigLoader.toJson(config));

        assertThat(again.dataSources()).singleElement().extracting(
                org.lantir.config.DataSourceConfig::name).isEqualTo("cal");
        assertThatThrownBy(() -> load("""
                {"data_sources": [{"name": "cal", "type": "calpendo", "field_mapping": {},
                    "config": {"base_url": "https://calpendo.example.org",
                               "resources": ["3T Diagnostic"],
                               "field_mapping": {"accession_number": "id"}}}]}
                """)).hasMessageContaining("data_sources[0].config.field_mapping: names no "
                        + "patient_id");
    }

    @Test
    void plainHttpIsRefusedBeyondThisMachine() throws Exception {
        String json = PYLANTIR_EXAMPLE.formatted("", "")
                .replace("https://calpendo.example.org", "http://calpendo.example.org");

        assertThatThrownBy(() -> load(json))
                .hasMessageContaining("data_sources[0].config.base_url")
                .hasMessageContaining("https://");
        load(PYLANTIR_EXAMPLE.formatted("", "")
                .replace("https://calpendo.example.org", "http://127.0.0.1:8080"));
    }

    @Test
    void cancelledInTheStatusFilterIsRejected() {
        String json = PYLANTIR_EXAMPLE.formatted("", "")
                .replace("\"status_filter\": \"Approved\"",
                        "\"status_filter\": [\"Approved\", \"Cancelled\"]");

        assertThatThrownBy(() -> load(json))
                .hasMessageContaining("config.status_filter")
                .hasMessageContaining("Cancelled bookings never become worklist rows");
    }

    @Test
    void anEmptyStatusFilterIsSaidToBeEmpty() {
        String json = PYLANTIR_EXAMPLE.formatted("", "")
                .replace("\"status_filter\": \"Approved\"", "\"status_filter\": []");

        assertThatThrownBy(() -> load(json))
                .hasMessageContaining("config.status_filter")
                .hasMessageContaining("must not be empty")
                .hasMessageNotContaining("found a list");
    }

    @Test
    void badWindowZoneModalityAndMismatchPolicyAreRejected() {
        assertThatThrownBy(() -> load(PYLANTIR_EXAMPLE.formatted(
                ", \"window_mode\": \"weekly\"", "")))
                .hasMessageContaining("config.window_mode").hasMessageContaining("rolling");
        assertThatThrownBy(() -> load(PYLANTIR_EXAMPLE.formatted("",
                ", \"window_mode\": \"weekly\"")))
                .hasMessageContaining("data_sources[0].window_mode");
        assertThatThrownBy(() -> load(PYLANTIR_EXAMPLE.formatted("", "")
                .replace("America/Edmonton", "Mountain/Time")))
                .hasMessageContaining("config.timezone");
        assertThatThrownBy(() -> load(PYLANTIR_EXAMPLE.formatted("", "")
                .replace("\"3T\": \"MR\"", "\"3T\": \"Magnetic resonance\"")))
                .hasMessageContaining("config.resource_modality_mapping.3T");
        assertThatThrownBy(() -> load(PYLANTIR_EXAMPLE.formatted(
                ", \"on_pattern_mismatch\": \"guess\"", "")))
                .hasMessageContaining("config.on_pattern_mismatch")
                .hasMessageContaining("skip, use_raw_value");
        assertThatThrownBy(() -> load(PYLANTIR_EXAMPLE.formatted("", "")
                .replace("\"lookback_multiplier\": 2", "\"lookback_multiplier\": 0")))
                .hasMessageContaining("config.lookback_multiplier");
    }

    @Test
    void resourcesAreRequired() {
        assertThatThrownBy(() -> load(PYLANTIR_EXAMPLE.formatted("", "")
                .replace("\"resources\": [\"3T Diagnostic\", \"EEG Lab\"],", "")))
                .hasMessageContaining("config.resources");
    }

    @Test
    void aPasswordIsNeverQuoted() {
        String password = "s3cret-Calpendo-pass";

        assertThatThrownBy(() -> load(PYLANTIR_EXAMPLE.formatted(
                ", \"password\": [\"" + password + "\"]", "")))
                .hasMessageContaining("config.password")
                .hasMessageNotContaining(password);
    }

    @Test
    void theConfigurationSurvivesASaveAndALoad() throws Exception {
        LantirConfig original = load(PYLANTIR_EXAMPLE.formatted(
                ", \"on_pattern_mismatch\": \"use_raw_value\", \"lookahead_days\": 3",
                ", \"window_mode\": \"today\""));
        Path saved = dir.resolve("saved.json");

        ConfigLoader.save(original, saved);

        assertThat(ConfigLoader.load(saved)).isEqualTo(original);
    }

    @Test
    void aSourceWithoutFieldMappingSurvivesASaveAndALoad() throws Exception {
        LantirConfig original = load("""
                {"data_sources": [{"name": "bookings", "type": "calpendo",
                    "config": {"base_url": "https://calpendo.example.org",
                               "resources": ["3T Diagnostic"]}}]}
                """);
        Path saved = dir.resolve("saved.json");

        ConfigLoader.save(original, saved);

        assertThat(Files.readString(saved)).contains("\"field_mapping\": { }");
        assertThat(ConfigLoader.load(saved)).isEqualTo(original);
    }

    private LantirConfig load(String json) throws ConfigException, IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return ConfigLoader.load(file);
    }
}
