package org.lantir.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.sync.LogCapture;

/** The editor's file service: warnings collected, credentials hidden, one backup on save. */
class ConfigStoreTest {

    private static final String TOKEN = "0123456789ABCDEF0123456789ABCDEF";
    private static final String PASSWORD = "fictional-pass-42";

    private static final String TWO_SOURCES = """
            {
                "db_path": "worklist.db",
                "data_sources": [
                    {"name": "cpip", "type": "redcap",
                     "config": {"api_url": "https://redcap.example.org/api/",
                                "api_token": "%s", "api_token_env": "CPIP_TOKEN",
                                "site_id": "792"}},
                    {"name": "scanner_bookings", "type": "calpendo",
                     "config": {"base_url": "https://calpendo.example.org",
                                "username": "reader", "password": "%s",
                                "resources": ["3T Diagnostic"]}}
                ],
                "colour": "blue"
            }
            """.formatted(TOKEN, PASSWORD);

    @TempDir
    Path dir;

    @Test
    void savingKeepsExactlyOneBackupOfThePreviousFile() throws Exception {
        ConfigStore store = new ConfigStore(dir.resolve("lantir.json"));
        Files.writeString(store.file(), TWO_SOURCES);
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-------"));
        LantirConfig first = store.load().orElseThrow().config();

        LantirConfig second = first.withDbPath(ConfigPath.resolve("second.db", dir));
        store.save(second);
        LantirConfig third = first.withDbPath(ConfigPath.resolve("third.db", dir));
        store.save(third);

        assertThat(store.backupFile()).isEqualTo(dir.resolve("lantir.json.bak"));
        assertThat(store.load().orElseThrow().config()).isEqualTo(third);
        assertThat(Files.readString(store.backupFile())).contains("\"second.db\"");
        assertThat(ConfigLoader.load(store.backupFile())).isEqualTo(second);
        assertThat(Files.getPosixFilePermissions(store.backupFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("lantir.json", "lantir.json.bak");
        }
    }

    @Test
    void aSaveKeepsTheFilesOrderCommentsAndBrevity() throws Exception {
        ConfigStore store = new ConfigStore(dir.resolve("lantir.json"));
        Files.writeString(store.file(), """
                {
                    "_comment": "Scanner room B",
                    "db_path": "worklist.db",
                    "_allowed_aet": "the scanners that may ask",
                    "allowed_aet": ["MRI_3T"],
                    "lantir": {"server": {"port": 4242, "_port": "the scanners' port"}}
                }
                """);
        LantirConfig loaded = store.load().orElseThrow().config();
        ServerSettings server = loaded.lantir().server();

        store.save(loaded.withLantir(loaded.lantir().withServer(
                server.withEndpoint(server.aeTitle(), server.bindAddress(), 4243))));

        String saved = Files.readString(store.file());
        assertThat(keysInOrder(saved)).containsExactly("_comment", "db_path", "_allowed_aet",
                "allowed_aet", "lantir", "server", "port", "_port");
        assertThat(saved).contains("4243").doesNotContain("db_echo")
                .doesNotContain("data_sources").doesNotContain("cors_allowed_origins");
        assertThat(store.load().orElseThrow().config().lantir().server().port())
                .isEqualTo(4243);
    }

    @Test
    void aChangedDefaultIsWrittenThoughTheFileLeftItOut() throws Exception {
        ConfigStore store = new ConfigStore(dir.resolve("lantir.json"));
        Files.writeString(store.file(), "{\"db_path\": \"worklist.db\"}");
        LantirConfig loaded = store.load().orElseThrow().config();

        store.save(loaded.withAllowedAet(List.of("EEG_1")));

        assertThat(keysInOrder(Files.readString(store.file())))
                .containsExactly("db_path", "allowed_aet");
        assertThat(store.load().orElseThrow().config().allowedAet()).containsExactly("EEG_1");
    }

    @Test
    void aBrokenFileIsReplacedWhole() throws Exception {
        ConfigStore store = new ConfigStore(dir.resolve("lantir.json"));
        Files.writeString(store.file(), "{\"db_path\": ");

        store.save(LantirConfig.defaults().withDbPath(ConfigPath.resolve("w.db", dir)));

        assertThat(Files.readString(store.file())).contains("db_echo", "allowed_aet");
        assertThat(Files.readString(store.backupFile())).isEqualTo("{\"db_path\": ");
    }

    /** Every object key of a JSON text, depth first, in the file's order. */
    private static List<String> keysInOrder(String json) throws Exception {
        List<String> keys = new ArrayList<>();
        try (var parser = new com.fasterxml.jackson.core.JsonFactory().createParser(json)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    keys.add(parser.currentName());
                }
            }
        }
        return keys;
    }

    @Test
    void theFirstSaveHasNothingToBackUp() throws Exception {
        ConfigStore store = new ConfigStore(dir.resolve("lantir.json"));

        assertThat(store.load()).isEmpty();
        store.save(LantirConfig.defaults());

        assertThat(store.load().orElseThrow().config()).isEqualTo(LantirConfig.defaults());
        assertThat(store.backupFile()).doesNotExist();
    }

    @Test
    void warningsGoToTheCallerInsteadOfTheLog() throws Exception {
        ConfigStore store = new ConfigStore(dir.resolve("lantir.json"));
        List<String> warnings = new ArrayList<>();

        try (LogCapture log = new LogCapture()) {
            store.parse(TWO_SOURCES, warnings::add);
            assertThat(log.messages(Level.WARN)).isEmpty();
        }
        assertThat(warnings).singleElement().asString().contains("colour")
                .contains("lantir.json");
    }

    @Test
    void maskedJsonHidesEveryCredentialButNotTheirVariableNames() throws Exception {
        LantirConfig config = new ConfigStore(dir.resolve("lantir.json")).parse(TWO_SOURCES,
                w -> { });

        String shown = ConfigSecrets.maskedJson(config);

        assertThat(shown).doesNotContain(TOKEN).doesNotContain(PASSWORD)
                .contains("\"api_token\": \"" + ConfigSecrets.MASK + "\"")
                .contains("\"password\": \"" + ConfigSecrets.MASK + "\"")
                .contains("\"api_token_env\": \"CPIP_TOKEN\"")
                .contains("\"username\": \"reader\"");
    }

    @Test
    void editedMaskedJsonGetsItsCredentialsBackBySourceName() throws Exception {
        ConfigStore store = new ConfigStore(dir.resolve("lantir.json"));
        LantirConfig config = store.parse(TWO_SOURCES, w -> { });
        String shown = ConfigSecrets.maskedJson(config);
        // The person swaps the two sources and changes an interval.
        LantirConfig swapped = config.withDataSources(List.of(config.dataSources().get(1),
                config.dataSources().get(0)));
        String edited = ConfigSecrets.maskedJson(swapped).replace("\"sync_interval\": 60,",
                "\"sync_interval\": 90,");
        assertThat(shown).isNotEqualTo(edited);

        LantirConfig read = store.parseMasked(edited, config, w -> { });

        assertThat(read.dataSource("cpip").orElseThrow().setting("api_token")).isEqualTo(TOKEN);
        assertThat(read.dataSource("scanner_bookings").orElseThrow().setting("password"))
                .isEqualTo(PASSWORD);
        assertThat(read.dataSources().get(0).syncIntervalSeconds()).isEqualTo(90);
    }

    @Test
    void aMaskWithNothingToStandForNamesItsPathAndNeverTheCredential() throws Exception {
        ConfigStore store = new ConfigStore(dir.resolve("lantir.json"));
        LantirConfig config = store.parse(TWO_SOURCES, w -> { });
        String edited = ConfigSecrets.maskedJson(config).replace("\"name\": \"cpip\"",
                "\"name\": \"cpip_copy\"").replace("\"db_path\"", "\"api_secret\": \""
                + ConfigSecrets.MASK + "\", \"db_path\"");

        assertThatThrownBy(() -> store.parseMasked(edited, config, w -> { }))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).jsonPath())
                        .isEqualTo("api_secret"))
                .hasMessageContaining("type the credential itself")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aRenamedSourceKeepsItsCredentialByPosition() throws Exception {
        ConfigStore store = new ConfigStore(dir.resolve("lantir.json"));
        LantirConfig config = store.parse(TWO_SOURCES, w -> { });
        String edited = ConfigSecrets.maskedJson(config).replace("\"name\": \"cpip\"",
                "\"name\": \"cpip_main\"");

        LantirConfig read = store.parseMasked(edited, config, w -> { });

        assertThat(read.dataSource("cpip_main").orElseThrow().setting("api_token"))
                .isEqualTo(TOKEN);
    }
}
