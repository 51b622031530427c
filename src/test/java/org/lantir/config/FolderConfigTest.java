package org.lantir.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two folder source types, {@code csv_folder} and {@code wl_folder}: their keys load, an
 * unknown one is reported, and a bad value stops the load naming its JSON path.
 */
class FolderConfigTest {

    private static final Path FILE = Path.of("/etc/lantir/lantir.json");

    private static String source(String type, String config) {
        return "{\"data_sources\": [{\"name\": \"drop\", \"type\": \"" + type + "\", "
                + "\"sync_interval\": 30, \"config\": {" + config + "}}]}";
    }

    private static LantirConfig load(String json, List<String> warnings)
            throws ConfigException {
        return ConfigLoader.parse(json, FILE, FILE.getParent(), warnings::add);
    }

    @Test
    void everyCsvFolderKeyLoads() throws Exception {
        List<String> warnings = new ArrayList<>();
        LantirConfig config = load(source("csv_folder", "\"path\": \"/srv/lantir/csv\", "
                + "\"glob\": \"bookings-*.csv\", \"encoding\": \"windows-1252\", "
                + "\"delimiter\": \";\", \"modality\": \"mr\", \"station_ae_title\": "
                + "\"MRI_3T\", \"station_name\": \"SCANNER 1\", \"protocol_coding_scheme\": "
                + "\"99SITE\", \"settle_seconds\": 5"), warnings);

        DataSourceConfig drop = config.dataSources().get(0);
        assertThat(drop.type()).isEqualTo(DataSourceConfig.TYPE_CSV_FOLDER);
        assertThat(drop.setting("path")).isEqualTo("/srv/lantir/csv");
        assertThat(drop.syncIntervalSeconds()).isEqualTo(30);
        assertThat(warnings).isEmpty();
    }

    @Test
    void everyWorklistFolderKeyLoadsAndAnUnknownOneIsReported() throws Exception {
        List<String> warnings = new ArrayList<>();
        LantirConfig config = load(source("WL_FOLDER", "\"path\": \"~/worklists/MRI_3T\", "
                + "\"glob\": \"*.wl\", \"default_character_set\": \"ISO_IR 100\", "
                + "\"modality\": \"MR\", \"station_ae_title\": \"MRI_3T\", "
                + "\"encoding\": \"UTF-8\""), warnings);

        assertThat(config.dataSources().get(0).type())
                .isEqualTo(DataSourceConfig.TYPE_WL_FOLDER);
        assertThat(warnings).singleElement().asString()
                .contains("data_sources[0].config.encoding");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "csv_folder|\"path\": \"csv/drop\"|data_sources[0].config.path",
        "csv_folder|\"path\": \"/srv\", \"glob\": \"*.{csv\"|data_sources[0].config.glob",
        "csv_folder|\"path\": \"/srv\", \"encoding\": \"klingon\"|data_sources[0].config.encoding",
        "csv_folder|\"path\": \"/srv\", \"delimiter\": \"::\"|data_sources[0].config.delimiter",
        "csv_folder|\"path\": \"/srv\", \"modality\": \"XRAY\"|data_sources[0].config.modality",
        "csv_folder|\"path\": \"/srv\", \"station_ae_title\": \"FAR_TOO_LONG_A_TITLE\""
                + "|data_sources[0].config.station_ae_title",
        "csv_folder|\"path\": \"/srv\", \"settle_seconds\": -1"
                + "|data_sources[0].config.settle_seconds",
        "wl_folder|\"path\": \"/srv\", \"default_character_set\": \"ISO_IR 999\""
                + "|data_sources[0].config.default_character_set",
        "wl_folder|\"glob\": \"*.wl\"|data_sources[0].config.path"})
    void aBadValueStopsTheLoadNamingItsPath(String type, String config, String path) {
        assertThatThrownBy(() -> load(source(type, config), new ArrayList<>()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(path);
    }

    @Test
    void aFolderSourceWithoutConfigNamesThePath() {
        String json = "{\"data_sources\": [{\"name\": \"drop\", \"type\": \"csv_folder\"}]}";

        assertThatThrownBy(() -> load(json, new ArrayList<>()))
                .hasMessageContaining("data_sources[0].config.path")
                .hasMessageContaining("expected the folder the files are dropped in");
    }

    @Test
    void anUnknownTypeListsTheKnownOnes() {
        assertThatThrownBy(() -> load(source("ftp_folder", "\"path\": \"/srv\""),
                new ArrayList<>()))
                .hasMessageContaining("calpendo, csv_folder, redcap, wl_folder");
    }

    @Test
    void aFolderSourceSurvivesASaveAndLoad() throws Exception {
        LantirConfig config = load(source("csv_folder", "\"path\": \"/srv/lantir/csv\", "
                + "\"delimiter\": \"tab\""), new ArrayList<>());

        LantirConfig again = load(ConfigLoader.toJson(config), new ArrayList<>());

        assertThat(again.dataSources()).isEqualTo(config.dataSources());
    }
}
