package org.lantir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** "The default configuration could not be written" says why, not just where. */
class FileProblemReasonTest {

    @Test
    void aFileProblemNamesThePathAndTheReason() {
        assertThat(LantirCommand.reason(new AccessDeniedException("/data/lantir")))
                .isEqualTo("/data/lantir: permission denied");
        assertThat(LantirCommand.reason(new NoSuchFileException("/data/lantir")))
                .isEqualTo("/data/lantir: no such file or folder");
        assertThat(LantirCommand.reason(new FileSystemException("/data/lantir", null,
                "Not a directory"))).isEqualTo("/data/lantir: Not a directory");
    }
}
