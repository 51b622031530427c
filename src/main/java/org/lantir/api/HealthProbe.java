package org.lantir.api;

import java.time.Instant;
import java.util.List;

/** What {@code GET /health} reports: the running instance's services, read when asked. */
public interface HealthProbe {

    Report report();

    /**
     * @param databaseProblem why the worklist database did not answer, or null when it did
     * @param schemaVersion the database's schema version, or -1 when it did not answer
     */
    record Report(String databaseProblem, int schemaVersion, Dicom dicom, List<Sync> sync) {

        public boolean healthy() {
            return databaseProblem == null;
        }
    }

    /** The DICOM server: running, and where; {@code problem} why it did not start, or null. */
    record Dicom(boolean running, String aeTitle, String bindAddress, int port,
            int activeAssociations, String problem, boolean inThisProcess) {
    }

    /** One data source's schedule and last run ({@code lastError} null when it succeeded). */
    record Sync(String source, boolean running, boolean paused, Instant lastRunEnded,
            String lastOutcome, String lastError, int consecutiveFailures) {
    }
}
