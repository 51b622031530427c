package org.lantir.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides which window a run asks for. The very first run of a source (nothing synced yet)
 * and a run on demand export everything. Every other run asks for the changes since the last
 * successful window ended, reaching back by an overlap, up to now: so the first run of a day
 * covers the night since the operation window closed, and a run after an outage covers the
 * whole outage. The overlap absorbs clock skew between Lantir and the source and the
 * source's change-time resolution; re-fetched rows update nothing.
 *
 * <p>TODO(#2): a session deleted upstream leaves the worklist only through a full export, and
 * outside a source's first run a full export happens only on demand
 * ({@link SyncScheduler#syncNow}; {@code lantir start --full-sync}); REDCap exports a changed
 * record whole, so an incremental run could also drop that record's vanished instances.
 */
public final class SyncWindowPlanner {

    private SyncWindowPlanner() {
    }

    public static SyncWindow plan(SyncState state, Instant now, Duration overlap,
            boolean forceFull) {
        if (forceFull || state == null || state.lastWindowEnd() == null) {
            return SyncWindow.full(now);
        }
        Instant begin = state.lastWindowEnd().minus(overlap);
        if (begin.isAfter(now.minus(overlap))) {
            // The clock went back (or the state came from a machine ahead of this one).
            begin = now.minus(overlap);
        }
        return SyncWindow.incremental(begin, now);
    }
}
