package org.lantir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.app.Lantir;
import org.lantir.config.ApiSettings;
import org.lantir.config.ConfigLoader;
import org.lantir.users.LoginResult;
import org.lantir.users.UserDirectory;

/** How {@link LantirApi#start} behaves when it cannot start, on 127.0.0.1. */
class ApiStartTest {

    @TempDir
    Path dir;

    private Lantir openLantir() throws Exception {
        Path file = dir.resolve("lantir.json");
        Files.writeString(file, """
                {"db_path": "worklist.db",
                 "lantir": {"server": {"bind_address": "127.0.0.1", "port": 0}}}
                """);
        return Lantir.open(ConfigLoader.load(file), dir.resolve("default.db"));
    }

    private static ApiSettings at(int port) {
        return new ApiSettings(true, "127.0.0.1", port, Duration.ofMinutes(30),
                Duration.ofHours(2));
    }

    @Test
    void aStartThatCannotListenMakesNoAdminWhosePasswordNoOneWouldSee() throws Exception {
        try (Lantir lantir = openLantir();
                ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> LantirApi.start(lantir, at(taken.getLocalPort()), Map.of(),
                    Clock.systemUTC(), 10))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("already in use");

            try (UserDirectory users = UserDirectory.open(dir.resolve("users.db"))) {
                assertThat(users.list()).as("no account made").isEmpty();
            }

            LantirApi api = LantirApi.start(lantir, at(0), Map.of(), Clock.systemUTC(), 10);
            String password = api.firstAdminPassword().orElseThrow();
            try (UserDirectory users = UserDirectory.open(dir.resolve("users.db"))) {
                assertThat(users.login("admin", password.toCharArray(), "test"))
                        .isInstanceOf(LoginResult.Accepted.class);
            }
        }
    }

    @Test
    void aBadAdminPasswordInTheEnvironmentIsRefusedBeforeThePortOpens() throws Exception {
        try (Lantir lantir = openLantir()) {
            assertThatThrownBy(() -> LantirApi.start(lantir, at(0),
                    Map.of(UserDirectory.ADMIN_PASSWORD_ENV, "short"), Clock.systemUTC(), 10))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(UserDirectory.ADMIN_PASSWORD_ENV)
                    .hasMessageNotContaining("short");
            try (UserDirectory users = UserDirectory.open(dir.resolve("users.db"))) {
                assertThat(users.list()).isEmpty();
            }
        }
    }
}
