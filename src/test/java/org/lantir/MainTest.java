package org.lantir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The launcher's file-association entry: a {@code .lantir} file opens the console with it. */
class MainTest {

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
