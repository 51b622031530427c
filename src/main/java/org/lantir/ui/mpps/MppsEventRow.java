package org.lantir.ui.mpps;

import java.time.Instant;

/**
 * One line of the MPPS events screen: one N-CREATE or N-SET as the server took it.
 *
 * @param previousStatus null for an N-CREATE, else the status before the N-SET
 * @param worklistItemId the row the step matched, or null when it matched none
 * @param patient the matched row's patient as a person reads it, {@code ""} while not yet
 *        looked up or when unmatched
 */
public record MppsEventRow(Instant time, String callingAeTitle, String sopInstanceUid,
        String previousStatus, String status, Long worklistItemId, String patient) {

    /** What happened, e.g. {@code "created IN PROGRESS"}, {@code "IN PROGRESS → COMPLETED"}. */
    public String change() {
        String now = status == null ? "(status not logged)" : status;
        if (previousStatus == null) {
            return "created " + now;
        }
        return previousStatus.equals(status) ? now + " updated"
                : previousStatus + " \u2192 " + now;
    }

    /** {@code "Row 12"}, or {@code "unmatched"} when the step fits no worklist row. */
    public String rowText() {
        return worklistItemId == null ? "unmatched" : "Row " + worklistItemId;
    }

    public boolean matched() {
        return worklistItemId != null;
    }

    MppsEventRow withPatient(String text) {
        return new MppsEventRow(time, callingAeTitle, sopInstanceUid, previousStatus, status,
                worklistItemId, text);
    }

    /** The same step from the log and from the feed has the same key. */
    String key() {
        return sopInstanceUid + "|" + previousStatus + "|" + status + "|" + time;
    }
}
