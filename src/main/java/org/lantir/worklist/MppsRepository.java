package org.lantir.worklist;

import java.util.List;
import java.util.Optional;

/**
 * Where MPPS instances are kept. Each write is one transaction that also moves the matched
 * worklist row and appends to the event log, so a failure leaves all three unchanged.
 */
public interface MppsRepository {

    Optional<MppsInstance> find(String sopInstanceUid);

    /**
     * Stores a new instance; when it is matched, sets that worklist row's status to
     * {@code itemStatus}; appends {@code event}.
     *
     * @throws DuplicateMppsException when the SOP Instance UID is already stored
     */
    void create(MppsInstance instance, ProcedureStepStatus itemStatus, EventRecord event);

    /**
     * Replaces the stored status and attributes; when matched, sets the worklist row's status
     * to {@code itemStatus} (null leaves it); appends {@code event}.
     */
    void update(MppsInstance instance, ProcedureStepStatus itemStatus, EventRecord event);

    /** Newest first. */
    List<MppsInstance> recent(int limit);

    List<MppsInstance> findByWorklistItem(long worklistItemId);

    /** Raised when an N-CREATE names an instance that already exists (PS3.7 C.4.2, 0111H). */
    final class DuplicateMppsException extends RuntimeException {
        public DuplicateMppsException(String sopInstanceUid) {
            super("MPPS instance " + sopInstanceUid + " already exists");
        }
    }
}
