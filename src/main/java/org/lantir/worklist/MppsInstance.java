package org.lantir.worklist;

import java.time.Instant;

/**
 * A Modality Performed Procedure Step instance as stored (PS3.4 F.7).
 *
 * @param sopInstanceUid the MPPS SOP Instance UID
 * @param status Performed Procedure Step Status as received: {@code IN PROGRESS},
 *        {@code COMPLETED} or {@code DISCONTINUED} (PS3.3 C.4.14)
 * @param attributes the full attribute set (N-CREATE merged with every N-SET), encoded in
 *        Explicit VR Little Endian
 * @param callingAeTitle the AE title that created it
 * @param worklistItemId the worklist row it was matched to, or null when unmatched
 * @param matchedBy how the match was made ({@code scheduled-step}, {@code study-uid},
 *        {@code patient-date}) or null
 */
public record MppsInstance(String sopInstanceUid, String status, byte[] attributes,
        String callingAeTitle, Instant createdAt, Instant updatedAt, Long worklistItemId,
        String matchedBy) {

    public MppsInstance withUpdate(String newStatus, byte[] newAttributes, Instant when) {
        return new MppsInstance(sopInstanceUid, newStatus, newAttributes, callingAeTitle,
                createdAt, when, worklistItemId, matchedBy);
    }
}
