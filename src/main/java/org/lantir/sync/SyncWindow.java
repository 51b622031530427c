package org.lantir.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * Which changes a run asks its source for. A full window asks for everything the source has
 * (no change-time bounds); an incremental one for what changed between {@code begin} and
 * {@code end}, both inclusive. {@code end} is also what the scheduler remembers as the end of
 * the last synced window.
 */
public record SyncWindow(Instant begin, Instant end, boolean full) {

    public SyncWindow {
        Objects.requireNonNull(end, "end");
        if (!full) {
            Objects.requireNonNull(begin, "begin");
        }
    }

    /** Everything the source has, as of {@code asOf}. */
    public static SyncWindow full(Instant asOf) {
        return new SyncWindow(null, asOf, true);
    }

    public static SyncWindow incremental(Instant begin, Instant end) {
        return new SyncWindow(begin, end, false);
    }

    @Override
    public String toString() {
        return full ? "full export" : "changes " + begin + " .. " + end;
    }
}
