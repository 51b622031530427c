package org.lantir.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The desktop console's log file lands in the data folder, and only while attached. */
class LogFileTest {

    @TempDir
    Path dataDirectory;

    @Test
    void logLinesGoToTheDataFoldersLogFileWhileAttached() throws Exception {
        Path file = LogFile.in(dataDirectory);
        org.slf4j.Logger log = LoggerFactory.getLogger(LogFileTest.class);

        try (LogFile attached = LogFile.attach(dataDirectory)) {
            assertThat(attached).isNotNull();
            log.warn("association from MRI_3T refused");
        }
        log.warn("after the window closed");

        assertThat(file).isEqualTo(dataDirectory.resolve("logs/lantir.log"));
        String text = Files.readString(file);
        assertThat(text).contains("WARN").contains("association from MRI_3T refused")
                .doesNotContain("after the window closed");
    }
}
