package org.lantir.sync;

import java.time.Duration;
import java.time.Instant;
import org.lantir.config.OperationInterval;

/**
 * Where one source of a {@link SyncScheduler} stands at one moment, for the desktop console
 * and the command line.
 *
 * @param source the data source name
 * @param interval the time between timer runs ({@code sync_interval})
 * @param window the daily window in which timer runs happen ({@code operation_interval})
 * @param paused whether its timer is paused; runs asked for by a person still happen
 * @param running whether a run is in progress now
 * @param insideWindow whether the clock is inside {@code window} now
 * @param nextRun when the timer next runs the source (a run outside the window skips and
 *        asks again an interval later), or null when paused, stopped, not started, or while
 *        a timer run is in progress
 * @param lastRun the last run since the scheduler started, or null when none has run
 * @param consecutiveFailures failed timer runs in a row; above zero the timer is backing off
 */
public record SyncSourceStatus(String source, Duration interval, OperationInterval window,
        boolean paused, boolean running, boolean insideWindow, Instant nextRun,
        LastRun lastRun, int consecutiveFailures) {

    /** The timer waits longer than its interval because the last runs failed. */
    public boolean backingOff() {
        return consecutiveFailures > 0;
    }

    /**
     * One finished run as the scheduler remembers it.
     *
     * @param outcome how it ended, with its counts or its plain-words error
     */
    public record LastRun(Instant started, Instant ended, SyncOutcome outcome) {

        public Duration duration() {
            return Duration.between(started, ended);
        }
    }
}
