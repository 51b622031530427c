package org.lantir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void createsTheFileAndItsParentFoldersWithTheNewestSchema() {
        Path file = dir.resolve("a/b/worklist.db");

        try (Database db = Database.open(file)) {
            assertThat(file).exists();
            assertThat(db.schemaVersion()).isEqualTo(SchemaMigrator.latestVersion());
            assertThat(tables(db)).contains("worklist_item", "mpps_instance", "event_log",
                    "sync_state");
        }
    }

    @Test
    void runsInWalModeWithForeignKeysOn() {
        try (Database db = Database.open(dir.resolve("w.db"))) {
            String journalMode = db.read(c -> pragma(c, "journal_mode"));
            String foreignKeys = db.inTransaction(c -> pragma(c, "foreign_keys"));
            String synchronous = db.inTransaction(c -> pragma(c, "synchronous"));

            assertThat(journalMode).isEqualTo("wal");
            assertThat(foreignKeys).isEqualTo("1");
            assertThat(synchronous).as("NORMAL").isEqualTo("1");
        }
    }

    @Test
    void reopeningAnUpToDateFileChangesNothing() {
        Path file = dir.resolve("w.db");
        try (Database db = Database.open(file)) {
            new SqliteWorklistRepository(db).insert(TestItems.full());
        }

        try (Database db = Database.open(file)) {
            assertThat(db.schemaVersion()).isEqualTo(SchemaMigrator.latestVersion());
            assertThat(new SqliteWorklistRepository(db).find(WorklistFilter.all())).hasSize(1);
        }
    }

    /** Version 3 adds the three LT comment columns; stored rows keep every value. */
    @Test
    void aVersion2FileGainsTheCommentColumnsAndKeepsItsRows() throws SQLException {
        Path file = dir.resolve("v2.db");
        WorklistItem before;
        try (Database db = Database.open(file)) {
            before = new SqliteWorklistRepository(db).insert(TestItems.full().toBuilder()
                    .patientComments(null).requestedProcedureComments(null).spsComments(null)
                    .scheduledEndDate(null).scheduledEndTime(null).build());
        }
        PylantirFiles.execute(file, OlderSchemas.downgradeTo(2));
        assertThat(columns(file)).doesNotContainAnyElementsOf(OlderSchemas.VERSION_3_COLUMNS);

        try (Database db = Database.open(file)) {
            SqliteWorklistRepository repository = new SqliteWorklistRepository(db);
            WorklistItem read = repository.findById(before.id()).orElseThrow();
            WorklistItem commented = repository.update(read.toBuilder()
                    .spsComments("Hearing aid: remove before the scan.").build());

            assertThat(db.schemaVersion()).isEqualTo(SchemaMigrator.latestVersion());
            assertThat(read).isEqualTo(before);
            assertThat(read.patientComments()).isNull();
            assertThat(commented.spsComments()).isEqualTo("Hearing aid: remove before the scan.");
        }
        assertThat(columns(file)).containsAll(OlderSchemas.VERSION_3_COLUMNS);
    }

    @Test
    void refusesAFileWithANewerSchemaThanItKnows() throws SQLException {
        Path file = dir.resolve("future.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (SchemaMigrator.latestVersion() + 1));
        }

        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer than this Lantir");
    }

    @Test
    void refusesAFileThatIsNotADatabaseAndLeavesItAlone() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "This is not a database, but a text file of some length.\n"
                .repeat(40));
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.getFileName().toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aFailedTransactionLeavesNothingWritten() {
        try (Database db = Database.open(dir.resolve("w.db"))) {
            SqliteWorklistRepository repository = new SqliteWorklistRepository(db);

            assertThatThrownBy(() -> db.inTransaction(c -> {
                WorklistItemRows.insert(c, TestItems.full(), db.clock().instant());
                throw new IllegalStateException("boom");
            })).hasMessage("boom");

            assertThat(repository.find(WorklistFilter.all())).isEmpty();
        }
    }

    @Test
    void workAfterACommitRunsOnlyOnceTheOutermostTransactionCommitted() {
        try (Database db = Database.open(dir.resolve("w.db"))) {
            SqliteWorklistRepository repository = new SqliteWorklistRepository(db);
            List<Integer> seenAfterCommit = new java.util.ArrayList<>();

            db.inTransaction(c -> {
                repository.insert(TestItems.full());
                // Joins the outer transaction: its row is not committed when it returns.
                db.inTransaction(inner -> {
                    db.afterCommit(() -> seenAfterCommit.add(repository.find(
                            WorklistFilter.all()).size()));
                    return null;
                });
                assertThat(seenAfterCommit).isEmpty();
                return null;
            });

            assertThat(seenAfterCommit).containsExactly(1);
        }
    }

    @Test
    void workAfterACommitIsDroppedWhenTheTransactionRollsBack() {
        try (Database db = Database.open(dir.resolve("w.db"))) {
            List<String> ran = new java.util.ArrayList<>();

            assertThatThrownBy(() -> db.inTransaction(c -> {
                db.afterCommit(() -> ran.add("told"));
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            db.afterCommit(() -> ran.add("outside a transaction: at once"));

            assertThat(ran).containsExactly("outside a transaction: at once");
        }
    }

    @Test
    void aReadInsideATransactionSeesItsOwnWrites() {
        try (Database db = Database.open(dir.resolve("w.db"))) {
            SqliteWorklistRepository repository = new SqliteWorklistRepository(db);

            List<WorklistItem> seen = db.inTransaction(c -> {
                repository.insert(TestItems.full());
                return repository.find(WorklistFilter.all());
            });

            assertThat(seen).hasSize(1);
        }
    }

    @Test
    void readersAreNotBlockedWhileAWriteTransactionIsOpen() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Database db = Database.open(dir.resolve("w.db"))) {
            SqliteWorklistRepository repository = new SqliteWorklistRepository(db);
            repository.insert(TestItems.scheduled("s", "committed", LocalDate.of(2025, 6, 2),
                    LocalTime.NOON));
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch readDone = new CountDownLatch(1);

            Future<?> writer = threads.submit(() -> db.inTransaction(c -> {
                WorklistItemRows.insert(c, TestItems.scheduled("s", "pending",
                        LocalDate.of(2025, 6, 2), LocalTime.NOON), db.clock().instant());
                writing.countDown();
                return awaitQuietly(readDone);
            }));
            assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();

            Future<List<WorklistItem>> reader =
                    threads.submit(() -> repository.find(WorklistFilter.all()));
            List<WorklistItem> seen = reader.get(30, TimeUnit.SECONDS);
            readDone.countDown();
            writer.get(30, TimeUnit.SECONDS);

            assertThat(seen).extracting(WorklistItem::sourceKey).containsExactly("committed");
            assertThat(repository.find(WorklistFilter.all())).hasSize(2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aClosedDatabaseRefusesWork() {
        Database db = Database.open(dir.resolve("w.db"));
        db.close();

        assertThatThrownBy(() -> db.read(c -> 1)).isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void splitsMigrationScriptsIntoStatements() {
        String script = "-- a comment; with a semicolon\nCREATE TABLE a (x TEXT);\n\n"
                + "CREATE INDEX a_x\n    ON a (x);\n";

        assertThat(SqlScript.statements(script)).containsExactly("CREATE TABLE a (x TEXT);",
                "CREATE INDEX a_x\n    ON a (x);");
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> tables(Database db) {
        return db.read(c -> {
            List<String> names = new java.util.ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery(
                            "SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        });
    }

    private static List<String> columns(Path file) throws SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("PRAGMA table_info(worklist_item)")) {
            while (rows.next()) {
                names.add(rows.getString("name"));
            }
        }
        return names;
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet row = s.executeQuery("PRAGMA " + name)) {
            row.next();
            return row.getString(1);
        }
    }
}
