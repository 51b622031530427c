package org.lantir.sync;

import java.time.Duration;
import org.lantir.worklist.SyncCounts;

/**
 * How one scheduled or requested run of a source ended.
 *
 * @param window the window asked for, or null when the run was skipped
 * @param counts what the run did to the worklist ({@link SyncCounts#NONE} unless it succeeded)
 * @param skipped rows the source has but could not map
 * @param error plain-words reason of a failure, else null
 * @param retryable whether a failure may clear by itself (outage) or needs a person
 * @param retryAfter how long the source asked Lantir to wait before the next request (an
 *        HTTP 429 or 503 with {@code Retry-After}), or null when it did not say
 */
public record SyncOutcome(Status status, SyncWindow window, SyncCounts counts, int skipped,
        String error, boolean retryable, Duration retryAfter) {

    /** How a run ended. */
    public enum Status {
        SUCCEEDED, FAILED,
        /** Not run: outside the source's operation interval. */
        SKIPPED
    }

    /** An outcome whose source asked for no particular wait. */
    public SyncOutcome(Status status, SyncWindow window, SyncCounts counts, int skipped,
            String error, boolean retryable) {
        this(status, window, counts, skipped, error, retryable, null);
    }

    static SyncOutcome skippedOutsideWindow() {
        return new SyncOutcome(Status.SKIPPED, null, SyncCounts.NONE, 0, null, false);
    }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }
}
