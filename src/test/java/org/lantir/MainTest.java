package org.lantir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the launcher does before picocli: the log level a command starts with when
 * LANTIR_LOG_LEVEL is not set (README), and the file-association entry (a {@code .lantir}
 * file opens the console with it).
 */
class MainTest {

    @Test
    void oneShotCommandsLogAtWarnAndServersAtInfo() {
        assertThat(Main.defaultLogLevel(new String[] {"import", "drop"})).isEqualTo("WARN");
        assertThat(Main.defaultLogLevel(new String[] {"query-db", "--sync-history"}))
                .isEqualTo("WARN");
        assertThat(Main.defaultLogLevel(new String[] {"start", "--config", "c.json"}))
                .isEqualTo("INFO");
        assertThat(Main.defaultLogLevel(new String[] {})).isEqualTo("INFO");
    }

    @Test
    void aLantirFileAloneOpensTheConsoleWithIt() {
        assertThat(Main.openedFile(new String[] {"/home/tech/MRI 3T.lantir"}))
                .containsExactly("gui", "--config", "/home/tech/MRI 3T.lantir");
        assertThat(Main.openedFile(new String[] {"C:\\Sites\\EEG.LANTIR"}))
                .containsExactly("gui", "--config", "C:\\Sites\\EEG.LANTIR");
    }

    @Test
    void anyOtherCommandLineIsLeftAsItIs() {
        String[][] unchanged = {
            {}, {"start"}, {"--version"}, {"query-db", "x.lantir"}, {"--config", "x.lantir"},
            {"--config=x.lantir"}, {"lantir.json"}};
        for (String[] args : unchanged) {
            assertThat(Main.openedFile(args)).containsExactly(args);
        }
    }
}
