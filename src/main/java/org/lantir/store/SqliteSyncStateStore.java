package org.lantir.store;

import static org.lantir.store.SqlValues.setText;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.lantir.sync.SyncState;
import org.lantir.sync.SyncStateStore;

/** Each source's {@link SyncState} in SQLite ({@code sync_state}), kept across restarts. */
public final class SqliteSyncStateStore implements SyncStateStore {

    private final Database database;

    public SqliteSyncStateStore(Database database) {
        this.database = database;
    }

    @Override
    public Optional<SyncState> load(String source) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT last_window_end, "
                    + "last_full_sync, last_run_at, last_error FROM sync_state WHERE source = ?")) {
                select.setString(1, source);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new SyncState(source,
                            SqlValues.instant(row.getString("last_window_end")),
                            SqlValues.instant(row.getString("last_full_sync")),
                            SqlValues.instant(row.getString("last_run_at")),
                            row.getString("last_error")));
                }
            }
        });
    }

    /** Replaces the stored state of {@code state.source()}. */
    @Override
    public void save(SyncState state) {
        database.inTransaction(c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO sync_state "
                    + "(source, last_window_end, last_full_sync, last_run_at, last_error) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (source) DO UPDATE SET "
                    + "last_window_end = excluded.last_window_end, "
                    + "last_full_sync = excluded.last_full_sync, "
                    + "last_run_at = excluded.last_run_at, last_error = excluded.last_error")) {
                upsert.setString(1, state.source());
                setText(upsert, 2, SqlValues.instant(state.lastWindowEnd()));
                setText(upsert, 3, SqlValues.instant(state.lastFullSync()));
                setText(upsert, 4, SqlValues.instant(state.lastRunAt()));
                setText(upsert, 5, state.lastError());
                return upsert.executeUpdate();
            }
        });
    }
}
