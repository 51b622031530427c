package org.lantir.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.sync.LogCapture;

/** {@code lantir.desktop.close_action}: read, defaulted, checked and written back. */
class DesktopSettingsTest {

    @TempDir
    Path dir;

    @Test
    void aFileWithoutTheKeyStopsOnClose() throws Exception {
        assertThat(load("{}").lantir().desktop().closeAction()).isEqualTo(CloseAction.STOP);
        assertThat(load("{\"lantir\": {\"desktop\": {}}}").lantir().desktop().closeAction())
                .isEqualTo(CloseAction.STOP);
    }

    @Test
    void askIsReadInAnyCase() throws Exception {
        LantirConfig config = load("{\"lantir\": {\"desktop\": {\"close_action\": \" ASK \"}}}");

        assertThat(config.lantir().desktop().closeAction()).isEqualTo(CloseAction.ASK);
    }

    @Test
    void anUnknownActionIsRejectedNamingItsPath() {
        assertThatThrownBy(() -> load("""
                {"lantir": {"desktop": {"close_action": "minimise"}}}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("lantir.desktop.close_action")
                .hasMessageContaining("\"stop\" or \"ask\"");
    }

    @Test
    void theActionSurvivesASaveAndTheKeysNextToItAreKept() throws Exception {
        LantirConfig config = load("""
                {"lantir": {"desktop": {"close_action": "ask", "theme": "dark"}},
                 "_comment": "kept"}
                """);
        Path saved = dir.resolve("saved.json");

        ConfigLoader.save(config, saved);

        assertThat(Files.readString(saved)).contains("\"close_action\": \"ask\"");
        try (LogCapture log = new LogCapture()) {
            LantirConfig reread = ConfigLoader.load(saved);
            assertThat(reread).isEqualTo(config);
            assertThat(reread.lantir().desktop().closeAction()).isEqualTo(CloseAction.ASK);
            assertThat(log.messages(Level.WARN)).singleElement().asString()
                    .contains("lantir.desktop.theme");
        }
    }

    @Test
    void unknownKeysInEveryLantirSectionAndInApiAreKept() throws Exception {
        LantirConfig config = load("""
                {"api": {"cors_allow_credentials": true, "jwt_expiry_minutes": 30},
                 "lantir": {"rest": {"port": 8000},
                            "server": {"port": 104, "tls": false},
                            "sync": {"overlap_seconds": 60, "jitter": 5}}}
                """);
        Path saved = dir.resolve("saved.json");

        ConfigLoader.save(config, saved);
        LantirConfig reread = ConfigLoader.load(saved);

        assertThat(reread).isEqualTo(config);
        assertThat(reread.api().extras()).containsEntry("jwt_expiry_minutes", 30);
        assertThat(reread.lantir().extras()).containsKey("rest");
        assertThat(reread.lantir().server().extras()).containsEntry("tls", false);
        assertThat(reread.lantir().sync().extras()).containsEntry("jitter", 5);
    }

    @Test
    void changingTheServerKeepsTheDesktopSettings() throws Exception {
        LantirSettings settings = load("{\"lantir\": {\"desktop\": {\"close_action\": \"ask\"}}}")
                .lantir();

        LantirSettings moved = settings.withServer(
                settings.server().withEndpoint("OTHER", "127.0.0.1", 11112));

        assertThat(moved.desktop().closeAction()).isEqualTo(CloseAction.ASK);
        assertThat(moved.server().aeTitle()).isEqualTo("OTHER");
    }

    private LantirConfig load(String json) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return ConfigLoader.load(file);
    }
}
