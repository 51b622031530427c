package org.lantir.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lantir.api} (the REST API server) read, defaulted, checked and written back; and the
 * top-level {@code api} CORS settings refusing a {@code "*"} origin with credentials.
 */
class ApiSettingsTest {

    @TempDir
    Path dir;

    @Test
    void withoutTheSectionTheApiIsOffWithThePythonToolsEndpoint() throws Exception {
        ApiSettings api = load("{}").lantir().api();

        assertThat(api.enabled()).isFalse();
        assertThat(api.host()).isEqualTo("0.0.0.0");
        assertThat(api.port()).isEqualTo(8000);
        assertThat(api.tokenLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(api.maxTokenLifetime()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theSectionIsReadAndSurvivesASaveWithUnknownKeys() throws Exception {
        LantirConfig config = load("""
                {"lantir": {"api": {"enabled": true, "host": "127.0.0.1", "port": 8080,
                  "access_token_expire_minutes": 15, "max_access_token_expire_minutes": 60,
                  "note": "kiosk"}}}
                """);
        Path saved = dir.resolve("saved.json");

        ConfigLoader.save(config, saved);
        LantirConfig reread = ConfigLoader.load(saved);

        assertThat(reread).isEqualTo(config);
        ApiSettings api = reread.lantir().api();
        assertThat(api.enabled()).isTrue();
        assertThat(api.host()).isEqualTo("127.0.0.1");
        assertThat(api.port()).isEqualTo(8080);
        assertThat(api.tokenLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(api.maxTokenLifetime()).isEqualTo(Duration.ofMinutes(60));
        assertThat(api.extras()).containsEntry("note", "kiosk");
        assertThat(Files.readString(saved)).contains("\"access_token_expire_minutes\": 15");
    }

    @Test
    void changingTheServerOrDesktopKeepsTheApiSettings() throws Exception {
        LantirSettings settings = load("{\"lantir\": {\"api\": {\"enabled\": true}}}").lantir();

        LantirSettings changed = settings.withServer(settings.server()
                .withEndpoint("OTHER", "127.0.0.1", 11112))
                .withDesktop(settings.desktop().withCloseAction(CloseAction.ASK));

        assertThat(changed.api().enabled()).isTrue();
    }

    @Test
    void aDefaultLifetimeAboveTheMaximumIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> load("""
                {"lantir": {"api": {"access_token_expire_minutes": 90,
                                    "max_access_token_expire_minutes": 60}}}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("lantir.api.access_token_expire_minutes")
                .hasMessageContaining("at most lantir.api.max_access_token_expire_minutes (60)");
    }

    @Test
    void aPortOutOfRangeIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> load("{\"lantir\": {\"api\": {\"port\": 70000}}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("lantir.api.port");
    }

    @Test
    void anyOriginWithCredentialsIsRefusedNamingTheField() {
        assertThatThrownBy(() -> load("""
                {"api": {"cors_allowed_origins": ["https://dash.example.org", "*"],
                         "cors_allow_credentials": true}}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("api.cors_allow_credentials")
                .hasMessageContaining("api.cors_allowed_origins contains \"*\"");
    }

    @Test
    void anyOriginWithoutCredentialsAndListedOriginsWithCredentialsAreTaken() throws Exception {
        assertThat(load("{\"api\": {\"cors_allowed_origins\": [\"*\"]}}").api()
                .corsAllowedOrigins()).containsExactly("*");
        assertThat(load("""
                {"api": {"cors_allowed_origins": ["https://dash.example.org"],
                         "cors_allow_credentials": true}}
                """).api().corsAllowCredentials()).isTrue();
    }

    private LantirConfig load(String json) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return ConfigLoader.load(file);
    }
}
