package org.lantir.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Java runtime an installer bundles is named with its license, as its libraries are. */
class JavaRuntimeNoticeTest {

    @Test
    void theRuntimeBundledInAnInstalledImagePointsAtItsLegalFolder() {
        Path home = Path.of("/opt/lantir/lib/runtime");

        assertThat(BuildInfo.javaRuntimeNotice(home)).contains("bundled in this installation")
                .contains("GNU General Public License, version 2, with the Classpath "
                        + "Exception")
                .contains(home.resolve("legal").toString());
    }

    @Test
    void aRuntimeOfTheComputerIsSaidNotToBePartOfLantir() {
        assertThat(BuildInfo.javaRuntimeNotice(Path.of("/usr/lib/jvm/java-17")))
                .contains("not part of this copy").contains("lib/runtime/legal")
                .contains("Classpath Exception");
    }
}
