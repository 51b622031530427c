package org.lantir.sync;

import java.time.Instant;

/**
 * What the scheduler remembers of a source between runs and restarts.
 *
 * @param source data source name
 * @param lastWindowEnd end of the last change window that synced successfully, or null when
 *        the source has never synced (the next run is then a full export)
 * @param lastFullSync when the last full export succeeded, or null
 * @param lastRunAt when the last run ended, or null
 * @param lastError plain-words reason of the last failed run, null after a success
 */
public record SyncState(String source, Instant lastWindowEnd, Instant lastFullSync,
        Instant lastRunAt, String lastError) {
}
