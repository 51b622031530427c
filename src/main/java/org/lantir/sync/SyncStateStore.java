package org.lantir.sync;

import java.util.Optional;

/** Keeps each source's {@link SyncState}; the SQLite store implements it. */
public interface SyncStateStore {

    Optional<SyncState> load(String source);

    void save(SyncState state);
}
