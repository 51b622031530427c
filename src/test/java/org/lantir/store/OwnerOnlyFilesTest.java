package org.lantir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worklist database (patient data) and its companions are readable by their owner only. */
class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    }

    private static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void aNewWorklistDatabaseAndItsWalAndShmAreOwnerOnly() throws Exception {
        Path file = dir.resolve("data/worklist.db");

        try (Database database = Database.open(file)) {
            database.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS t (x)");
                    s.execute("INSERT INTO t VALUES (1)");
                }
                return null;
            });
            Path wal = dir.resolve("data/worklist.db-wal");
            Path shm = dir.resolve("data/worklist.db-shm");

            assertThat(permissions(file)).isEqualTo("rw-------");
            assertThat(wal).exists();
            assertThat(permissions(wal)).isEqualTo("rw-------");
            assertThat(permissions(shm)).isEqualTo("rw-------");
        }
    }

    @Test
    void aWiderExistingDatabaseIsNarrowed() throws Exception {
        Path file = dir.resolve("worklist.db");
        try (Database database = Database.open(file)) {
            assertThat(database.file()).isEqualTo(file.toAbsolutePath());
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        Database.open(file).close();

        assertThat(permissions(file)).isEqualTo("rw-------");
    }

    @Test
    void aFolderInThePlaceOfTheFileIsLeftAsItIs() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("not-a-file.db"));
        String before = permissions(folder);

        OwnerOnlyFiles.prepareDatabase(folder, "worklist database");

        assertThat(permissions(folder)).isEqualTo(before);
    }
}
