package org.lantir.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data folder holds the worklist database (patients' names, birth dates): the folders
 * Lantir makes are its owner's only; one it finds is left alone, and warned about when others
 * may enter it.
 */
class DataFolderTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null,
                "POSIX permissions");
    }

    private static String permissions(Path folder) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(folder));
    }

    @Test
    void theFirstStartMakesTheDataFolderOwnerOnly() throws Exception {
        Path data = dir.resolve("share").resolve("lantir");

        FirstStart.create(data, null, "127.0.0.1", 11112);

        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(DataFolder.warnIfOpenToOthers(data)).isFalse();
    }

    @Test
    void theDataAndLogsFoldersAreMadeOwnerOnly() throws Exception {
        Path data = dir.resolve("lantir");

        DataFolder.createWithLogs(data);

        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(permissions(data.resolve("logs"))).isEqualTo("rwx------");
    }

    @Test
    void aFolderThatExistsIsNotChangedButWarnedAbout() throws Exception {
        Path data = Files.createDirectories(dir.resolve("lantir"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));

        DataFolder.createWithLogs(data);
        FirstStart.create(data, null, "127.0.0.1", 11112);

        assertThat(permissions(data)).isEqualTo("rwxr-xr-x");
        assertThat(DataFolder.warnIfOpenToOthers(data)).isTrue();
    }
}
