package org.lantir.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.config.ConfigException;
import org.lantir.config.ConfigStore;
import org.lantir.config.LantirConfig;

/** "Open an existing pylantir config": a byte-for-byte copy; the original never changes. */
class ConfigImportTest {

    /** The Python tool's own shape: its comment key, its keys Lantir only keeps. */
    static final String PYLANTIR = """
            {
              "_comment": "site 792, 3T scanner",
              "db_path": "%s",
              "db_echo": "False",
              "allowed_aet": ["MRI_3T"],
              "mri_visit_session_mapping": {"1": "baseline"},
              "data_sources": [
                {"name": "cpip_redcap", "type": "redcap", "sync_interval": 60,
                 "config": {"site_id": "792", "protocol": {"792": "BRAIN_MRI_3T"}}}
              ]
            }
            """;

    @TempDir
    Path dir;
    private Path dataFolder;
    private Path elsewhere;
    private ConfigStore store;

    @BeforeEach
    void folders() throws Exception {
        dataFolder = Files.createDirectories(dir.resolve("data"));
        elsewhere = Files.createDirectories(dir.resolve("pylantir"));
        FirstStart.create(dataFolder, null, "127.0.0.1", 11112);
        store = new ConfigStore(dataFolder.resolve("lantir.json"));
    }

    @Test
    void copiesThePylantirKeysKeepsLantirsOwnSectionAndTheDefaultAsBackup() throws Exception {
        Path original = elsewhere.resolve("config.json");
        String text = PYLANTIR.formatted(elsewhere.resolve("worklist.db"));
        Files.writeString(original, text);
        String defaults = Files.readString(store.file());

        ConfigImport.Copied copied = ConfigImport.importFile(original, store, w -> { });
        LantirConfig config = copied.config();

        ObjectMapper json = new ObjectMapper();
        ObjectNode written = (ObjectNode) json.readTree(Files.readString(store.file()));
        assertThat(written.remove("lantir")).isEqualTo(json.readTree(defaults).get("lantir"));
        assertThat(written).isEqualTo(json.readTree(text));
        assertThat(copied.keptLantirSection()).isTrue();
        assertThat(config.lantir().server().bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.lantir().server().port()).isEqualTo(11112);
        assertThat(Files.readString(original)).isEqualTo(text);
        assertThat(Files.readString(store.backupFile())).isEqualTo(defaults);
        assertThat(config.dataSources()).extracting(s -> s.name()).containsExactly("cpip_redcap");
        assertThat(config.extras()).containsKeys("_comment", "mri_visit_session_mapping");
        assertThat(config.dbPath().path()).isEqualTo(elsewhere.resolve("worklist.db"));
    }

    @Test
    void aFileWithItsOwnLantirSectionIsCopiedByteForByte() throws Exception {
        Path original = elsewhere.resolve("config.json");
        String text = PYLANTIR.formatted(elsewhere.resolve("worklist.db")).replace(
                "\"data_sources\"", "\"lantir\": {\"server\": {\"port\": 11120}},\n  "
                        + "\"data_sources\"");
        Files.writeString(original, text);

        ConfigImport.Copied copied = ConfigImport.importFile(original, store, w -> { });

        assertThat(Files.readString(store.file())).isEqualTo(text);
        assertThat(copied.keptLantirSection()).isFalse();
        assertThat(copied.config().lantir().server().port()).isEqualTo(11120);
    }

    @Test
    void aFileWithARelativeDatabasePathIsRefusedAndNothingChanges() throws Exception {
        Path original = elsewhere.resolve("config.json");
        Files.writeString(original, PYLANTIR.formatted("worklist.db"));
        String before = Files.readString(store.file());

        assertThatThrownBy(() -> ConfigImport.copyIn(original, store, w -> { }))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("relative").hasMessageContaining("--config");
        assertThat(Files.readString(store.file())).isEqualTo(before);
        assertThat(store.backupFile()).doesNotExist();
    }

    @Test
    void anInvalidFileIsRefusedNamingIt() throws Exception {
        Path original = elsewhere.resolve("broken.json");
        Files.writeString(original, "{\"allowed_aet\": [\"A_TITLE_FAR_TOO_LONG_FOR_DICOM\"]}");

        assertThatThrownBy(() -> ConfigImport.copyIn(original, store, w -> { }))
                .isInstanceOf(ConfigException.class).hasMessageContaining("broken.json")
                .hasMessageContaining("allowed_aet");
    }
}
