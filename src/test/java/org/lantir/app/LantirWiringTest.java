package org.lantir.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.config.ConfigLoader;
import org.lantir.config.LantirConfig;
import org.lantir.worklist.UnassignedStation;

/** The configuration reaches the services it is meant for. */
class LantirWiringTest {

    @TempDir
    Path dir;

    @Test
    void unassignedStationPolicyReachesTheWorklistService() throws Exception {
        try (Lantir lantir = open("""
                {"lantir": {"server": {"bind_address": "127.0.0.1", "port": 0,
                                       "unassigned_station": "hidden"}}}
                """)) {
            assertThat(lantir.worklist().settings().unassignedStation())
                    .isEqualTo(UnassignedStation.HIDDEN);
        }
    }

    @Test
    void aFileWithoutThePolicyGetsAny() throws Exception {
        try (Lantir lantir = open("""
                {"lantir": {"server": {"bind_address": "127.0.0.1", "port": 0}}}
                """)) {
            assertThat(lantir.worklist().settings().unassignedStation())
                    .isEqualTo(UnassignedStation.ANY);
        }
    }

    private Lantir open(String json) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        LantirConfig config = ConfigLoader.load(file);
        return Lantir.open(config, dir.resolve("worklist.db"));
    }
}
