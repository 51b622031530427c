package org.lantir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.sync.SyncState;

class SqliteSyncStateStoreTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownSourceHasNoState() {
        try (Database db = Database.open(dir.resolve("w.db"))) {
            assertThat(new SqliteSyncStateStore(db).load("redcap")).isEmpty();
        }
    }

    @Test
    void saveReplacesTheStateAndItSurvivesARestart() {
        Path file = dir.resolve("w.db");
        Instant t = Instant.parse("2025-06-02T09:00:00.123456789Z");
        SyncState failed = new SyncState("redcap", t, null, t.plusSeconds(5), "HTTP 503");
        SyncState succeeded = new SyncState("redcap", t.plusSeconds(60), t, t.plusSeconds(65),
                null);

        try (Database db = Database.open(file)) {
            SqliteSyncStateStore store = new SqliteSyncStateStore(db);
            store.save(failed);
            assertThat(store.load("redcap")).contains(failed);
            store.save(succeeded);
            store.save(new SyncState("calpendo", null, null, null, null));
        }

        try (Database db = Database.open(file)) {
            assertThat(new SqliteSyncStateStore(db).load("redcap")).contains(succeeded);
        }
    }
}
