package org.lantir.worklist;

import java.time.Instant;

/**
 * One line of the persistent event log (MPPS, sync and worklist events) that the desktop
 * window and the API show. Messages carry UIDs, sources and counts, never patient data.
 *
 * @param id database key, null until stored
 * @param kind e.g. {@code MPPS_CREATED}, {@code MPPS_UPDATED}, {@code SYNC_SUCCEEDED},
 *        {@code SYNC_FAILED}, {@code WORKLIST_EDITED}
 * @param source data source name, calling AE title or user name
 * @param subject the SOP Instance UID or other identifier the event is about, or null
 */
public record EventRecord(Long id, Instant time, String kind, String source, String subject,
        Long worklistItemId, String message) {

    public static EventRecord of(Instant time, String kind, String source, String subject,
            Long worklistItemId, String message) {
        return new EventRecord(null, time, kind, source, subject, worklistItemId, message);
    }
}
