package org.lantir.worklist;

import java.util.EnumSet;
import java.util.Set;
import org.lantir.dicom.data.UID;

/**
 * The site's choices for the worklist service.
 *
 * @param uidRoot root of the UIDs Lantir mints (Study Instance UID, MPPS SOP Instance UID):
 *        by default the UUID-derived {@code 2.25} of PS3.5 Annex B.2; never the standard's
 *        own {@code 1.2.840.10008}, and at most 40 characters so that at least 23 random
 *        digits follow it within the 64 of PS3.5 §9.1
 * @param visibleStatuses the statuses a C-FIND without a Scheduled Procedure Step Status key
 *        returns (default SCHEDULED and IN_PROGRESS)
 * @param personNameIgnoresCase whether PN keys match regardless of case, single value and
 *        wild card alike (default true, as PS3.4 C.2.2.2.1 allows; CS is never folded)
 * @param sqlPushdown whether queries narrow with the store's indexes before the in-memory
 *        rules (default true; the answer is the same either way)
 * @param unassignedStation what a C-FIND does with rows that have no Scheduled Station AE
 *        Title (default {@link UnassignedStation#ANY}: scheduled for whichever station asks)
 */
public record WorklistSettings(String uidRoot, Set<ProcedureStepStatus> visibleStatuses,
        boolean personNameIgnoresCase, boolean sqlPushdown,
        UnassignedStation unassignedStation) {

    private static final String DICOM_ROOT = "1.2.840.10008";

    public WorklistSettings {
        checkUidRoot(uidRoot);
        if (visibleStatuses == null || visibleStatuses.isEmpty()) {
            throw new IllegalArgumentException("visible statuses: name at least one");
        }
        visibleStatuses = Set.copyOf(visibleStatuses);
        if (unassignedStation == null) {
            throw new IllegalArgumentException("unassigned station: name a policy");
        }
    }

    public static WorklistSettings defaults() {
        return new WorklistSettings(UID.UUID_ROOT,
                EnumSet.of(ProcedureStepStatus.SCHEDULED, ProcedureStepStatus.IN_PROGRESS),
                true, true, UnassignedStation.ANY);
    }

    public WorklistSettings withUidRoot(String root) {
        return new WorklistSettings(root, visibleStatuses, personNameIgnoresCase, sqlPushdown,
                unassignedStation);
    }

    public WorklistSettings withVisibleStatuses(Set<ProcedureStepStatus> statuses) {
        return new WorklistSettings(uidRoot, statuses, personNameIgnoresCase, sqlPushdown,
                unassignedStation);
    }

    public WorklistSettings withPersonNameIgnoresCase(boolean ignoreCase) {
        return new WorklistSettings(uidRoot, visibleStatuses, ignoreCase, sqlPushdown,
                unassignedStation);
    }

    public WorklistSettings withSqlPushdown(boolean pushdown) {
        return new WorklistSettings(uidRoot, visibleStatuses, personNameIgnoresCase, pushdown,
                unassignedStation);
    }

    public WorklistSettings withUnassignedStation(UnassignedStation policy) {
        return new WorklistSettings(uidRoot, visibleStatuses, personNameIgnoresCase, sqlPushdown,
                policy);
    }

    private static void checkUidRoot(String root) {
        if (root == null || !UID.isValid(root)) {
            throw new IllegalArgumentException("uid root: not a valid UID prefix: " + root);
        }
        if (root.equals(DICOM_ROOT) || root.startsWith(DICOM_ROOT + ".")) {
            throw new IllegalArgumentException("uid root: " + root
                    + " is the DICOM standard's own root (PS3.5 §9.1); use your own or 2.25");
        }
        if (root.length() > 40) {
            throw new IllegalArgumentException("uid root: longer than 40 characters");
        }
    }
}
