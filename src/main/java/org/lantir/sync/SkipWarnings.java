package org.lantir.sync;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Warns about a skipped row once, not on every run: a source that re-reads a whole window
 * (Calpendo) meets the same unmappable booking every minute, and a WARN each time buries the
 * log people read. A row is warned about when it is first skipped, or skipped for another
 * reason; later runs log it at DEBUG, until it maps again or leaves the window
 * ({@link #runEnded}), after which a new skip is warned about again. The lines name the row by
 * its key (a booking id, a line), never by patient data.
 */
public final class SkipWarnings {

    private final Logger log;
    /** Row key → the reason last warned about; only rows skipped in the last run. */
    private final Map<String, String> warned = new HashMap<>();

    /** @param log where the lines go, the source's own logger */
    public SkipWarnings(Logger log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Logs that {@code row} of {@code owner} was skipped for {@code reason}: WARN the first
     * time, DEBUG while it stays skipped for the same reason.
     */
    public synchronized void skipped(String owner, String row, String reason) {
        if (Objects.equals(warned.put(row, reason), reason)) {
            log.debug("{}: {} skipped again: {}", owner, row, reason);
        } else {
            log.warn("{}: {} skipped: {} (said once; while it stays so, later runs log it at "
                    + "DEBUG)", owner, row, reason);
        }
    }

    /** Forgets the rows this run did not skip: they mapped again or went away. */
    public synchronized void runEnded(Set<String> skippedThisRun) {
        warned.keySet().retainAll(skippedThisRun);
    }
}
