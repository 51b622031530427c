package org.lantir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.config.ConfigException;

/**
 * The console started as a menu starts it, with nothing to read standard error: a
 * configuration it cannot use goes to logs/lantir.log and to a dialog (recorded here; the
 * real one is in StartupProblemDialogTest), naming the file, the reason and the log; the
 * exception still reaches the command line, which exits 3 as before.
 */
class GuiStartupProblemTest {

    @TempDir
    Path dir;

    private final List<String> dialogs = new ArrayList<>();

    private LantirCommand options(Path data) {
        LantirCommand options = new LantirCommand();
        options.dataDirectory = data;
        return options;
    }

    private void runAndExpectConfigProblem(LantirCommand options) {
        assertThatThrownBy(() -> new GuiCommand().run(options, (header, detail) -> {
            dialogs.add(header + "\n" + detail);
            return true;
        })).isInstanceOf(ConfigException.class);
    }

    @Test
    void aCorruptConfigurationInTheDataFolderIsLoggedAndShown() throws Exception {
        Path data = Files.createDirectories(dir.resolve("lantir"));
        Path config = data.resolve("lantir.json");
        Files.writeString(config, "{\"db_path\": \"/tmp/x.db\",\n");

        runAndExpectConfigProblem(options(data));

        Path log = data.resolve("logs").resolve("lantir.log");
        assertThat(Files.readString(log)).contains("cannot start").contains(config.toString())
                .contains("not valid JSON at line");
        assertThat(dialogs).singleElement().asString().startsWith("Lantir cannot start")
                .contains(config.toString()).contains("not valid JSON at line")
                .contains("The log: " + log);
    }

    @Test
    void aMissingLantirFileGivenAsTheOnlyArgumentIsLoggedAndShown() throws Exception {
        Path data = dir.resolve("lantir");
        LantirCommand options = options(data);
        options.configFile = dir.resolve("MRI 3T.lantir");

        runAndExpectConfigProblem(options);

        assertThat(Files.readString(data.resolve("logs").resolve("lantir.log")))
                .contains("MRI 3T.lantir").contains("does not exist");
        assertThat(dialogs).singleElement().asString().contains("MRI 3T.lantir")
                .contains("does not exist");
        if (Files.getFileAttributeView(data, PosixFileAttributeView.class) != null) {
            // Made before the log file, so logback does not make them with 755.
            assertThat(Files.getPosixFilePermissions(data))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(data.resolve("logs")))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aDataFolderThatCannotBeMadeIsShownWithoutALog() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("share"), "a file, not a folder");
        Path data = notAFolder.resolve("lantir");

        runAndExpectConfigProblem(options(data));

        assertThat(dialogs).singleElement().asString()
                .contains(data.resolve("lantir.json").toString())
                .contains("could not be written")
                .contains("No log could be written");
    }
}
