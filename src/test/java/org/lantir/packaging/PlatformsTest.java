package org.lantir.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform rules of the installer build that need no jpackage to check. */
class PlatformsTest {

    @Test
    void installersCarryANumericVersion() {
        assertThat(Platforms.packageVersion("0.1.0-SNAPSHOT")).isEqualTo("0.1.0");
        assertThat(Platforms.packageVersion("2.3")).isEqualTo("2.3");
        assertThat(Platforms.packageVersion("1.4.2.7-rc1")).isEqualTo("1.4.2");
        assertThatThrownBy(() -> Platforms.packageVersion("SNAPSHOT"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyJavaFxJarsWithAPlatformClassifierGoOnTheModulePath() {
        assertThat(Platforms.isPlatformJar("javafx-graphics-21.0.11-linux.jar")).isTrue();
        assertThat(Platforms.isPlatformJar("javafx-base-21.0.11-linux-aarch64.jar")).isTrue();
        assertThat(Platforms.isPlatformJar("javafx-controls-21.0.11-win.jar")).isTrue();
        assertThat(Platforms.isPlatformJar("javafx-controls-21.0.11-mac-aarch64.jar")).isTrue();
        assertThat(Platforms.isPlatformJar("javafx-controls-21.0.11.jar")).isFalse();
    }

    @Test
    void anUnknownInstallerTypeIsRefused() {
        assertThatThrownBy(() -> Platforms.missingTools("zip"))
                .hasMessageContaining("unknown installer type: zip");
    }

    @Test
    void theModuleListIgnoresCommentsAndBlankLines(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("modules.txt"),
                "# header\njava.base\n\njava.sql   # the JDBC driver\n  \n");

        assertThat(Modules.read(file)).containsExactly("java.base", "java.sql");
    }
}
