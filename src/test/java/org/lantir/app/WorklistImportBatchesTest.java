package org.lantir.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.config.ConfigLoader;
import org.lantir.config.LantirConfig;
import org.lantir.store.Database;
import org.lantir.store.SqliteEventLog;
import org.lantir.store.SqliteWorklistRepository;
import org.lantir.sync.SyncHistory;
import org.lantir.sync.folder.FolderImport;
import org.lantir.worklist.SyncCounts;
import org.lantir.worklist.WorklistItem;

/**
 * A large import beside a running server: it commits in batches, so the server's writes get
 * their turn between them; stopped half-way it keeps what it committed, and a second run
 * finishes it without duplicating anything.
 */
class WorklistImportBatchesTest {

    private static final int ROWS = 1_000;
    private static final String SOURCE = "import:drop";

    @TempDir
    Path dir;

    @Test
    void anImportCommitsInBatchesAndAnotherProcessWritesBetweenThem() throws Exception {
        Path drop = csv();
        try (Database server = Database.open(database(), Clock.systemUTC(),
                Duration.ofSeconds(1))) {
            SqliteWorklistRepository serverRows = new SqliteWorklistRepository(server);
            List<Integer> seenByServer = new ArrayList<>();
            IntConsumer afterBatch = batch -> {
                seenByServer.add(serverRows.findBySource(SOURCE).size());
                serverRows.insert(WorklistItem.builder().patientId("MPPS-" + batch)
                        .modality("MR").scheduledStartDate(LocalDate.of(2026, 12, 4))
                        .scheduledStartTime(LocalTime.NOON).build());
            };

            WorklistImport.Result result = WorklistImport.run(config(), database(), drop,
                    SOURCE, false, FolderImport.Options.defaults(),
                    new WorklistImport.Batching(300, Duration.ZERO, afterBatch));

            assertThat(result.counts()).isEqualTo(new SyncCounts(ROWS, 0, 0, 0));
            assertThat(seenByServer).containsExactly(300, 600, 900, 1000);
            assertThat(serverRows.findBySource(SOURCE)).hasSize(ROWS);
            assertThat(new SyncHistory(new SqliteEventLog(server)).recent(SOURCE, 5))
                    .singleElement().satisfies(run -> assertThat(run.counts().added())
                            .isEqualTo(ROWS));
        }
    }

    @Test
    void aStoppedImportKeepsItsCommittedBatchesAndRunningItAgainFinishesIt() throws Exception {
        Path drop = csv();
        IntConsumer stopAfterTwo = batch -> {
            if (batch == 2) {
                throw new IllegalStateException("killed");
            }
        };

        assertThatThrownBy(() -> WorklistImport.run(config(), database(), drop, SOURCE, true,
                FolderImport.Options.defaults(),
                new WorklistImport.Batching(300, Duration.ZERO, stopAfterTwo)))
                .hasMessage("killed");
        try (Database db = Database.open(database())) {
            assertThat(new SqliteWorklistRepository(db).findBySource(SOURCE)).hasSize(600);
            assertThat(new SyncHistory(new SqliteEventLog(db)).recent(SOURCE, 5)).isEmpty();
        }

        WorklistImport.Result again = WorklistImport.run(config(), database(), drop, SOURCE,
                true, FolderImport.Options.defaults(),
                new WorklistImport.Batching(300, Duration.ZERO, batch -> { }));

        assertThat(again.counts()).isEqualTo(new SyncCounts(400, 0, 600, 0));
        try (Database db = Database.open(database())) {
            assertThat(new SqliteWorklistRepository(db).findBySource(SOURCE)).hasSize(ROWS);
        }
    }

    private Path csv() throws Exception {
        Path drop = Files.createDirectories(dir.resolve("drop"));
        StringBuilder text = new StringBuilder("patient_id,patient_name,scheduled_start_date,"
                + "scheduled_start_time,modality,source_key\n");
        for (int i = 0; i < ROWS; i++) {
            text.append(String.format("P%05d,FAM%d^GIV,2026-12-%02d,%02d:%02d,MR,KEY%d%n", i, i,
                    1 + i % 28, 7 + i % 10, i % 60, i));
        }
        Files.writeString(drop.resolve("big.csv"), text);
        return drop;
    }

    private LantirConfig config() throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"db_path\": \"" + database() + "\"}");
        return ConfigLoader.load(file);
    }

    private Path database() {
        return dir.resolve("worklist.db");
    }
}
