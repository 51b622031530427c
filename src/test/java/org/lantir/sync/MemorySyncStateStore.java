package org.lantir.sync;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SyncStateStore} in memory, for tests. */
public final class MemorySyncStateStore implements SyncStateStore {

    private final Map<String, SyncState> states = new ConcurrentHashMap<>();

    @Override
    public Optional<SyncState> load(String source) {
        return Optional.ofNullable(states.get(source));
    }

    @Override
    public void save(SyncState state) {
        states.put(state.source(), state);
    }

    public int size() {
        return states.size();
    }
}
