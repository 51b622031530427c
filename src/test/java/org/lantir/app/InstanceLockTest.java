package org.lantir.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.config.ConfigLoader;
import org.lantir.config.LantirConfig;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.net.ClientAssociation;
import org.lantir.dicom.net.DicomClient;
import org.lantir.dicom.net.Status;
import org.lantir.testing.WorklistRows;
import org.lantir.worklist.WorklistFilter;

/**
 * One running Lantir per worklist database: a second {@link Lantir#open} on it is refused
 * with the holder's process ID, the first goes on working, and closing it frees the database.
 * A one-shot reader ({@link Lantir#openUnlocked}) is not kept out.
 */
class InstanceLockTest {

    @TempDir
    Path dir;

    private LantirConfig config() throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, """
                {"lantir": {"server": {"ae_title": "MWL_SCP", "bind_address": "127.0.0.1",
                                       "port": 0}}}
                """);
        return ConfigLoader.load(file);
    }

    private Path database() {
        return dir.resolve("worklist.db");
    }

    @Test
    void aSecondOpenOnTheSameDatabaseIsRefusedAndTheFirstGoesOn() throws Exception {
        LantirConfig config = config();
        try (Lantir first = Lantir.open(config, database())) {
            first.startServer();

            assertThatThrownBy(() -> Lantir.open(config, database()))
                    .isInstanceOf(DatabaseInUseException.class)
                    .hasMessage("database " + database().toAbsolutePath()
                            + " is in use by another Lantir, pid "
                            + ProcessHandle.current().pid())
                    .satisfies(e -> assertThat(((DatabaseInUseException) e).ownerPid())
                            .isEqualTo(ProcessHandle.current().pid()));

            first.worklist().add(WorklistRows.w1());
            assertThat(first.worklist().list(WorklistFilter.all())).hasSize(1);
            try (ClientAssociation a = new DicomClient().connect("127.0.0.1",
                    first.dicomServer().port(), "MRI_3T", "MWL_SCP",
                    DicomClient.contextsFor(UID.VERIFICATION))) {
                assertThat(a.echo().status()).isEqualTo(Status.SUCCESS);
            }
        }
    }

    @Test
    void closingFreesTheDatabaseForTheNextLantir() throws Exception {
        LantirConfig config = config();
        try (Lantir first = Lantir.open(config, database())) {
            first.worklist().add(WorklistRows.w1());
        }

        try (Lantir second = Lantir.open(config, database())) {
            assertThat(second.worklist().list(WorklistFilter.all())).hasSize(1);
        }
        assertThat(Files.readString(InstanceLock.lockFile(database())).trim())
                .isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }

    @Test
    void aReaderOpensTheDatabaseARunningLantirHolds() throws Exception {
        LantirConfig config = config();
        try (Lantir running = Lantir.open(config, database())) {
            running.worklist().add(WorklistRows.w1());

            try (Lantir reader = Lantir.openUnlocked(config, database())) {
                assertThat(reader.worklist().list(WorklistFilter.all())).hasSize(1);
            }

            running.worklist().add(WorklistRows.w2());
            assertThat(running.worklist().list(WorklistFilter.all())).hasSize(2);
        }
    }

    @Test
    void aFailedOpenLeavesNoLockBehind() throws Exception {
        // A folder where the database file should be: SQLite cannot open it.
        Files.createDirectories(database());
        LantirConfig config = config();

        assertThatThrownBy(() -> Lantir.open(config, database()))
                .isNotInstanceOf(DatabaseInUseException.class);

        try (InstanceLock lock = InstanceLock.acquire(database())) {
            assertThat(lock.file()).isEqualTo(dir.resolve("worklist.db.lock").toAbsolutePath());
        }
    }
}
