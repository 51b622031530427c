package org.lantir.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lantir.cli.ExitCodes;

/**
 * The systemd unit restarts a server that failed, but not one that cannot start as
 * configured: a wrong command line or a bad configuration would fail every ten seconds
 * forever. (The .deb's copy is checked in InstallerIT.)
 */
class ServiceUnitTest {

    private static final Path UNIT = Path.of("packaging", "linux", "lantir.service");

    @Test
    void aBadCommandLineOrConfigurationIsNotRestarted() throws Exception {
        List<String> lines = Files.readAllLines(UNIT);

        assertThat(lines).contains("Restart=on-failure");
        String prevent = lines.stream().filter(l -> l.startsWith("RestartPreventExitStatus="))
                .findFirst().orElseThrow();
        assertThat(Arrays.asList(prevent.substring(prevent.indexOf('=') + 1).split(" ")))
                .contains(Integer.toString(ExitCodes.USAGE), Integer.toString(ExitCodes.CONFIG));
    }
}
