package org.lantir.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-user data folder of each platform. */
class AppPathsTest {

    @Test
    void linuxUsesAnAbsoluteXdgDataHome() {
        assertThat(AppPaths.dataDirectory("Linux", "/home/tech",
                Map.of("XDG_DATA_HOME", "/srv/data"))).isEqualTo(Path.of("/srv/data/lantir"));
    }

    @Test
    void aRelativeXdgDataHomeIsIgnoredAsTheSpecificationSays() {
        assertThat(AppPaths.dataDirectory("Linux", "/home/tech",
                Map.of("XDG_DATA_HOME", "data"))).isEqualTo(
                        Path.of("/home/tech/.local/share/lantir"));
        assertThat(AppPaths.dataDirectory("Linux", "/home/tech", Map.of())).isEqualTo(
                Path.of("/home/tech/.local/share/lantir"));
    }
}
