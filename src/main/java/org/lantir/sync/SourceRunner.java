package org.lantir.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import org.lantir.events.EventFeed;
import org.lantir.events.LantirEvent.SyncRun;
import org.lantir.store.DatabaseBusyException;
import org.lantir.worklist.EventLog;
import org.lantir.worklist.SyncCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one source once: plans the window, fetches, applies the rows, then records the result
 * (sync state, event log, event feed). The rows, the sync state and the event log entry of a
 * run are written in one transaction ({@link SyncSink#inTransaction}): a process killed
 * half-way keeps all of them or none, and the window moves on only with the rows it brought.
 * A failed run applies nothing and leaves the window where it was, so the next run asks again
 * for everything since the last success. Every run that ends is recorded in the event log
 * through {@link SyncHistory}; a run stopped by {@link SyncScheduler#stop} records nothing.
 * Holds no state between runs beyond what the {@link SyncStateStore} keeps.
 */
final class SourceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SourceRunner.class);

    private final DataSource source;
    private final SyncSink sink;
    private final SyncStateStore states;
    private final SyncHistory history;
    private final EventFeed feed;
    private final Clock clock;
    private final Duration overlap;

    SourceRunner(DataSource source, SyncSink sink, SyncStateStore states, EventLog eventLog,
            EventFeed feed, Clock clock, Duration overlap) {
        this.source = Objects.requireNonNull(source, "source");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.states = Objects.requireNonNull(states, "states");
        this.history = new SyncHistory(Objects.requireNonNull(eventLog, "eventLog"));
        this.feed = Objects.requireNonNull(feed, "feed");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.overlap = Objects.requireNonNull(overlap, "overlap");
    }

    String name() {
        return source.name();
    }

    SyncOutcome run(boolean forceFull) {
        Instant now = clock.instant();
        SyncState previous = states.load(name()).orElse(null);
        SyncWindow window = SyncWindowPlanner.plan(previous, now, overlap, forceFull);
        feed.publish(new SyncRun(now, name(), SyncRun.Phase.STARTED, 0, 0, 0, 0, 0, null));
        LOG.debug("Sync {}: {}", name(), window);

        try {
            FetchResult result = source.fetch(window);
            return succeeded(now, previous, window, result);
        } catch (SourceException e) {
            if (Thread.currentThread().isInterrupted()) {
                // Stopping, not failing: record nothing, the next start asks again.
                LOG.info("Sync {}: stopped during a run; nothing applied", name());
                return new SyncOutcome(SyncOutcome.Status.FAILED, window, SyncCounts.NONE, 0,
                        "stopped", false);
            }
            return failed(now, previous, window, e.getMessage(), e.retryable(),
                    e.retryAfter());
        } catch (DatabaseBusyException e) {
            // Another process (lantir import) held the write lock: plain words, no trace.
            return failed(now, previous, window, DatabaseBusyException.REASON, true, null);
        } catch (RuntimeException e) {
            LOG.error("Sync {}: run failed", name(), e);
            // The event log and the window show plain words; the trace is in the log above.
            return failed(now, previous, window, "internal error ("
                    + e.getClass().getSimpleName() + "); see Lantir's log", true, null);
        }
    }

    /** Applies the rows, moves the window and records the run, all in one transaction. */
    private SyncOutcome succeeded(Instant started, SyncState previous, SyncWindow window,
            FetchResult result) {
        SyncRunRecord record = sink.inTransaction(() -> {
            SyncCounts counts = sink.apply(name(), result.rows(), result.complete(),
                    new HashSet<>(result.skippedKeys()));
            Instant end = clock.instant();
            states.save(new SyncState(name(), window.end(),
                    window.full() ? window.end() : lastFull(previous), end, null));
            SyncRunRecord run = SyncRunRecord.succeeded(name(), started, end, window, counts,
                    result.skips());
            record(run);
            return run;
        });

        SyncCounts counts = record.counts();
        boolean changed = counts.added() + counts.updated() + counts.removed()
                + record.skipped() > 0;
        if (changed || window.full()) {
            LOG.info("Sync {}: {}", name(), record.message());
        } else {
            // An unchanged incremental run every minute would bury the log people read.
            LOG.debug("Sync {}: {}", name(), record.message());
        }
        feed.publish(new SyncRun(record.ended(), name(), SyncRun.Phase.SUCCEEDED,
                counts.added(), counts.updated(), counts.unchanged(), counts.removed(),
                record.skipped(), null));
        return new SyncOutcome(SyncOutcome.Status.SUCCEEDED, window, counts, record.skipped(),
                null, false);
    }

    private SyncOutcome failed(Instant started, SyncState previous, SyncWindow window,
            String reason, boolean retryable, Duration retryAfter) {
        Instant end = clock.instant();
        LOG.warn("Sync {} failed ({}): {}", name(), window, reason);
        try {
            sink.inTransaction(() -> {
                saveFailure(previous, end, reason);
                history.record(SyncRunRecord.failed(name(), started, end, window, reason));
                return null;
            });
        } catch (DatabaseBusyException e) {
            LOG.warn("Sync {}: this failed run is missing from the sync history: {}", name(),
                    DatabaseBusyException.REASON);
        } catch (RuntimeException e) {
            LOG.error("Sync {}: this failed run is missing from the sync history", name(), e);
        }
        feed.publish(new SyncRun(end, name(), SyncRun.Phase.FAILED, 0, 0, 0, 0, 0, reason));
        return new SyncOutcome(SyncOutcome.Status.FAILED, window, SyncCounts.NONE, 0, reason,
                retryable, retryAfter);
    }

    /**
     * Remembers the reason; the window stays where the last success left it. A state that
     * cannot be saved must not cost the run its history entry: reported, and the
     * transaction goes on.
     */
    private void saveFailure(SyncState previous, Instant end, String reason) {
        try {
            states.save(new SyncState(name(),
                    previous == null ? null : previous.lastWindowEnd(), lastFull(previous),
                    end, reason));
        } catch (RuntimeException e) {
            LOG.error("Sync {}: could not save the sync state of this failed run", name(), e);
        }
    }

    /**
     * The run's event log entry. Losing it must not lose the run's rows: a failing log is
     * reported and the transaction goes on.
     */
    private void record(SyncRunRecord run) {
        try {
            history.record(run);
        } catch (RuntimeException e) {
            LOG.error("Sync {}: could not write the run to the event log", name(), e);
        }
    }

    private static Instant lastFull(SyncState previous) {
        return previous == null ? null : previous.lastFullSync();
    }
}
