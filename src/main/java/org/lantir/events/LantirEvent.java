package org.lantir.events;

import java.time.Instant;

/**
 * Something that happened inside Lantir that a window, a log or an API client may want to
 * see. Events name rows, UIDs, sources and associations, never patient data.
 */
public sealed interface LantirEvent {

    Instant time();

    /** Worklist rows were added, changed or removed (by a sync, an MPPS or a person). */
    record WorklistChanged(Instant time, String cause, int added, int updated, int removed)
            implements LantirEvent {
    }

    /**
     * An MPPS instance was created or updated. {@code worklistItemId} is null when the MPPS
     * matched no worklist row; {@code previousStatus} is null when it was just created
     * (N-CREATE), else the status before the N-SET.
     */
    record MppsChanged(Instant time, String sopInstanceUid, String callingAeTitle,
            String status, Long worklistItemId, String previousStatus) implements LantirEvent {

        /** A newly created instance. */
        public MppsChanged(Instant time, String sopInstanceUid, String callingAeTitle,
                String status, Long worklistItemId) {
            this(time, sopInstanceUid, callingAeTitle, status, worklistItemId, null);
        }

        public boolean created() {
            return previousStatus == null;
        }
    }

    /** A data source began or finished a run; {@code error} is null on success. */
    record SyncRun(Instant time, String source, Phase phase, int added, int updated,
            int unchanged, int removed, int skipped, String error) implements LantirEvent {

        public enum Phase { STARTED, SUCCEEDED, FAILED }
    }

    /** An association was opened, released, aborted or refused. */
    record AssociationEvent(Instant time, String name, String callingAeTitle,
            String calledAeTitle, Kind kind, String detail) implements LantirEvent {

        public enum Kind { ACCEPTED, REJECTED, RELEASED, ABORTED }
    }

    /** The DICOM server started listening or stopped. */
    record ServerState(Instant time, boolean listening, String address, int port,
            String aeTitle) implements LantirEvent {
    }
}
