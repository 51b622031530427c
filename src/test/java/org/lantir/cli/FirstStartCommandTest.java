package org.lantir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.config.ConfigLoader;
import org.lantir.config.LantirConfig;

/**
 * {@code lantir start} with no configuration anywhere, as a fresh server would run it: it
 * writes the commented default into the data folder (here a test folder, through
 * XDG_DATA_HOME) and tells the terminal where the files are and what a scanner needs.
 */
@Timeout(180)
class FirstStartCommandTest {

    @TempDir
    Path dir;

    @Test
    void startWithoutAConfigurationWritesTheDefaultAndSaysWhereEverythingIs() throws Exception {
        Path data = dir.resolve("xdg");
        Map<String, String> env = Map.of("XDG_DATA_HOME", data.toString());
        Path configFile = data.resolve("lantir").resolve("lantir.json");
        int port;
        String log;
        try (LantirProcess lantir = LantirProcess.start(dir, env, "start", "--ip",
                "127.0.0.1")) {
            port = lantir.port();
            lantir.stop();
            log = lantir.stderr();
        }

        assertThat(port).isBetween(4242, 4341);
        assertThat(log).contains("First start. Configuration: " + configFile)
                .contains("First start. Worklist database: "
                        + data.resolve("lantir").resolve("worklist.db"))
                .contains("port " + port + ", AE title MWL_SERVER")
                .contains("listens on 127.0.0.1 only");
        assertThat(data.resolve("lantir").resolve("worklist.db")).exists();
        LantirConfig config = ConfigLoader.load(configFile);
        assertThat(config.lantir().server().port()).isEqualTo(port);
        assertThat(config.extras()).containsKey("_comment");

        // The next start finds the file: no first start again.
        try (LantirProcess again = LantirProcess.start(dir, env, "start")) {
            assertThat(again.port()).isEqualTo(port);
            again.stop();
            assertThat(again.stderr()).doesNotContain("First start");
        }
    }
}
