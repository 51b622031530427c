package org.lantir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.worklist.SyncCounts;
import org.lantir.worklist.WorklistItem;

/**
 * The {@code scheduled_end_date} and {@code scheduled_end_time} columns (schema version 5,
 * SPS End Date and Time, 0040,0004/0005): stored in the start columns' text forms, read back
 * as they were, cleared by an update without them, counted by a re-sync, and added to a
 * version 4 file without losing its rows.
 */
class ScheduledEndStoreTest {

    @TempDir
    Path dir;

    private static WorklistItem ending(String key, LocalDate date, LocalTime time) {
        return TestItems.full().toBuilder().sourceKey(key).scheduledEndDate(date)
                .scheduledEndTime(time).build();
    }

    @Test
    void theEndIsStoredInTheStartsTextFormsAndReadBack() throws SQLException {
        Path file = dir.resolve("end.db");
        WorklistItem stored;
        try (Database db = Database.open(file)) {
            SqliteWorklistRepository repository = new SqliteWorklistRepository(db);
            stored = repository.insert(ending(null, LocalDate.of(2026, 3, 7),
                    LocalTime.of(0, 30)));

            WorklistItem read = repository.findById(stored.id()).orElseThrow();

            assertThat(read.scheduledEndDate()).isEqualTo(LocalDate.of(2026, 3, 7));
            assertThat(read.scheduledEndTime()).isEqualTo(LocalTime.of(0, 30));
            assertThat(read).isEqualTo(stored);
        }

        assertThat(columns(file, stored.id(), "scheduled_start_date", "scheduled_start_time",
                "scheduled_end_date", "scheduled_end_time"))
                .containsExactly("2025-06-02", "09:30:15.123456", "2026-03-07", "00:30:00");
    }

    @Test
    void anUpdateWithoutAnEndClearsIt() {
        try (Database db = Database.open(dir.resolve("clear.db"))) {
            SqliteWorklistRepository repository = new SqliteWorklistRepository(db);
            WorklistItem stored = repository.insert(ending(null, LocalDate.of(2026, 3, 8),
                    LocalTime.of(3, 30)));

            repository.update(stored.toBuilder().scheduledEndDate(null).scheduledEndTime(null)
                    .build());
            WorklistItem read = repository.findById(stored.id()).orElseThrow();

            assertThat(read.scheduledEndDate()).isNull();
            assertThat(read.scheduledEndTime()).isNull();
        }
    }

    @Test
    void aResyncWithAnotherEndUpdatesAndWithTheSameLeavesTheRow() {
        try (Database db = Database.open(dir.resolve("sync.db"))) {
            SqliteWorklistRepository repository = new SqliteWorklistRepository(db);
            LocalDate day = LocalDate.of(2025, 11, 2);
            repository.applySync("calpendo", List.of(ending("48217", day, LocalTime.of(3, 0))),
                    true);

            SyncCounts same = repository.applySync("calpendo",
                    List.of(ending("48217", day, LocalTime.of(3, 0))), true);
            SyncCounts longer = repository.applySync("calpendo",
                    List.of(ending("48217", day, LocalTime.of(3, 30))), true);

            assertThat(same.unchanged()).isEqualTo(1);
            assertThat(longer.updated()).isEqualTo(1);
            assertThat(repository.find(org.lantir.worklist.WorklistFilter.all()))
                    .singleElement().extracting(WorklistItem::scheduledEndTime)
                    .isEqualTo(LocalTime.of(3, 30));
        }
    }

    @Test
    void aVersion4FileGainsTheColumnsAndKeepsItsRows() throws SQLException {
        Path file = dir.resolve("v4.db");
        WorklistItem before;
        try (Database db = Database.open(file)) {
            before = new SqliteWorklistRepository(db).insert(ending(null, null, null));
        }
        PylantirFiles.execute(file, OlderSchemas.downgradeTo(4));
        assertThat(columnNames(file)).doesNotContainAnyElementsOf(
                OlderSchemas.VERSION_5_COLUMNS).containsAll(OlderSchemas.VERSION_4_COLUMNS);

        try (Database db = Database.open(file)) {
            SqliteWorklistRepository repository = new SqliteWorklistRepository(db);
            WorklistItem read = repository.findById(before.id()).orElseThrow();

            assertThat(db.schemaVersion()).isEqualTo(5);
            assertThat(read).isEqualTo(before);
            assertThat(read.scheduledEndDate()).isNull();
            assertThat(repository.update(read.toBuilder()
                    .scheduledEndDate(LocalDate.of(2025, 6, 2))
                    .scheduledEndTime(LocalTime.of(10, 15)).build()).scheduledEndTime())
                    .isEqualTo(LocalTime.of(10, 15));
        }
        assertThat(columnNames(file)).containsAll(OlderSchemas.VERSION_5_COLUMNS);
    }

    private static List<String> columns(Path file, long id, String... names)
            throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet row = s.executeQuery("SELECT " + String.join(", ", names)
                        + " FROM worklist_item WHERE id = " + id)) {
            row.next();
            List<String> values = new java.util.ArrayList<>();
            for (int i = 1; i <= names.length; i++) {
                values.add(row.getString(i));
            }
            return values;
        }
    }

    private static List<String> columnNames(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("PRAGMA table_info(worklist_item)")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString("name"));
            }
            return names;
        }
    }
}
